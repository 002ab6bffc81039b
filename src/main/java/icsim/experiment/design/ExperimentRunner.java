package icsim.experiment.design;

import icsim.experiment.ReplicationRunner;
import icsim.output.RunSummary;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;
import icsim.scenario.ScenarioLoader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment's points one after another, each with all its replications in parallel, with stream
 * offset 0 for all (common random numbers across points). Remembers what it ran, in order, with wall times.
 */
public final class ExperimentRunner implements PointRuns {

    /** Runs one loaded scenario's replications (the command line adds its progress bar). */
    public interface Executor {
        ReplicationRunner.Outcome run(Point point, Scenario scenario, boolean capitation, int index, int total);
    }

    /** A point that ran, for the provenance record. */
    public record Ran(Point point, Scenario scenario, double wallSeconds) {
    }

    private final String file;
    private final int threads;
    private final Executor executor;
    private final Map<String, Point> prepared = new LinkedHashMap<>();
    private final Map<String, Scenario> loaded = new LinkedHashMap<>();
    private final Map<String, RunSummary> done = new LinkedHashMap<>();
    private final List<Ran> ran = new ArrayList<>();

    /** @param file the experiment file, named in errors */
    public ExperimentRunner(String file, int threads, Executor executor) {
        this.file = file;
        this.threads = threads;
        this.executor = executor;
    }

    /** Without a progress display: replications on the given threads. */
    public ExperimentRunner(String file, int threads) {
        this(file, threads, (point, scenario, capitation, index, total) -> runner(threads, capitation)
                .run(scenario, 0, null, null));
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void note(Point point, double wallSeconds) {
        ran.add(new Ran(point, scenario(point), wallSeconds));
    }

    @Override
    public void prepare(List<Point> points) throws ScenarioException {
        for (Point p : points) {
            Point known = prepared.putIfAbsent(p.name(), p);
            if (known != null && !(known.scenario().equals(p.scenario()) && known.overrides().equals(p.overrides()))) {
                throw new IllegalStateException("two different points named " + p.name());
            }
            if (loaded.containsKey(p.name())) {
                continue;
            }
            try {
                loaded.put(p.name(), ScenarioLoader.load(p.scenario(), p.overrides()));
            } catch (ScenarioException e) {
                throw new ScenarioException(file, "point '" + p.name() + "'", e.getMessage(), e);
            }
        }
    }

    @Override
    public Scenario scenario(Point point) {
        Scenario s = loaded.get(point.name());
        if (s == null) {
            throw new IllegalStateException("point " + point.name() + " was not prepared");
        }
        return s;
    }

    /** Replications on the given threads, recording capitation data when asked. */
    public static ReplicationRunner runner(int threads, boolean capitation) {
        ReplicationRunner r = new ReplicationRunner(threads);
        return capitation ? r.recordingCapitation() : r;
    }

    @Override
    public RunSummary run(Point point, boolean capitation) {
        RunSummary summary = done.get(point.name());
        if (summary == null) {
            Scenario s = scenario(point);
            long start = System.nanoTime();
            ReplicationRunner.Outcome outcome = executor.run(point, s, capitation, done.size() + 1, loaded.size());
            summary = new RunSummary(outcome.results());
            done.put(point.name(), summary);
            ran.add(new Ran(point, s, (System.nanoTime() - start) / 1e9));
        }
        return summary;
    }

    /** The points run so far, in the order they ran. */
    public List<Ran> ran() {
        return List.copyOf(ran);
    }

    /** Every run point's summary, in the order they ran. */
    public Map<String, RunSummary> summaries() {
        return java.util.Collections.unmodifiableMap(done);
    }
}
