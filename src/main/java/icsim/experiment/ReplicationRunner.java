package icsim.experiment;

import icsim.model.CareSystem;
import icsim.model.Rates;
import icsim.output.EventRecord;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a scenario's replications on a fixed number of threads. Each replication owns its model and its
 * keyed random numbers, so results are identical whatever the thread count; they are returned in
 * replication order.
 */
public final class ReplicationRunner {
    private final int threads;

    public ReplicationRunner(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** What to log per replication: null for no event log; sampleSize &lt; 0 logs everyone. */
    public record EventLogRequest(int sampleSize) {
    }

    public record Outcome(List<ReplicationResult> results, List<List<EventRecord>> events) {
    }

    /**
     * @param streamOffset 0 for common random numbers across scenarios; distinct values give independent streams
     * @param progress     called with the number of replications finished (may be called from worker threads)
     */
    public Outcome run(Scenario scenario, long streamOffset, EventLogRequest log, IntConsumer progress) {
        int replications = scenario.run().replications();
        Rates rates = new Rates(scenario);
        ReplicationResult[] results = new ReplicationResult[replications];
        List<List<EventRecord>> events = new ArrayList<>(Collections.nCopies(replications, List.<EventRecord>of()));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, replications), runnable -> {
            Thread t = new Thread(runnable, "icsim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                final int rep = r;
                futures.add(pool.submit(() -> {
                    List<EventRecord> sink = log == null ? null : new ArrayList<>();
                    CareSystem system = new CareSystem(scenario, rates, rep, streamOffset,
                            sink == null ? null : sink::add, log == null ? 0 : log.sampleSize());
                    results[rep] = system.run();
                    if (sink != null) {
                        events.set(rep, sink);
                    }
                    if (progress != null) {
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(List.of(results), events);
    }
}
