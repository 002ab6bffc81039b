package icsim.model;

import icsim.experiment.ReplicationRunner;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each switch of the pathway does what MODEL.md §3 says, seen in the metrics of a small run. */
class PathwayBehaviourTest {
    private static Map<String, Double> run(Object... overrides) throws Exception {
        Map<String, Object> o = new HashMap<>(Map.of("population.size", 20000, "run.replications", 1, "run.years", 2));
        for (int i = 0; i < overrides.length; i += 2) {
            o.put((String) overrides[i], overrides[i + 1]);
        }
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"), o);
        ReplicationResult r = new ReplicationRunner(1).run(s, 0, null, null).results().get(0);
        return r.metrics();
    }

    @Test
    void fullWeekendDischargeMeansNoWeekendDelays() throws Exception {
        assertEquals(0.0, run("discharge.weekend_factor", 1.0).get("delayed_days_weekend_discharge"));
        assertTrue(run().get("delayed_days_weekend_discharge") > 0);
    }

    @Test
    void withoutProcessDelaysOnlyWaitsForPlacesRemain() throws Exception {
        Map<String, Double> m = run("discharge.weekend_factor", 1.0,
                "discharge.assessment_days", Map.of("min", 0, "max", 0),
                "discharge.handoff_days", Map.of("min", 0, "max", 0),
                "discharge.care_home_funding_days", Map.of("min", 0, "max", 0),
                "discharge.information_delay_days", Map.of("min", 0, "max", 0),
                "discharge.reassessment_prob", 0);
        assertEquals(0.0, m.get("delayed_days_assessment"));
        assertEquals(0.0, m.get("delayed_days_handoff"));
        double byReason = 0;
        for (DelayReason r : DelayReason.values()) {
            byReason += m.get("delayed_days_" + r.label());
        }
        assertEquals(m.get("delayed_transfer_bed_days"), byReason, 1e-6);
    }

    @Test
    void deconditioningEscalatesNeedsOnlyWhenItIsOn() throws Exception {
        assertEquals(0.0, run("deconditioning.per_day", 0).get("deconditioned"));
        assertTrue(run("deconditioning.per_day", 0.2).get("deconditioned") > run().get("deconditioned"));
    }

    @Test
    void stepUpNeedsAReferralRouteAndAFreePlace() throws Exception {
        assertEquals(0.0, run("step_up.referral_routes", java.util.List.of()).get("step_up_episodes"));
        Map<String, Double> wide = run("step_up.referral_routes", java.util.List.of("gp", "nhs111", "ambulance"));
        assertTrue(wide.get("step_up_episodes") >= run().get("step_up_episodes"));
        assertEquals(0.0, run("services.step_up.per_100k", 0, "services.step_up.minimum_unit", 0).get("step_up_episodes"));
    }

    @Test
    void moreBedsMeanLessBoardingAndLowerOccupancy() throws Exception {
        Map<String, Double> tight = run("services.acute_beds.per_100k", 160);
        Map<String, Double> loose = run("services.acute_beds.per_100k", 220);
        assertTrue(loose.get("ae_boarding_hours") < tight.get("ae_boarding_hours"));
        assertTrue(loose.get("acute_occupancy_mean") < tight.get("acute_occupancy_mean"));
    }

    @Test
    void careHomeNeedsBecomeCareHomeAdmissionsFromHospital() throws Exception {
        Map<String, Double> none = run("community_referrals.care_home", 0,
                "discharge.need_mix_65plus.care_home", 0, "discharge.need_mix_65plus.home", 0.54,
                "services.ic_beds.after_step_down.care_home", 0, "services.ic_beds.after_step_down.home", 0.7,
                "deconditioning.per_day", 0);
        assertEquals(0.0, none.get("care_home_admissions"));
    }
}
