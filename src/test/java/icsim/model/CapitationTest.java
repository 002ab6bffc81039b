package icsim.model;

import icsim.experiment.ReplicationRunner;
import icsim.output.ReplicationResult;
import icsim.output.ReplicationResult.Capitation;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capitation data (MODEL.md §8.4): each person's NHS and local-authority cost per measured year, by the cell they
 * were in on day 0 of the year, reconciled with the ledger.
 */
class CapitationTest {
    private static CareSystem run(String file, Map<String, Object> extra) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("population.size", 20000, "run.replications", 1,
                "run.years", 3, "integration.maturity.years", 0));
        settings.putAll(extra);
        Scenario s = ScenarioLoader.load(Path.of("scenarios", file), settings);
        CareSystem sys = new CareSystem(s, new Rates(s), 0, 0, null, 0);
        sys.recordCapitation();
        sys.run();
        return sys;
    }

    private static double tally(CareSystem sys, Tally t, int period) {
        double v = 0;
        for (int c = 0; c < Cohort.COUNT; c++) {
            v += sys.tallies[t.ordinal()][c][period];
        }
        return v;
    }

    /**
     * The people counted plus the entrants cost exactly what the ledger books to NHS and local-authority activity
     * (economic), plus D2A days and follow-ups, which the ledger books as integration running costs (their fixed
     * running costs are 0 here). What is left out is integration set-up and fixed running costs and self-funders.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fragmented.yaml", "full.yaml"})
    void costsAddUpToTheLedgersActivityCost(String file) throws Exception {
        CareSystem sys = run(file, Map.of());
        Capitation cap = sys.personCosts.result();
        assertEquals(3, cap.years());
        List<ReplicationResult.LedgerLine> lines = sys.ledger.lines();
        for (int y = 1; y <= 3; y++) {
            double ledger = sys.ledger.activityTotal(y, Ledger.ECONOMIC, null, Payer.NHS)
                    + sys.ledger.activityTotal(y, Ledger.ECONOMIC, null, Payer.LOCAL_AUTHORITY);
            for (ReplicationResult.LedgerLine l : lines) {
                if (l.year() == y && l.perspective().equals("economic")
                        && (l.category().equals("integration_d2a_running") || l.category().equals("integration_integrated_follow_up_running"))) {
                    ledger += l.cost();
                }
            }
            double people = cap.total(y) + cap.entrantCost()[y - 1];
            assertEquals(ledger, people, 1e-6 * ledger, file + " year " + y);
            assertTrue(cap.total(y) <= ledger && cap.total(y) > 0.97 * ledger, "entrants are a few per cent: " + cap.total(y) / ledger);
        }
    }

    /** Everyone alive on day 0 of a year is counted once, in the age band the census saw; each death brings an entrant. */
    @Test
    void countsArePeopleAliveAtTheStartOfTheYear() throws Exception {
        CareSystem sys = run("fragmented.yaml", Map.of());
        Capitation cap = sys.personCosts.result();
        for (int y = 1; y <= 3; y++) {
            assertEquals(sys.pop.size, cap.people(y), "year " + y);
            assertEquals(tally(sys, Tally.DEATHS, y), cap.entrants()[y - 1], "entrants replace the year's deaths");
            // the census at the end of the period before: under 65, 65-74, 75-84, 85+
            double[] census = sys.ageBandCensus[y - 1];
            double[] byBand = new double[4];
            for (int c = 0; c < PersonCosts.CELLS; c++) {
                byBand[c < Cohort.FIRST_OVER65 ? 0 : 1 + (c - Cohort.FIRST_OVER65) % 3] += cap.count()[y - 1][c];
            }
            assertArrayEquals(census, byBand, "year " + y + " cells by age band against the census");
        }
        assertEquals(14, cap.cells().size());
        assertEquals("over65_mild_75_84", cap.cells().get(2 + 3 + 1));
    }

    @Test
    void aClosedCohortCountsOnlyTheSurvivors() throws Exception {
        CareSystem sys = run("fragmented.yaml", Map.of("population.replace_deaths", false));
        Capitation cap = sys.personCosts.result();
        double alive = sys.pop.size - tally(sys, Tally.DEATHS, 0);
        for (int y = 1; y <= 3; y++) {
            assertEquals(alive, cap.people(y), "year " + y);
            assertEquals(0, cap.entrants()[y - 1]);
            assertEquals(0, cap.entrantCost()[y - 1]);
            alive -= tally(sys, Tally.DEATHS, y);
        }
    }

    /** Without warm-up, year 1 starts at day 0 and keeps the costs of setting up the initial state. */
    @Test
    void noWarmupStillReconciles() throws Exception {
        CareSystem sys = run("fragmented.yaml", Map.of("run.warmup_years", 0, "run.years", 1));
        Capitation cap = sys.personCosts.result();
        double ledger = sys.ledger.activityTotal(1, Ledger.ECONOMIC, null, Payer.NHS)
                + sys.ledger.activityTotal(1, Ledger.ECONOMIC, null, Payer.LOCAL_AUTHORITY);
        assertEquals(ledger, cap.total(1) + cap.entrantCost()[0], 1e-6 * ledger);
        assertEquals(sys.pop.size, cap.people(1));
    }

    @Test
    void stopLossCapsEachPersonsCost() throws Exception {
        Capitation cap = run("fragmented.yaml", Map.of()).personCosts.result();
        Capitation uncapped = run("fragmented.yaml", Map.of("costing.stop_loss_threshold", 1e12)).personCosts.result();
        boolean someCapped = false;
        for (int y = 0; y < 3; y++) {
            assertArrayEquals(cap.sum()[y], uncapped.sum()[y], "the threshold changes nothing else");
            for (int c = 0; c < PersonCosts.CELLS; c++) {
                assertTrue(cap.sumCapped()[y][c] <= cap.sum()[y][c], "capped <= sum");
                someCapped |= cap.sumCapped()[y][c] < cap.sum()[y][c];
                assertEquals(uncapped.sum()[y][c], uncapped.sumCapped()[y][c], 0, "a huge threshold caps nothing");
                int n = cap.count()[y][c];
                // sum of squares >= sum^2 / n (Cauchy-Schwarz): costs are per person, not per cell
                assertTrue(cap.sumSquares()[y][c] >= cap.sum()[y][c] * cap.sum()[y][c] / Math.max(1, n) * (1 - 1e-9));
            }
        }
        assertTrue(someCapped, "some people cost more than £50,000 a year");
    }

    @Test
    void identicalOnOneAndTwoThreads() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"), Map.of("population.size", 4000,
                "run.replications", 3, "run.years", 2));
        List<ReplicationResult> one = new ReplicationRunner(1).recordingCapitation().run(s, 0, null, null).results();
        List<ReplicationResult> two = new ReplicationRunner(2).recordingCapitation().run(s, 0, null, null).results();
        for (int r = 0; r < 3; r++) {
            Capitation a = one.get(r).capitation();
            Capitation b = two.get(r).capitation();
            for (int y = 0; y < 2; y++) {
                assertArrayEquals(a.count()[y], b.count()[y]);
                assertArrayEquals(a.sum()[y], b.sum()[y]);
                assertArrayEquals(a.sumCapped()[y], b.sumCapped()[y]);
                assertArrayEquals(a.sumSquares()[y], b.sumSquares()[y]);
            }
            assertArrayEquals(a.entrantCost(), b.entrantCost());
        }
        assertTrue(one.get(0).capitation().total(1) != one.get(1).capitation().total(1), "replications differ");
        assertNull(new ReplicationResult(0, Map.of(), Map.of(), Map.of(), null, List.of(), 0, 0).capitation());
    }

    /** Recording is off by default, and switching it on changes no other result. */
    @Test
    void recordingChangesNothingElse() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/full.yaml"), Map.of("population.size", 4000,
                "run.replications", 2, "run.years", 2));
        List<ReplicationResult> off = new ReplicationRunner(2).run(s, 0, null, null).results();
        List<ReplicationResult> on = new ReplicationRunner(2).recordingCapitation().run(s, 0, null, null).results();
        for (int r = 0; r < 2; r++) {
            assertNull(off.get(r).capitation());
            assertTrue(on.get(r).capitation().total(1) > 0);
            assertEquals(off.get(r).metrics(), on.get(r).metrics());
            assertEquals(off.get(r).byYear(), on.get(r).byYear());
            assertEquals(off.get(r).ledger(), on.get(r).ledger());
            assertArrayEquals(off.get(r).cumulativeCost()[0], on.get(r).cumulativeCost()[0]);
        }
    }
}
