package icsim.experiment.design;

import icsim.output.RunSummary;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;

import java.util.List;

/** Loads and runs an experiment's points; the runner behind it decides threads and progress display. */
public interface PointRuns {

    /** Loads every point's scenario first, so a mistake in any of them stops the experiment before it runs. */
    void prepare(List<Point> points) throws ScenarioException;

    /** The point's scenario as loaded (call {@link #prepare} first). */
    Scenario scenario(Point point);

    /** The point's replications (run once, then remembered). */
    default RunSummary run(Point point) {
        return run(point, false);
    }

    /** The same, with each replication's capitation data when asked (MODEL.md §8.4; it costs a few per cent). */
    RunSummary run(Point point, boolean capitation);

    /** Worker threads for a design that runs its own simulations (results do not depend on it). */
    int threads();

    /** Records a point a design ran itself, for the provenance record. */
    void note(Point point, double wallSeconds);
}
