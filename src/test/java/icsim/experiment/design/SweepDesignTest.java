package icsim.experiment.design;

import icsim.output.ReplicationResult;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep: full factorial, common random numbers across points, and a point equal to the base is the base. */
class SweepDesignTest {
    static final Path COORDINATION = Path.of("scenarios/coordination.yaml").toAbsolutePath();

    static Map<String, Object> tiny() {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("population.size", 4000);
        set.put("run.replications", 3);
        set.put("run.years", 1);
        set.put("run.warmup_years", 0.5);
        return set;
    }

    @Test
    void factorialVariesTheFirstFactorSlowest() {
        Map<String, List<Object>> f = new LinkedHashMap<>();
        f.put("a", List.of(1, 2));
        f.put("b", List.of("x", "y", "z"));
        List<Map<String, Object>> combos = Paired.factorial(f);
        assertEquals(6, combos.size());
        assertEquals(Map.of("a", 1, "b", "x"), combos.get(0));
        assertEquals(Map.of("a", 2, "b", "z"), combos.get(5));
        assertEquals(List.of(Map.of()), Paired.factorial(Map.of()));
    }

    @Test
    void linkedFactorsSetSeveralPathsAndLabelThemselves() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("label", "7 d");
        value.put("discharge.handoff_days", Map.of("min", 7, "max", 7));
        value.put("discharge.care_home_funding_days", Map.of("min", 7, "max", 7));
        Map<String, Object> expanded = Points.expand(Map.of("funding", value));
        assertEquals(List.of("discharge.handoff_days", "discharge.care_home_funding_days"), List.copyOf(expanded.keySet()));
        assertEquals("7 d", Paired.label(value));
        assertEquals("3", Paired.label(Map.of("min", 3, "max", 3)));
    }

    @Test
    void aPointEqualToTheBaseReproducesItExactly() throws Exception {
        ExperimentSpec spec = new ExperimentSpec("test", "t", "", "sweep", COORDINATION, tiny(), "acute_bed_days",
                0.05, List.of(), Map.of("integration.maturity.years", List.<Object>of(4, 1)), Map.of());
        ExperimentRunner runner = new ExperimentRunner("test", 2);
        DesignResult result = new SweepDesign().execute(spec, runner);
        Map<String, RunSummary> runs = runner.summaries();
        assertEquals(List.of("base", "years=4", "years=1"), List.copyOf(runs.keySet()));
        List<ReplicationResult> base = runs.get("base").results();
        List<ReplicationResult> same = runs.get("years=4").results();
        for (int r = 0; r < base.size(); r++) {
            assertEquals(base.get(r).metrics(), same.get(r).metrics(), "replication " + r);
            assertEquals(base.get(r).byCohort(), same.get(r).byCohort());
            assertEquals(base.get(r).ledger(), same.get(r).ledger());
        }
        assertNotEquals(base.get(0).metrics(), runs.get("years=1").results().get(0).metrics(), "maturity matters");
        Table table = result.tables().get(0);
        assertEquals("sweep.csv", table.file());
        List<Object> row = table.rows().get(0);
        assertEquals("years=4", row.get(0));
        assertEquals(0.0, (Double) row.get(table.columns().indexOf("difference")));
        assertEquals(0.0, (Double) row.get(table.columns().indexOf("ci_high")));
        assertTrue(result.summary().startsWith("2 points against the base on acute_bed_days"));
    }

    @Test
    void sameResultsOnOneThreadOrTwo() throws Exception {
        ExperimentSpec spec = new ExperimentSpec("test", "t", "", "sweep", COORDINATION, tiny(), "total_cost",
                0.05, List.of(), Map.of("integration.maturity.years", List.<Object>of(2)), Map.of());
        DesignResult one = new SweepDesign().execute(spec, new ExperimentRunner("test", 1));
        DesignResult two = new SweepDesign().execute(spec, new ExperimentRunner("test", 2));
        for (int t = 0; t < one.tables().size(); t++) {
            assertEquals(one.tables().get(t).csv(), two.tables().get(t).csv());
        }
    }

    @Test
    void factorsEndingInTheSameKeyGetDistinctPointNames() throws Exception {
        Map<String, List<Object>> factors = new LinkedHashMap<>();
        factors.put("services.acute_beds.minimum_unit", List.of(10));
        factors.put("services.step_up.minimum_unit", List.of(10));
        ExperimentSpec spec = new ExperimentSpec("test", "t", "", "sweep", COORDINATION, tiny(), "acute_bed_days",
                0.05, List.of(), factors, Map.of());
        ExperimentRunner runner = new ExperimentRunner("test", 2);
        new SweepDesign().execute(spec, runner);
        assertEquals(List.of("base", "services.acute_beds.minimum_unit=10 services.step_up.minimum_unit=10"),
                List.copyOf(runner.summaries().keySet()));
    }
}
