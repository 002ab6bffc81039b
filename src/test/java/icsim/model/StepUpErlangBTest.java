package icsim.model;

import icsim.experiment.ReplicationRunner;
import icsim.output.Estimate;
import icsim.output.Estimates;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Step-up is a loss system: a referral that finds every place taken goes to A&E instead. With seasonality
 * and crisis clustering off, referrals from a large population are Poisson, so the share refused must match
 * Erlang B for the offered load (whatever the length-of-stay distribution). A queueing-theory check on the
 * real model, not a toy.
 */
class StepUpErlangBTest {
    static double erlangB(int servers, double offered) {
        double b = 1;
        for (int k = 1; k <= servers; k++) {
            b = offered * b / (k + offered * b);
        }
        return b;
    }

    @Test
    void refusedShareMatchesErlangB() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"), Map.of(
                "run.replications", 8, "run.years", 3, "seasonality.amplitude", 0, "post_crisis.multiplier", 1,
                "services.step_up.per_100k", 12, "services.step_up.minimum_unit", 1));
        List<ReplicationResult> results = new ReplicationRunner(2).run(s, 0, null, null).results();
        int places = s.services().stepUp().places(s.population().size());
        double[] gap = new double[results.size()];
        for (int r = 0; r < results.size(); r++) {
            double served = results.get(r).metrics().get("step_up_episodes");
            double refused = results.get(r).metrics().get("step_up_refused_full");
            double offered = (served + refused) * s.stepUp().losDays() / Rates.YEAR;
            gap[r] = refused / (served + refused) - erlangB(places, offered);
        }
        Estimate e = Estimates.of(gap, 0.99);
        assertTrue(e.ciLow() <= 0 && e.ciHigh() >= 0,
                "simulated minus Erlang B blocking: " + e.mean() + " (99% CI " + e.ciLow() + " to " + e.ciHigh() + ")");
        assertTrue(Math.abs(e.mean()) < 0.01, "difference " + e.mean());
    }
}
