package icsim.experiment;

import icsim.experiment.EvaluationDesigns.Histories;
import icsim.experiment.EvaluationDesigns.ReplicationEstimate;
import icsim.experiment.EvaluationDesigns.Result;
import icsim.experiment.EvaluationDesigns.Settings;
import icsim.output.EventRecord;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three evaluation designs of MODEL.md §8.5 on constructed histories, where the truth is known, and end to
 * end on co-ordination against fragmented care.
 */
class EvaluationDesignsTest {
    static final double YEAR = 365;
    static final Settings SETTINGS = new Settings(YEAR, YEAR, 3 * YEAR, YEAR, 5, false, 7);
    static final double T0 = 400;
    static final String SEVERE = "over65_severe";
    static final String MODERATE = "over65_moderate";

    /** One constructed person's events, emitted in time order. */
    static final class Person {
        final long id;
        final List<EventRecord> events = new ArrayList<>();

        Person(long id, String cohort) {
            this.id = id;
            event(1, cohort, "crisis", "home"); // gives a cohort from day 1
        }

        Person event(double t, String cohort, String event, String place) {
            events.add(new EventRecord(t, 0, id, cohort, Double.NaN, event, place, ""));
            return this;
        }

        Person admissions(String cohort, double from, double to, int count) {
            for (int k = 0; k < count; k++) {
                event(from + (to - from) * (k + 0.5) / count, cohort, "admission", "acute_bed");
            }
            return this;
        }
    }

    static Histories histories(List<Person> people) {
        Histories.Builder b = new Histories.Builder();
        for (Person p : people) {
            p.events.sort(Comparator.comparingDouble(EventRecord::time));
            p.events.forEach(b::accept);
        }
        return b.build();
    }

    /**
     * People with a persistent rate and Poisson admissions in the year before and the year after T0; half of
     * those with at least 3 admissions before are enrolled at T0 (caseload), the others stay as controls. In
     * the intervention run the enrolled keep every admission after T0 when effect is false, every other one
     * when it is true; the counterfactual run is the same people without enrolment.
     */
    static Histories[] world(long seed, boolean effect) {
        Random rnd = new Random(seed);
        List<Person> in = new ArrayList<>();
        List<Person> cf = new ArrayList<>();
        for (int id = 0; id < 4000; id++) {
            double rate = 1.5 * -Math.log(rnd.nextDouble()); // exponential rate, mean 1.5 a year
            int before = poisson(rnd, rate);
            int after = poisson(rnd, rate);
            boolean enrol = before >= 3 && rnd.nextBoolean();
            Person a = new Person(id, SEVERE).admissions(SEVERE, T0 - YEAR, T0, before);
            Person c = new Person(id, SEVERE).admissions(SEVERE, T0 - YEAR, T0, before)
                    .admissions(SEVERE, T0, T0 + YEAR, after);
            if (enrol) {
                a.event(T0, SEVERE, "case_management_enrolment", "home");
                a.admissions(SEVERE, T0, T0 + YEAR, effect ? after / 2 : after);
            } else {
                a.admissions(SEVERE, T0, T0 + YEAR, after);
            }
            in.add(a);
            cf.add(c);
        }
        return new Histories[] {histories(in), histories(cf)};
    }

    static int poisson(Random rnd, double mean) {
        int k = 0;
        double p = Math.exp(-mean);
        double s = p;
        double u = rnd.nextDouble();
        while (u > s) {
            k++;
            p *= mean / k;
            s += p;
        }
        return k;
    }

