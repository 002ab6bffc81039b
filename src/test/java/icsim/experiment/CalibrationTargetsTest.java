package icsim.experiment;

import icsim.output.RunSummary;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MODEL.md §9 targets as data: well formed, naming real metrics, agreeing with MODEL.md. */
class CalibrationTargetsTest {
    private static final Path MODEL = Path.of("../shared/MODEL.md");

    @Test
    void everyTargetsMetricIsInARealRunsSummary() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"),
                Map.of("run.replications", 2, "run.years", 1, "run.warmup_years", 1, "population.size", 2000));
        RunSummary summary = new RunSummary(new ReplicationRunner(2).run(s, 0, null, null).results());
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            assertNotNull(summary.overall(t.metric()), "no metric '" + t.metric() + "' in a run's summary");
        }
        // the consistency check's inputs too
        for (String id : List.of("acute_bed_days", "population_mean", "emergency_admissions_per_1000", "same_day_share",
                "mean_los_days_overnight")) {
            assertNotNull(summary.overall(id), id);
        }
        assertTrue(Double.isFinite(ValidationReport.occupiedBedsPer100k(summary).mean()));
    }

    @Test
    void targetsAreWellFormed() {
        Set<String> ids = new HashSet<>();
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            assertTrue(ids.add(t.metric()), "metric listed twice: " + t.metric());
            assertFalse(t.label().isBlank(), t.metric());
            assertFalse(t.source().isBlank(), t.metric());
            assertTrue(t.low() < t.high(), t.metric());
            assertTrue(t.within(t.value()), "the target value lies in its own band: " + t.metric());
            if (t.isGap()) {
                assertFalse(t.gap().why().isBlank(), t.metric());
                assertFalse(t.gap().bound().isBlank(), t.metric());
                assertTrue(t.gap().reachableLow() < t.gap().reachableHigh(), t.metric());
            }
        }
        assertEquals(20, CalibrationTargets.ALL.size());
        assertEquals(Set.of("share_65_74", "share_85plus", "mortality_1y_after_admission", "top1pct_acute_cost_share"),
                CalibrationTargets.ALL.stream().filter(CalibrationTargets.Target::isGap)
                        .map(CalibrationTargets.Target::metric).collect(java.util.stream.Collectors.toSet()),
                "the documented gaps of docs/calibration.md");
        assertNull(CalibrationTargets.of("no_such_metric"));
        assertEquals("emergency_admissions_per_1000", CalibrationTargets.of("emergency_admissions_per_1000").metric());
    }

    @Test
    void bandsAreThoseOfSection9() {
        CalibrationTargets.Target admissions = CalibrationTargets.of("emergency_admissions_per_1000");
        assertEquals(93 * 0.85, admissions.low(), 1e-9);
        assertEquals(93 * 1.15, admissions.high(), 1e-9);
        assertEquals("93 ± 15 %", admissions.describeBand());
        CalibrationTargets.Target fit = CalibrationTargets.of("frailty_fit_share_65plus");
        assertEquals(0.47, fit.low(), 1e-12);
        assertEquals(0.53, fit.high(), 1e-12);
        assertEquals("50 % ± 3 pts", fit.describeBand());
        CalibrationTargets.Target severe = CalibrationTargets.of("frailty_severe_share_65plus");
        assertEquals(0.0, severe.low(), 1e-12);
        CalibrationTargets.Target sameDay = CalibrationTargets.of("same_day_share");
        assertEquals("28–38 %", sameDay.describeBand());
        assertEquals("9.8 % ± 15 %", CalibrationTargets.of("share_65_74").describeBand());
        assertEquals("12.5 d ± 15 %", CalibrationTargets.of("mean_los_days_85plus").describeBand());
    }

    /** Each target's value, as the band column writes it, appears in MODEL.md §9 (CI lays the spec out beside the project). */
    @Test
    void valuesAppearInModelSection9() throws Exception {
        assertTrue(Files.isRegularFile(MODEL), "MODEL.md not found at " + MODEL.toAbsolutePath().normalize());
        String text = Files.readString(MODEL);
        int start = text.indexOf("\n## 9.");
        assertTrue(start >= 0, "MODEL.md has no '## 9.' section");
        int end = text.indexOf("\n## ", start + 1);
        String section9 = end < 0 ? text.substring(start) : text.substring(start, end);
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            String band = t.describeBand();
            // "93 ± 15 %" -> "93"; "28–38 %" -> "28–38"; "12.5 d ± 15 %" -> "12.5"
            String number = band.split(" ")[0];
            assertTrue(section9.contains(number), "MODEL.md §9 does not mention " + number + " (" + t.metric() + ")");
        }
    }
}
