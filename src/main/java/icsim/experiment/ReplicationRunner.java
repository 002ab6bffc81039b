package icsim.experiment;

import icsim.model.CareSystem;
import icsim.model.Rates;
import icsim.output.EventLogWriter;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;

import java.util.ArrayList;
import java.nio.file.Path;
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
    private final boolean capitation;

    public ReplicationRunner(int threads) {
        this(threads, false);
    }

    private ReplicationRunner(int threads, boolean capitation) {
        this.threads = Math.max(1, threads);
        this.capitation = capitation;
    }

    /**
     * The same runner, also recording each person's cost per year for capitation (MODEL.md §8.4, the results'
     * {@code capitation}; null otherwise). It costs a few per cent of run time; other results are unchanged.
     */
    public ReplicationRunner recordingCapitation() {
        return new ReplicationRunner(threads, true);
    }

    /**
     * What to log per replication: sampleSize &lt; 0 logs everyone; each replication's events go to
     * {@code folder/events-<replication>.part} as they happen (a null request logs nothing).
     */
    public record EventLogRequest(int sampleSize, Path folder) {
    }

    /** The replications' results, in order, and their event-log parts (empty without a log request). */
    public record Outcome(List<ReplicationResult> results, List<Path> eventParts) {
    }

    /**
     * @param streamOffset 0 for common random numbers across scenarios; distinct values give independent streams
     * @param progress     called with the number of replications finished (may be called from worker threads)
     */
    public Outcome run(Scenario scenario, long streamOffset, EventLogRequest log, IntConsumer progress) {
        int replications = scenario.run().replications();
        Rates rates = new Rates(scenario);
        List<Path> parts = new ArrayList<>();
        for (int r = 0; log != null && r < replications; r++) {
            parts.add(log.folder().resolve("events-" + r + ".part"));
        }
        List<ReplicationResult> results = map(replications, rep -> {
            try (EventLogWriter.Part part = log == null ? null : new EventLogWriter.Part(parts.get(rep))) {
                CareSystem system = new CareSystem(scenario, rates, rep, streamOffset,
                        part == null ? null : part::accept, log == null ? 0 : log.sampleSize());
                if (capitation) {
                    system.recordCapitation();
                }
                return system.run();
            }
        }, progress);
        return new Outcome(results, parts);
    }

    /**
     * One replication's work. It may depend only on its replication index and on inputs nobody changes, so
     * results do not depend on the thread count; it returns non-null.
     */
    public interface Task<T> {
        T run(int replication) throws Exception;
    }

    /**
     * Runs task for replications 0 … replications − 1 on this runner's threads and returns what each returned,
     * in replication order; the first failure in replication order is rethrown (unchecked).
     *
     * @param progress called with the number of replications finished (may be called from worker threads)
     */
    public <T> List<T> map(int replications, Task<T> task, IntConsumer progress) {
        Object[] results = new Object[replications];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, replications)), runnable -> {
            Thread t = new Thread(runnable, "icsim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                final int rep = r;
                futures.add(pool.submit(() -> {
                    results[rep] = task.run(rep);
                    if (progress != null) {
                        progress.accept(done.incrementAndGet());
                    }
                    return null;
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
            if (cause instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) List.of(results);
        return list;
    }
}
