package icsim.experiment.design;

import icsim.experiment.EvaluationDesigns;
import icsim.output.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluation experiment's tables and sentence, from constructed per-replication estimates. */
class EvaluationDesignTest {

    /** Enrolled fall from 2.4 to 0.9; the counterfactual falls to 1.0; controls to 0.7. */
    static EvaluationDesigns.Result result() {
        List<EvaluationDesigns.ReplicationEstimate> reps = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            double j = 0.01 * r;
            reps.add(new EvaluationDesigns.ReplicationEstimate(r, 100, 90, 9, 0, 2.4 + j, 0.9 + j, 2.3, 0.85 + j, 2.3,
                    0.7, 2.4 + j, 1.0 + j / 2));
        }
        return new EvaluationDesigns.Result("coordination", "fragmented",
                EvaluationDesigns.Settings.of(icsimScenario(), 12, 12, 5, false), reps);
    }

    private static icsim.scenario.Scenario icsimScenario() {
        try {
            return icsim.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios/coordination.yaml"));
        } catch (icsim.scenario.ScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tablesHaveEveryDesignAndTheShareThatIsRegressionToTheMean() {
        EvaluationDesigns.Result r = result();
        List<Table> tables = EvaluationDesign.tables(r, 12);
        Table effects = tables.get(0);
        assertEquals("evaluation.csv", effects.file());
        assertEquals(List.of("before/after", "matched controls", "CRN counterfactual (true effect)",
                "bias of matched controls", "regression to the mean share"),
                effects.rows().stream().map(row -> row.get(0)).toList());
        double rtm = (Double) effects.rows().get(4).get(1);
        assertEquals(((-1.5) - (-0.1 + 0.0125)) / -1.5, rtm, 0.01, "about 94 % of the fall is regression to the mean");
        assertEquals(600, effects.rows().get(0).get(6));
        assertEquals(8, tables.get(1).rows().size());
        String text = EvaluationDesign.summary(r);
        assertTrue(text.startsWith("A before/after study of the enrolled sees emergency admissions fall by 1.50 per person"), text);
        assertTrue(text.contains("of the apparent effect is regression to the mean"), text);
    }
}