    static Result result(boolean effect) {
        List<ReplicationEstimate> reps = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            Histories[] w = world(100 + r, effect);
            reps.add(EvaluationDesigns.analyse(w[0], w[1], r, SETTINGS));
        }
        return new Result("constructed", "no enrolment", SETTINGS, reps);
    }

    @Test
    void withoutAnEffectTheWholeBeforeAfterDropIsRegressionToTheMean() {
        Result r = result(false);
        for (ReplicationEstimate e : r.replications()) {
            assertTrue(e.enrolled() > 100, "enrolled " + e.enrolled());
            assertEquals(e.enrolled(), e.withControl(), "every enrolled person has a control");
            assertEquals(e.before(), e.counterfactualBefore(), 0.0);
            assertEquals(0, e.counterfactual(), 0.0);
            assertEquals(1, e.rtmShare(), 1e-12);
        }
        assertTrue(r.beforeAfter().mean() < -0.8, "selected on ≥ 3 admissions, they fall back: " + r.beforeAfter());
        assertEquals(-0.5, r.beforeAfter().mean() / r.before().mean(), 0.25, "a large relative drop");
        assertEquals(1, r.rtmShare().mean(), 1e-12);
        assertEquals(0, r.matched().mean(), 0.3, "controls with the same before count fall back as far");
        assertTrue(r.matched().ciLow() < 0 && r.matched().ciHigh() > 0, "no effect found: " + r.matched());
        assertEquals(0, r.omitted());
    }

    @Test
    void aTrueEffectShowsInTheCounterfactualAndTheShareFallsBelowOne() {
        Result r = result(true);
        assertTrue(r.counterfactual().ciHigh() < 0, "halved admissions after: " + r.counterfactual());
        assertEquals(-0.5, r.counterfactual().mean() / r.counterfactualAfter().mean(), 0.1, "about half");
        assertTrue(r.beforeAfter().mean() < r.counterfactual().mean(), "before/after overstates the effect");
        assertTrue(r.rtmShare().mean() > 0 && r.rtmShare().ciHigh() < 1, "share " + r.rtmShare());
        assertEquals(0, r.matchedBias().mean(), 0.25, "controls stand in for the counterfactual here");
        assertEquals((r.beforeAfter().mean() - r.counterfactual().mean()) / r.beforeAfter().mean(),
                r.rtmShareOfMeans(), 1e-12);
    }

    /**
     * A severe person enrolled at T0 with 2 admissions before: B, H and (unless controls must never have been
     * enrolled) P are valid controls; every other candidate fails one rule and has an after count that would
     * give it away.
     */
    static List<Person> matchingWorld() {
        List<Person> people = new ArrayList<>();
        people.add(new Person(1, SEVERE).admissions(SEVERE, 100, 390, 2)
                .event(T0, SEVERE, "case_management_enrolment", "home").admissions(SEVERE, T0, 700, 2));
        people.add(new Person(2, SEVERE).admissions(SEVERE, 100, 390, 2).admissions(SEVERE, T0, 700, 1)); // B
        people.add(new Person(3, "over65_mild").admissions("over65_mild", 100, 390, 2)
                .admissions("over65_mild", T0, 700, 11)); // other cohort
        people.add(new Person(4, SEVERE).admissions(SEVERE, 100, 390, 3).admissions(SEVERE, T0, 700, 12)); // 3 before
        people.add(new Person(5, SEVERE).admissions(SEVERE, 100, 390, 2).event(395, SEVERE, "death", "home")); // dead
        people.add(new Person(6, SEVERE).admissions(SEVERE, 100, 390, 2).admissions(SEVERE, T0, 450, 13)
                .event(740, SEVERE, "case_management_enrolment", "home")); // enrolled in the follow-up year
        people.add(new Person(7, SEVERE).admissions(SEVERE, 100, 300, 2).event(350, SEVERE, "care_home_admission",
                "care_home").admissions(SEVERE, T0, 700, 14)); // lives in a care home
        people.add(new Person(8, MODERATE).admissions(MODERATE, 100, 190, 2).event(200, SEVERE, "frailty_change",
                "home").admissions(SEVERE, T0, 700, 3)); // H: severe since day 200
        people.add(new Person(9, MODERATE).admissions(MODERATE, 100, 390, 2).event(450, SEVERE, "frailty_change",
                "home").admissions(SEVERE, 500, 700, 15)); // severe only after T0
        people.add(new Person(10, SEVERE).admissions(SEVERE, 20, 30, 2)
                .admissions(SEVERE, T0, 700, 16)); // admissions before the window
        people.add(new Person(11, SEVERE).event(30, SEVERE, "case_management_enrolment", "home")
                .admissions(SEVERE, 100, 390, 2).admissions(SEVERE, T0, 700, 5)); // P: enrolment ended at day 395
        people.add(new Person(12, SEVERE).event(50, SEVERE, "case_management_enrolment", "home")
                .admissions(SEVERE, 100, 390, 2).admissions(SEVERE, T0, 700, 17)); // still enrolled at T0
        return people;
    }

    @Test
    void matchingPicksOnlyControlsWithTheSameCountAndCohortDeterministically() {
        Histories in = histories(matchingWorld());
        Histories cf = histories(List.of());
        Settings never = new Settings(YEAR, YEAR, 3 * YEAR, YEAR, 5, true, 7);
        Set<Double> picked = new HashSet<>();
        Set<Double> pickedNever = new HashSet<>();
        for (int rep = 0; rep < 40; rep++) {
            ReplicationEstimate e = EvaluationDesigns.analyse(in, cf, rep, SETTINGS);
            assertEquals(1, e.enrolled());
            assertEquals(1, e.withControl());
            assertEquals(2, e.before(), 0.0);
            assertEquals(2, e.after(), 0.0);
            assertEquals(2, e.matchedEnrolledBefore(), 0.0);
            assertEquals(2, e.controlBefore(), 0.0, "same count before");
            picked.add(e.controlAfter());
            assertEquals(e, EvaluationDesigns.analyse(in, cf, rep, SETTINGS), "deterministic");
            assertEquals(1, e.counterfactualMissing(), "absent from the counterfactual run");
            assertEquals(0, e.counterfactualAfter(), 0.0);
            pickedNever.add(EvaluationDesigns.analyse(in, cf, rep, never).controlAfter());
        }
        assertEquals(Set.of(1.0, 3.0, 5.0), picked, "B, H and P, each picked in some replication");
        assertEquals(Set.of(1.0, 3.0), pickedNever, "B and H: P was enrolled once");
    }

    @Test
    void countsAboveTheCapMatchEachOtherAndUnmatchedAreCounted() {
        List<Person> people = new ArrayList<>();
        people.add(new Person(1, SEVERE).admissions(SEVERE, 100, 390, 7)
                .event(T0, SEVERE, "case_management_enrolment", "home").admissions(SEVERE, T0, 700, 1));
        people.add(new Person(2, SEVERE).admissions(SEVERE, 100, 390, 6).admissions(SEVERE, T0, 700, 2));
        people.add(new Person(3, SEVERE).admissions(SEVERE, 100, 390, 4).admissions(SEVERE, T0, 700, 9));
        people.add(new Person(4, MODERATE).admissions(MODERATE, 100, 390, 1)
                .event(T0, MODERATE, "case_management_enrolment", "home").admissions(MODERATE, T0, 700, 1));
        ReplicationEstimate e = EvaluationDesigns.analyse(histories(people), histories(List.of()), 0, SETTINGS);
        assertEquals(2, e.enrolled());
        assertEquals(1, e.withControl(), "nobody moderate with 1 admission is left to match person 4");
        assertEquals(6, e.controlBefore(), 0.0, "7 and 6 are both ≥ the cap of 5");
        assertEquals(2, e.controlAfter(), 0.0);
        assertEquals(7, e.matchedEnrolledBefore(), 0.0);
        assertEquals(1, e.matchedEnrolledAfter(), 0.0);
        assertEquals(4, e.before(), 0.0);
    }

    @Test
    void windowsAndIndexDates() {
        List<Person> people = new ArrayList<>();
        // an admission at the moment of enrolment counts after; one a year before counts before
        people.add(new Person(1, SEVERE).event(T0 - YEAR, SEVERE, "admission", "acute_bed")
                .event(T0, SEVERE, "admission", "acute_bed").event(T0, SEVERE, "case_management_enrolment", "home")
                .event(T0 + YEAR, SEVERE, "admission", "acute_bed") // the after window is open at its end
                .event(T0 + 500, SEVERE, "case_management_enrolment", "home")); // re-enrolment: not an index date
        people.add(new Person(2, SEVERE).admissions(SEVERE, 1, 100, 3)
                .event(200, SEVERE, "case_management_enrolment", "home")); // t0 < 12 months: before not all logged
        people.add(new Person(3, SEVERE).admissions(SEVERE, 400, 800, 3)
                .event(800, SEVERE, "case_management_enrolment", "home")); // t0 + 12 months after the end
        people.add(new Person(4, SEVERE).admissions(SEVERE, 400, 700, 3)
                .event(730, SEVERE, "case_management_enrolment", "home")
                .event(800, SEVERE, "death", "acute_bed")); // dies in the after window
        Histories h = histories(people);
        assertEquals(2, h.indexPersons(SETTINGS).length);
        ReplicationEstimate e = EvaluationDesigns.analyse(h, h, 0, SETTINGS);
        assertEquals(2, e.enrolled());
        assertEquals(1, e.died());
        assertEquals((1 + 3) / 2.0, e.before(), 0.0);
        assertEquals((1 + 0) / 2.0, e.after(), 0.0);
        assertEquals(0, e.counterfactual(), 0.0);
    }

    @Test
    void eventsOutOfTimeOrderAreRefused() {
        Histories.Builder b = new Histories.Builder();
        b.accept(new EventRecord(10, 0, 1, SEVERE, Double.NaN, "admission", "acute_bed", ""));
        assertThrows(IllegalArgumentException.class,
                () -> b.accept(new EventRecord(5, 0, 1, SEVERE, Double.NaN, "admission", "acute_bed", "")));
    }

    @Test
    void replicationsWithoutEnrolmentsAreLeftOut() {
        Histories[] w = world(1, false);
        Histories empty = histories(List.of());
        List<ReplicationEstimate> reps = List.of(EvaluationDesigns.analyse(w[0], w[1], 0, SETTINGS),
                EvaluationDesigns.analyse(empty, empty, 1, SETTINGS),
                EvaluationDesigns.analyse(world(2, false)[0], world(2, false)[1], 2, SETTINGS));
        Result r = new Result("a", "b", SETTINGS, reps);
        assertEquals(1, r.omitted());
        assertEquals(2, r.beforeAfter().n());
        assertEquals(2, r.rtmShare().n());
    }

    // ------------------------------------------------------------------------------- end to end

    static Scenario load(String file) throws Exception {
        return ScenarioLoader.load(Path.of("scenarios", file), Map.of("population.size", 20000,
                "run.replications", 3, "run.warmup_years", 1, "run.years", 3));
    }

    @Test
    void coordinationAgainstFragmentedEndToEnd() throws Exception {
        Scenario coordination = load("coordination.yaml");
        Scenario fragmented = load("fragmented.yaml");
        assertEquals("prior_admissions", coordination.integration().caseFinding().rule());
        Result one = EvaluationDesigns.run(coordination, fragmented, 1, null);
        Result two = EvaluationDesigns.run(coordination, fragmented, 2, null);
        assertEquals(one, two, "identical on 1 and 2 threads");
        assertEquals(3, one.replications().size());
        for (ReplicationEstimate e : one.replications()) {
            assertTrue(e.enrolled() > 0, "replication " + e.replication() + " enrolled " + e.enrolled());
            assertTrue(e.withControl() > 0.5 * e.enrolled(), "most enrolled have a control: " + e);
            assertTrue(e.before() >= 2, "case-finding needs 2 admissions in 12 months: " + e.before());
        }
        assertTrue(one.beforeAfter().mean() < 0, "enrolled were admitted less after: " + one.beforeAfter());
        assertTrue(Math.abs(one.beforeAfter().mean()) > Math.abs(one.counterfactual().mean()),
                "before/after " + one.beforeAfter() + " vs CRN " + one.counterfactual());
        assertEquals(one.before().mean(), one.counterfactualBefore().mean(), 0.2 * one.before().mean(),
                "the same people before enrolment in both runs");
        assertThrows(IllegalArgumentException.class, () -> EvaluationDesigns.run(fragmented, fragmented, 1, null),
                "fragmented care enrols nobody");
        assertThrows(IllegalArgumentException.class, () -> EvaluationDesigns.run(coordination,
                ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"), Map.of("population.size", 20000)), 1, null));
        assertEquals("coordination", one.interventionName());
    }
}
