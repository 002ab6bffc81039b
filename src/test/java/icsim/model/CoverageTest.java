package icsim.model;

import icsim.engine.CapacityService;
import icsim.output.EventRecord;
import icsim.output.ReplicationResult;
import icsim.output.ReplicationResult.LedgerLine;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * integration.coverage (MODEL.md §8, L1 and L3): covering everyone is the model without coverage, bit for bit;
 * under cohorts and predicted_risk the mechanisms act only on covered people, running costs and the case-management
 * team shrink with the share covered; the community waiting-list days add up to the lists' lengths over time.
 */
class CoverageTest {
    private static final List<String> COVERED = List.of("over65_moderate", "over65_severe");
    /** Events that only a person-level mechanism makes: D2A, enrolment, diversion by the frailty team. */
    private static final Map<String, Predicate<EventRecord>> MECHANISM_EVENTS = Map.of(
            "d2a", e -> e.event().equals("d2a_start"),
            "enrolment", e -> e.event().equals("case_management_enrolment"),
            "front door", e -> e.event().equals("ae_attendance") && "frailty_team_to_step_up".equals(e.reason()));

    private static Scenario coordination(Map<String, Object> settings) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("population.size", 20000, "run.replications", 2,
                "run.warmup_years", 1, "run.years", 2));
        all.putAll(settings);
        return ScenarioLoader.load(Path.of("scenarios", "coordination.yaml"), all);
    }

    private static Map<String, Object> coverage(String rule, double share, List<String> cohorts) {
        return Map.of("integration.coverage.rule", rule, "integration.coverage.share", share,
                "integration.coverage.cohorts", cohorts);
    }

    private static List<ReplicationResult> run(Scenario s) {
        return IntegrationMechanismsTest.run(s);
    }

    private static double mean(List<ReplicationResult> results, String metric) {
        return IntegrationMechanismsTest.mean(results, metric);
    }

    /** Rule all, the top 100 % by risk and every cohort listed are the same model, replication by replication. */
    @Test
    void coveringEveryoneChangesNothing() throws Exception {
        List<String> everyCohort = Arrays.stream(Cohort.values()).map(Cohort::label).toList();
        List<ReplicationResult> all = run(coordination(coverage("all", 1.0, COVERED)));
        List<List<ReplicationResult>> others = List.of(
                run(coordination(coverage("predicted_risk", 1.0, COVERED))),
                run(coordination(coverage("cohorts", 1.0, everyCohort))));
        for (List<ReplicationResult> other : others) {
            for (int r = 0; r < all.size(); r++) {
                ReplicationResult a = all.get(r);
                ReplicationResult b = other.get(r);
                assertEquals(a.metrics(), b.metrics(), "replication " + r);
                assertEquals(a.byYear(), b.byYear(), "by year, replication " + r);
                assertEquals(a.byCohort(), b.byCohort(), "by cohort, replication " + r);
                assertEquals(a.ledger(), b.ledger(), "ledger, replication " + r);
                assertEquals(a.events(), b.events(), "events, replication " + r);
                assertTrue(Arrays.deepEquals(a.series().occupancy(), b.series().occupancy()), "daily occupancy");
                assertTrue(Arrays.deepEquals(a.series().waiting(), b.series().waiting()), "daily waiting");
                assertTrue(Arrays.deepEquals(a.cumulativeCost(), b.cumulativeCost()), "monthly cost");
            }
        }
        assertEquals(1.0, all.get(0).metrics().get("coverage_share"));
        assertTrue(mean(all, "d2a_episodes") > 0 && mean(all, "case_management_enrolments") > 0);
    }

    /** Runs with everyone's events logged; the check sees each event as it happens, with the system. */
    private static List<EventRecord> logged(Scenario s, List<ReplicationResult> results, SinkCheck check) {
        Rates rates = new Rates(s);
        List<EventRecord> events = new ArrayList<>();
        for (int r = 0; r < s.run().replications(); r++) {
            CareSystem[] holder = new CareSystem[1];
            holder[0] = new CareSystem(s, rates, r, 0, e -> {
                events.add(e);
                check.at(holder[0], e);
            }, -1);
            results.add(holder[0].run());
        }
        return events;
    }

    private interface SinkCheck {
        void at(CareSystem sys, EventRecord e);
    }

    private static long count(List<EventRecord> events, String kind, Predicate<EventRecord> cohort) {
        return events.stream().filter(MECHANISM_EVENTS.get(kind)).filter(cohort).count();
    }

    /** L3: with cohorts [over65_moderate, over65_severe] no D2A, enrolment or front-door diversion reaches anyone else. */
    @Test
    void cohortsRuleActsOnlyOnTheListedCohorts() throws Exception {
        Predicate<EventRecord> outside = e -> !COVERED.contains(e.cohort());
        List<EventRecord> everyone = logged(coordination(coverage("all", 1.0, COVERED)), new ArrayList<>(), (s, e) -> {
        });
        List<ReplicationResult> results = new ArrayList<>();
        Scenario frail = coordination(coverage("cohorts", 1.0, COVERED));
        List<EventRecord> covered = logged(frail, results, (s, e) -> {
        });
        for (String kind : MECHANISM_EVENTS.keySet()) {
            assertTrue(count(everyone, kind, outside) > 0, kind + " reaches other cohorts under rule all");
            assertEquals(0, count(covered, kind, outside), kind + " outside the covered cohorts");
            assertTrue(count(covered, kind, e -> true) > 0, kind + " still happens to the covered");
        }
        for (ReplicationResult r : results) {
            double share = r.metrics().get("coverage_share");
            assertTrue(share > 0.02 && share < 0.05, "moderate and severe frailty: about 3 % of people, got " + share);
        }
    }

    /**
     * L1: the top 5 % by predicted risk. Enrolments only among the covered, coverage_share about 0.05, running
     * costs of the mechanisms 5 % of their full-coverage cost, D2A sized for the covered; with a tiny share the
     * case-management team and its caseload shrink to the people covered.
     */
    @Test
    void predictedRiskCoversTheTopShareAndCostsScale() throws Exception {
        int[] enrolments = new int[2];
        int[] d2aPlaces = new int[1];
        List<ReplicationResult> narrow = new ArrayList<>();
        Scenario top5 = coordination(coverage("predicted_risk", 0.05, COVERED));
        logged(top5, narrow, (sys, e) -> {
            if (e.event().equals("case_management_enrolment")) {
                int slot = (int) (e.person() % sys.populationSize());
                enrolments[sys.coverage.covered(slot) ? 0 : 1]++;
            }
            d2aPlaces[0] = sys.d2a.capacity();
        });
        assertTrue(enrolments[0] > 0, "enrolments happened");
        assertEquals(0, enrolments[1], "enrolments of people not covered");
        assertEquals(2, d2aPlaces[0], "D2A places for the 1,000 covered: the minimum unit of 2 (3 for 20,000)");
        List<ReplicationResult> all = run(coordination(coverage("all", 1.0, COVERED)));
        assertEquals(0.05, mean(narrow, "coverage_share"), 0.01);
        assertTrue(mean(narrow, "integration_running_cost") < mean(all, "integration_running_cost"));
        for (String mechanism : List.of("shared_records", "trusted_assessment", "front_door_frailty")) {
            String key = "integration_" + mechanism + "_running";
            double ratio = running(narrow.get(0), key, 1) / running(all.get(0), key, 1);
            assertEquals(0.05, ratio, 0.002, key + " in year 1, against full coverage");
        }
        // 40 people covered: 0.8 case managers instead of 2, and at most 40 on the caseload
        List<ReplicationResult> tiny = run(coordination(coverage("predicted_risk", 0.002, COVERED)));
        for (ReplicationResult r : tiny) {
            double team = running(r, "integration_case_management_running", 2);
            assertEquals(0.8 * 60_000, team, 0.05 * 48_000, "case-management team cost a year");
            assertTrue(r.metrics().get("case_management_caseload_mean") <= 40 + 1e-9, "caseload within the covered");
        }
        assertTrue(mean(tiny, "case_management_caseload_mean") < mean(all, "case_management_caseload_mean"));
    }

    private static double running(ReplicationResult r, String category, int year) {
        return r.ledger().stream()
                .filter(l -> l.year() == year && l.perspective().equals("economic") && l.category().equals(category))
                .mapToDouble(LedgerLine::cost).sum();
    }

    /**
     * L3's community_wait_days_per_1000: the days people spent on the reablement, home-care, IC-bed and care-home
     * lists are the time integral of those lists' lengths, and the cohorts' rates add up to the overall one.
     */
    @Test
    void communityWaitDaysAreTheListsLengthsOverTime() throws Exception {
        Scenario s = coordination(Map.of("run.replications", 1));
        CareSystem sys = new CareSystem(s, new Rates(s), 0, 0, null, 0);
        ReplicationResult r = sys.run();
        double end = sys.periods.endDay();
        double listed = 0;
        double booked = 0;
        for (int p = 1; p <= sys.periods.measuredYears(); p++) {
            for (CapacityService service : List.of(sys.reablement, sys.homeCare, sys.icBeds, sys.careHomes)) {
                listed += service.waitingIntegral(end, p);
            }
            for (int c = 0; c < Cohort.COUNT; c++) {
                booked += sys.tallies[Tally.COMMUNITY_WAIT_DAYS.ordinal()][c][p];
            }
        }
        assertTrue(listed > 0, "people waited");
        assertEquals(listed, booked, 1e-9 * listed, "wait days against list length x days");
        double years = sys.periods.measuredYears();
        double personYears = r.metrics().get("population_mean") * years;
        assertEquals(1000 * booked / personYears, r.metrics().get("community_wait_days_per_1000"), 1e-9 * booked);
        double fromCohorts = 0;
        for (Map<String, Double> cohort : r.byCohort().values()) {
            fromCohorts += cohort.get("community_wait_days_per_1000") * cohort.get("population_mean") * years / 1000;
        }
        assertEquals(booked, fromCohorts, 1e-9 * booked, "cohorts add up");
    }
}
