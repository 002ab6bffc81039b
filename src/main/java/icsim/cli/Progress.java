package icsim.cli;

import icsim.experiment.ReplicationRunner;
import icsim.scenario.Scenario;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A progress bar on stderr for runs longer than a couple of seconds: replications done of the total, with an
 * estimate of the time left. Silent with --quiet, when the terminal is not interactive (a pipe, a file, CI), and
 * for the first two seconds, so short runs print nothing extra. Replications report from worker threads.
 */
final class Progress implements AutoCloseable {
    private static final long DELAY_NANOS = 2_000_000_000L;

    private final String task;
    private final long total;
    private final boolean enabled;
    private final long delayNanos;
    private final java.io.PrintStream out;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    /** Read by the bar's renderer thread for the estimate, so not guarded by this object's lock. */
    private volatile long done;

    /** @param total replications to run */
    Progress(String task, long total, boolean quiet) {
        this(task, total, !quiet && System.console() != null, DELAY_NANOS, System.err);
    }

    Progress(String task, long total, boolean enabled, long delayNanos, java.io.PrintStream out) {
        this.task = task;
        this.total = total;
        this.enabled = enabled;
        this.delayNanos = delayNanos;
        this.out = out;
    }

    /** Runs one scenario's replications, with a bar of their own. */
    static ReplicationRunner.Outcome run(int threads, Scenario scenario, long streamOffset,
                                         ReplicationRunner.EventLogRequest log, boolean quiet) {
        try (Progress progress = new Progress(scenario.name(), scenario.run().replications(), quiet)) {
            return new ReplicationRunner(threads).run(scenario, streamOffset, log, progress.listener());
        }
    }

    /** Called with the number of replications finished (from worker threads). */
    IntConsumer listener() {
        return this::advanceTo;
    }

    private synchronized void advanceTo(long replications) {
        done = Math.max(done, replications);
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - start < delayNanos || done >= total) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" replications", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setMaxRenderedLength(100).setEtaFunction(state -> eta())
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).build();
        }
        bar.stepTo(done);
    }

    /** Time left at the pace so far (replications take about the same time). */
    private java.util.Optional<Duration> eta() {
        long finished = done;
        if (finished == 0) {
            return java.util.Optional.empty();
        }
        long elapsed = System.nanoTime() - start;
        return java.util.Optional.of(Duration.ofNanos(elapsed / finished * (total - finished)));
    }

    @Override
    public void close() {
        ProgressBar closing;
        synchronized (this) {
            closing = bar;
            bar = null;
            if (closing != null) {
                closing.stepTo(done);
            }
        }
        if (closing != null) {
            closing.close(); // outside the lock: it waits for the renderer, which reads the estimate
        }
    }
}
