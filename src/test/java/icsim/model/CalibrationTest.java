package icsim.model;

import icsim.experiment.ReplicationRunner;
import icsim.output.Estimate;
import icsim.output.RunSummary;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped fragmented scenario against the MODEL.md §9 calibration targets: rates and means within
 * ±15 %, shares within their absolute bands. The run is reduced in replications and years but keeps the
 * full 100,000 people, so capacities and queues are those a planner runs (4 replications x (1 + 5) years;
 * the replication means are tight enough that a ±15 % band is not a coin toss).
 *
 * <p>Three targets cannot be met together with the others; they are checked against the bound the model
 * can reach and documented in docs/calibration.md: the 65+ age structure under the replacement rule, deaths
 * within a year of admission, and the concentration of acute cost.
 */
class CalibrationTest {
    private static Map<String, Estimate> m;
    private static RunSummary summary;

    @BeforeAll
    static void run() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"),
                Map.of("run.replications", 4, "run.years", 5, "run.warmup_years", 1));
        summary = new RunSummary(new ReplicationRunner(2).run(s, 0, null, null).results());
        m = summary.overall();
    }

    /** MODEL.md §2: the six cohorts' shares of the population drift by less than 2 points over 5 years. */
    @Test
    void cohortSharesDriftByLessThanTwoPoints() {
        Map<String, Estimate> first = summary.byYear().get(1);
        Map<String, Estimate> last = summary.byYear().get(5);
        for (String f : List.of("fit", "mild", "moderate", "severe")) {
            String id = "frailty_" + f + "_share_65plus";
            double share65 = m.get("share_65_74").mean() + m.get("share_75_84").mean() + m.get("share_85plus").mean();
            double drift = Math.abs(last.get(id).mean() - first.get(id).mean()) * share65;
            assertTrue(drift < 0.02, id + " drifts by " + drift);
        }
        for (String band : List.of("share_65_74", "share_75_84", "share_85plus")) {
            double drift = Math.abs(last.get(band).mean() - first.get(band).mean());
            assertTrue(drift < 0.02, band + " drifts by " + drift);
        }
    }

    private static final List<String> failures = new ArrayList<>();

    private static void within15(String metric, double target) {
        band(metric, target * 0.85, target * 1.15);
    }

    private static void band(String metric, double low, double high) {
        double v = m.get(metric).mean();
        if (!(v >= low && v <= high)) {
            failures.add(String.format("%s = %.4f, outside [%.4f, %.4f]", metric, v, low, high));
        }
    }

    @Test
    void fragmentedScenarioHitsTheSection9Targets() {
        failures.clear();
        // population and deaths
        within15("share_75_84", 0.061);
        band("frailty_fit_share_65plus", 0.47, 0.53);
        band("frailty_mild_share_65plus", 0.32, 0.38);
        band("frailty_moderate_share_65plus", 0.09, 0.15);
        band("frailty_severe_share_65plus", 0.00, 0.06);
        within15("deaths_per_1000", 10);
        within15("death_rate_65plus", 0.043);
        // admissions and stays
        within15("emergency_admissions_per_1000", 93);
        within15("emergency_admissions_per_1000_65plus", 245);
        within15("mean_los_days_overnight", 9.1);
        within15("mean_los_days_85plus", 12.5);
        band("same_day_share", 0.28, 0.38);
        band("ae_admitted_share_65plus", 0.42, 0.52);
        // beds
        band("acute_occupancy_mean", 0.90, 0.95);
        band("mffd_bed_share", 0.11, 0.15);
        // after admission
        within15("readmission_30d_rate", 0.07);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Known gaps (docs/calibration.md): checked against what the model can reach, so they cannot drift unseen. */
    @Test
    void documentedGapsStayWhereTheyAre() {
        failures.clear();
        // Stationary 65+ structure at the MODEL.md death rates is older than the (growing) 2021 population.
        band("share_65_74", 0.070, 0.1127);
        band("share_85plus", 0.0213, 0.050);
        // With ~10 deaths and ~93 admissions per 1,000, at most ~15 % of people admitted can die within a year.
        band("mortality_1y_after_admission", 0.07, 0.15);
        // Emergency care only; the source (Kelly 2015) covers all hospital spend.
        band("top1pct_acute_cost_share", 0.20, 0.368);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
