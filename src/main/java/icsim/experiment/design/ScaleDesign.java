package icsim.experiment.design;

import icsim.scenario.ExperimentSpec;
import icsim.scenario.ScenarioException;

final class ScaleDesign implements Design {
    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        throw new ScenarioException(spec.file(), "design", "not built yet");
    }
}
