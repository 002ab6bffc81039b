package icsim.experiment.design;

import icsim.scenario.ExperimentSpec;
import icsim.scenario.ScenarioException;

/** An experiment design of MODEL.md §8: which points to run and how their paired results become a verdict. */
public interface Design {

    /** Runs what the design needs through runs (after {@link PointRuns#prepare}) and analyses it. */
    DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException;

    /** The design an experiment file names. */
    static Design of(String name) {
        return switch (name) {
            case "sweep" -> new SweepDesign();
            case "leutz_l1" -> new CoverageDepthDesign();
            case "leutz_l2" -> new PaybackDesign();
            case "leutz_l3" -> new SpilloverDesign();
            case "leutz_l4" -> new StructureCoordinationDesign();
            case "leutz_l5" -> new LeadDesign();
            case "scale" -> new ScaleDesign();
            case "evaluation" -> new EvaluationDesign();
            default -> throw new IllegalArgumentException("unknown design " + name);
        };
    }
}
