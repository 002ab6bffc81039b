package icsim.experiment;

import icsim.output.ReplicationResult;
import icsim.scenario.ScenarioLoader;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verification against theory (issue 4): the shipped scenarios/verification/*.yaml, reduced configurations of
 * the real model, against Erlang B, Erlang C, the Poisson mean of the crisis hazard and the death hazard. Each
 * check passes when the analytic value lies inside the 99 % t-interval of the replications' estimates, and the
 * interval is at most ±5 % of the value: the scenarios run 30 replications of 10-20 years, so blocking and
 * P(wait) are known to about ±4 % and crisis and death rates to about ±0.1 % and ±0.5 %, tight enough that a
 * modelling error of a few percent would show.
 */
class QueueingTheoryVerificationTest {
    private static final Path DIR = Path.of("scenarios/verification");

    private static List<ReplicationResult> run(String file, Map<String, Object> settings) throws Exception {
        return new ReplicationRunner(Runtime.getRuntime().availableProcessors())
                .run(ScenarioLoader.load(DIR.resolve(file), settings), 0, null, null).results();
    }

    /** Asserts that the 99 % t-interval of the per-replication values contains the analytic value. */
    private static void assertCovers(double analytic, List<ReplicationResult> results,
                                     ToDoubleFunction<ReplicationResult> value, String what) {
        assertCovers(analytic, results, value, what, 0.05);
    }

    /** As above, with the widest interval (relative half-width) that still verifies something. */
    private static void assertCovers(double analytic, List<ReplicationResult> results,
                                     ToDoubleFunction<ReplicationResult> value, String what, double widest) {
        SummaryStatistics s = new SummaryStatistics();
        results.forEach(r -> s.addValue(value.applyAsDouble(r)));
        double half = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.995) * s.getStandardDeviation()
                / Math.sqrt(s.getN());
        String msg = String.format("%s: analytic %.5g, simulated %.5g (99%% CI %.5g to %.5g, n = %d)", what, analytic,
                s.getMean(), s.getMean() - half, s.getMean() + half, s.getN());
        assertTrue(Math.abs(s.getMean() - analytic) <= half, msg);
        assertTrue(half <= widest * Math.abs(analytic), "interval too wide to verify anything: " + msg);
    }

    static double erlangB(int servers, double load) {
        double b = 1;
        for (int k = 1; k <= servers; k++) {
            b = load * b / (k + load * b);
        }
        return b;
    }

    static double erlangC(int servers, double load) {
        double b = erlangB(servers, load);
        return servers * b / (servers - load * (1 - b));
    }

    @Test
    void erlangFormulasGiveThePublishedValues() {
        assertTrue(Math.abs(erlangB(20, 15) - 0.0456) < 5e-5);
        assertTrue(Math.abs(erlangB(100, 90) - 0.0270) < 5e-5);
        assertTrue(Math.abs(erlangC(100, 90) - 0.217) < 5e-4);
    }

    /** Loss system: blocking matches Erlang B whatever the stay distribution (insensitivity). */
    @ParameterizedTest(name = "{0} beds, {1} Erlangs, {2} stays")
    @CsvSource({"20, 15, exponential", "20, 15, lognormal", "100, 90, exponential", "100, 90, lognormal"})
    void blockingMatchesErlangB(int beds, double load, String stays) throws Exception {
        List<ReplicationResult> results = run("erlang_b_" + beds + "_beds.yaml", Map.of("severity.los_distribution", stays));
        assertCovers(erlangB(beds, load), results, r -> r.metrics().get("acute_blocking_probability"),
                "blocking probability, " + beds + " beds");
        assertCovers(5.0, results, r -> r.metrics().get("mean_los_days"), "mean stay");
    }

    /** Delay system: P(wait) and the mean wait match Erlang C (M/M/100, 90 Erlangs). */
    @Test
    void waitingMatchesErlangC() throws Exception {
        List<ReplicationResult> results = run("erlang_c_100_beds.yaml", Map.of());
        double c = erlangC(100, 90);
        assertCovers(c, results, r -> r.metrics().get("ae_boarded_share"), "P(wait)");
        // waits come in busy periods, so their mean is known less well than P(wait): about ±10 %
        assertCovers(c / (100 - 90) * 5 * 24, results, r -> r.metrics().get("ae_boarding_hours_per_admission"),
                "mean wait in hours, over all admissions", 0.12);
        assertCovers(18 * 365, results, r -> r.metrics().get("emergency_admissions"), "admissions a year");
    }

    /** Crisis counts match the Poisson mean of the hazard; deaths match the cohorts' death rates. */
    @Test
    void crisesAndDeathsMatchTheirHazards() throws Exception {
        List<ReplicationResult> results = run("poisson_crises_and_survival.yaml", Map.of());
        assertCovers(500, results, r -> r.byCohort().get("under65_well").get("crises_per_1000"), "crises per 1,000, rate 0.5");
        assertCovers(1000, results, r -> r.byCohort().get("under65_ltc").get("crises_per_1000"), "crises per 1,000, rate 1.0");
        assertCovers(-1000 * Math.log(0.95), results, r -> r.byCohort().get("under65_well").get("deaths_per_1000"),
                "deaths per 1,000 person-years, 5 % a year");
        assertCovers(-1000 * Math.log(0.90), results, r -> r.byCohort().get("under65_ltc").get("deaths_per_1000"),
                "deaths per 1,000 person-years, 10 % a year");
        // a closed cohort: of 50,000 in each group, 50,000 x (1 - 0.95^10) and 50,000 x (1 - 0.90^10) die in 10 years
        double deaths = 50_000 * (1 - Math.pow(0.95, 10)) + 50_000 * (1 - Math.pow(0.90, 10));
        assertCovers(deaths / 10, results, r -> r.metrics().get("deaths"), "deaths a year");
    }
}
