package icsim.experiment;

import icsim.engine.KeyedRandom;
import icsim.engine.Periods;
import icsim.model.CareSystem;
import icsim.model.Rates;
import icsim.output.Estimate;
import icsim.output.Estimates;
import icsim.output.EventRecord;
import icsim.scenario.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Evaluation designs (MODEL.md §8.5): case management found by prior admissions, evaluated three ways on the
 * same simulated people, to show how much of the apparent effect is regression to the mean.
 *
 * <p>Each replication runs the intervention scenario and the counterfactual scenario with the same seed,
 * replication and stream offset 0 (common random numbers: the same people with the same health draws), both
 * logging person events after warm-up. The choices:
 * <ul>
 * <li>Index date t0: a person's first logged enrolment in case management. Integration starts at the end of
 *     warm-up, so nobody analysed was enrolled before t0; a re-enrolment is never an index date. Analysed only
 *     when t0 ≥ the before window (so that window is all logged) and t0 + the after window ≤ the end of the
 *     run.</li>
 * <li>Windows, default 12 months each: before = [t0 − before, t0), after = [t0, t0 + after), so no admission
 *     counts twice. Admissions are emergency admissions, overnight and same-day. Someone who dies in a window
 *     keeps the admissions they had; counts are not annualised, and the share who died is reported.</li>
 * <li>Before/after: mean(after) − mean(before) over the analysed enrolled.</li>
 * <li>Matched controls, from the same intervention run: for each enrolled person, one person not enrolled at
 *     t0 nor during the after window (an earlier enrolment that has ended is allowed unless
 *     {@link Settings#neverEnrolledControls()}), alive at t0, not living in a care home at t0 (case-finding
 *     skips residents; a person counts as a resident from their first event that places them in a care home),
 *     with the same cohort at t0 and the same number of admissions in the before window, capped at
 *     {@link Settings#countCap()}. The cohort at t0 is that of their latest event at or before t0; frailty
 *     changes are logged, so it is exact, and people with no event by t0 are not candidates. Among the
 *     candidates, in person-id order, one is picked by a uniform keyed by (seed, replication, enrolled person,
 *     t0): deterministic whatever the thread count, with replacement. Effect = mean(after) of the matched
 *     enrolled − mean(after) of their controls; enrolled people with no candidate are left out and counted.</li>
 * <li>CRN counterfactual: the same person ids in the counterfactual run, same windows, whatever happened to
 *     them there (someone dead by t0 in that run counts no admissions: that is what the scenario changed).
 *     Effect = mean(after, intervention) − mean(after, counterfactual); the before windows are reported as a
 *     check, and so are the enrolled who are dead or not yet seen at t0 in the counterfactual run.</li>
 * <li>Regression to the mean share = (before/after − CRN) / before/after, per replication; matched-control
 *     bias = matched − CRN. Across replications: mean and 95 % t-interval of the per-replication values; a
 *     replication with no analysed enrolment has no value and is left out.</li>
 * </ul>
 */
public final class EvaluationDesigns {
    /** Purpose of the keyed uniform that picks a control (its own key space: no model draw is affected). */
    private static final int CONTROL_PICK = 1;
    /** Month ticks sit at start + m × 365 / 12, which may miss a window's edge by rounding. */
    private static final double EPS = 1e-6;

    private EvaluationDesigns() {
    }

    /**
     * @param beforeDays           length of the window before t0
     * @param afterDays            length of the window from t0
     * @param endDay               end of the run, in days since the end of warm-up
     * @param enrolmentDays        how long an enrolment lasts (the log has starts only)
     * @param countCap             before counts at or above this match each other
     * @param neverEnrolledControls controls must never have been enrolled before t0 + afterDays, rather than
     *                             only not enrolled at t0 or during the after window
     * @param seed                 keys the choice of controls
     */
    public record Settings(double beforeDays, double afterDays, double endDay, double enrolmentDays, int countCap,
                           boolean neverEnrolledControls, long seed) {
        public Settings {
            if (!(beforeDays > 0 && afterDays > 0 && endDay > 0 && enrolmentDays > 0) || countCap < 1) {
                throw new IllegalArgumentException("windows, enrolment and the end of the run must be positive and"
                        + " the count cap at least 1");
            }
        }

        /** 12 months before and after, counts capped at 5, controls not enrolled at t0 or in the after window. */
        public static Settings of(Scenario s) {
            return of(s, 12, 12, 5, false);
        }

        public static Settings of(Scenario s, int beforeMonths, int afterMonths, int countCap,
                                  boolean neverEnrolledControls) {
            double years = Math.max(1, Math.round(s.run().years())); // as CareSystem runs it
            double month = Periods.YEAR / 12;
            return new Settings(beforeMonths * month, afterMonths * month, years * Periods.YEAR,
                    s.integration().caseFinding().enrolmentMonths() * month, countCap, neverEnrolledControls,
                    s.run().seed());
        }
    }

    /**
     * One replication. Means are admissions per person in a window (NaN when nobody is in the group).
     *
     * @param enrolled              enrolled people analysed
     * @param withControl           of them, matched to a control
     * @param died                  of them, dead within the after window (intervention run)
     * @param counterfactualMissing of them, dead by t0 or not yet seen at t0 in the counterfactual run
     * @param matchedEnrolledBefore before-window mean of the enrolled who have a control (it differs from
     *                              controlBefore only above the count cap)
     */
    public record ReplicationEstimate(int replication, int enrolled, int withControl, int died,
                                      int counterfactualMissing, double before, double after,
                                      double matchedEnrolledBefore, double matchedEnrolledAfter,
                                      double controlBefore, double controlAfter, double counterfactualBefore,
                                      double counterfactualAfter) {
        public double beforeAfter() {
            return after - before;
        }

        public double matched() {
            return matchedEnrolledAfter - controlAfter;
        }

        public double counterfactual() {
            return after - counterfactualAfter;
        }

        public double matchedBias() {
            return matched() - counterfactual();
        }

        /** Share of the before/after effect that the counterfactual does not confirm (non-finite if it is 0). */
        public double rtmShare() {
            double ba = beforeAfter();
            return (ba - counterfactual()) / ba;
        }
    }

    /** The replications and their summaries across replications (95 % t-intervals). */
    public record Result(String interventionName, String counterfactualName, Settings settings,
                         List<ReplicationEstimate> replications) {
        public Result {
            replications = List.copyOf(replications);
        }

        public Estimate beforeAfter() {
            return of(ReplicationEstimate::beforeAfter);
        }

        public Estimate matched() {
            return of(ReplicationEstimate::matched);
        }

        public Estimate counterfactual() {
            return of(ReplicationEstimate::counterfactual);
        }

        public Estimate matchedBias() {
            return of(ReplicationEstimate::matchedBias);
        }

        public Estimate rtmShare() {
            return of(ReplicationEstimate::rtmShare);
        }

        /** The share from the effects' means across replications rather than per replication. */
        public double rtmShareOfMeans() {
            double ba = beforeAfter().mean();
            return (ba - counterfactual().mean()) / ba;
        }

        public Estimate before() {
            return of(ReplicationEstimate::before);
        }

        public Estimate after() {
            return of(ReplicationEstimate::after);
        }

        public Estimate matchedEnrolledBefore() {
            return of(ReplicationEstimate::matchedEnrolledBefore);
        }

        public Estimate matchedEnrolledAfter() {
            return of(ReplicationEstimate::matchedEnrolledAfter);
        }

        public Estimate controlBefore() {
            return of(ReplicationEstimate::controlBefore);
        }

        public Estimate controlAfter() {
            return of(ReplicationEstimate::controlAfter);
        }

        public Estimate counterfactualBefore() {
            return of(ReplicationEstimate::counterfactualBefore);
        }

        public Estimate counterfactualAfter() {
            return of(ReplicationEstimate::counterfactualAfter);
        }

        /** Enrolled people analysed per replication (replications with none left out). */
        public Estimate enrolled() {
            return of(r -> r.enrolled() == 0 ? Double.NaN : r.enrolled());
        }

        public Estimate matchedShare() {
            return of(r -> (double) r.withControl() / r.enrolled());
        }

        public Estimate diedShare() {
            return of(r -> (double) r.died() / r.enrolled());
        }

        public Estimate counterfactualMissingShare() {
            return of(r -> (double) r.counterfactualMissing() / r.enrolled());
        }

        /** Replications without an analysed enrolment, left out of every estimate. */
        public int omitted() {
            return (int) replications.stream().filter(r -> r.enrolled() == 0).count();
        }

        public int totalEnrolled() {
            return replications.stream().mapToInt(ReplicationEstimate::enrolled).sum();
        }

        public int totalWithControl() {
            return replications.stream().mapToInt(ReplicationEstimate::withControl).sum();
        }

        private Estimate of(ToDoubleFunction<ReplicationEstimate> f) {
            return Estimates.of(replications.stream().mapToDouble(f).toArray());
        }
    }

    // ------------------------------------------------------------------------------------- simulation

    /** The designs with 12-month windows and before counts capped at 5. */
    public static Result run(Scenario intervention, Scenario counterfactual, int threads, IntConsumer progress) {
        return run(intervention, counterfactual, Settings.of(intervention), threads, progress);
    }

    /**
     * Runs each replication of both scenarios and analyses it. Memory is one replication's histories per thread.
     *
     * @param progress called with the number of replications finished (may be called from worker threads)
     */
    public static Result run(Scenario intervention, Scenario counterfactual, Settings settings, int threads,
                             IntConsumer progress) {
        checkPaired(intervention, counterfactual);
        Rates interventionRates = new Rates(intervention);
        Rates counterfactualRates = new Rates(counterfactual);
        int size = intervention.population().size();
        List<ReplicationEstimate> estimates = new ReplicationRunner(threads).map(intervention.run().replications(),
                rep -> {
                    Histories in = simulate(intervention, interventionRates, rep, null);
                    // the counterfactual run need only log the slots of the people analysed
                    BitSet slots = new BitSet(size);
                    for (long person : in.indexPersons(settings)) {
                        slots.set((int) (person % size));
                    }
                    Histories cf = simulate(counterfactual, counterfactualRates, rep, slots);
                    return analyse(in, cf, rep, settings);
                }, progress);
        return new Result(intervention.name(), counterfactual.name(), settings, estimates);
    }

    /** CRN pairs people only if both runs have the same seed, population and run length. */
    private static void checkPaired(Scenario intervention, Scenario counterfactual) {
        Scenario.Run a = intervention.run();
        Scenario.Run b = counterfactual.run();
        if (a.seed() != b.seed() || a.replications() != b.replications() || a.warmupYears() != b.warmupYears()
                || a.years() != b.years() || intervention.population().size() != counterfactual.population().size()) {
            throw new IllegalArgumentException("the intervention and counterfactual scenarios must have the same "
                    + "run.seed, run.replications, run.warmup_years, run.years and population.size");
        }
        if (!intervention.integration().caseManagement().enabled()) {
            throw new IllegalArgumentException("scenario " + intervention.name()
                    + " has case management off: nobody is enrolled to evaluate");
        }
    }

    /** One replication's histories; slots null logs everyone, else only those population slots. */
    static Histories simulate(Scenario s, Rates rates, int replication, BitSet slots) {
        Histories.Builder histories = new Histories.Builder();
        CareSystem system = new CareSystem(s, rates, replication, 0, histories, -1);
        if (slots != null) {
            system.logOnly(slots);
        }
        system.run();
        return histories.build();
    }

    // --------------------------------------------------------------------------------------- analysis

    /** The three designs on one replication's histories of the intervention and the counterfactual run. */
    static ReplicationEstimate analyse(Histories in, Histories cf, int replication, Settings s) {
        KeyedRandom pick = new KeyedRandom(s.seed(), replication, 0);
        TreeMap<Double, List<Integer>> byIndexDate = new TreeMap<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.analysable(i, s)) {
                byIndexDate.computeIfAbsent(in.enrolment[i], t -> new ArrayList<>()).add(i);
            }
        }
        int[] admitted = in.withAdmissions();
        int enrolled = 0;
        int withControl = 0;
        int died = 0;
        int missing = 0;
        double before = 0;
        double after = 0;
        double matchedBefore = 0;
        double matchedAfter = 0;
        double controlBefore = 0;
        double controlAfter = 0;
        double cfBefore = 0;
        double cfAfter = 0;
        for (Map.Entry<Double, List<Integer>> group : byIndexDate.entrySet()) {
            double t0 = group.getKey();
            double from = t0 - s.beforeDays();
            double to = t0 + s.afterDays();
            Set<Stratum> needed = new HashSet<>();
            for (int i : group.getValue()) {
                needed.add(new Stratum(in.cohortAt(i, t0), Math.min(in.admissions(i, from, t0), s.countCap())));
            }
            Map<Stratum, List<Integer>> candidates = candidates(in, t0, s, needed, admitted);
            for (int i : group.getValue()) {
                int b = in.admissions(i, from, t0);
                int a = in.admissions(i, t0, to);
                enrolled++;
                before += b;
                after += a;
                if (!in.aliveAt(i, to)) {
                    died++;
                }
                List<Integer> pool = candidates.get(new Stratum(in.cohortAt(i, t0), Math.min(b, s.countCap())));
                if (pool != null) {
                    double u = pick.uniform(in.person[i], CONTROL_PICK, Double.doubleToLongBits(t0));
                    int j = pool.get((int) (u * pool.size()));
                    withControl++;
                    matchedBefore += b;
                    matchedAfter += a;
                    controlBefore += in.admissions(j, from, t0);
                    controlAfter += in.admissions(j, t0, to);
                }
                int k = cf.indexOf(in.person[i]);
                if (k < 0 || !cf.aliveAt(k, t0) || cf.cohortAt(k, t0) == null) {
                    missing++;
                }
                if (k >= 0) {
                    cfBefore += cf.admissions(k, from, t0);
                    cfAfter += cf.admissions(k, t0, to);
                }
            }
        }
        return new ReplicationEstimate(replication, enrolled, withControl, died, missing, before / enrolled,
                after / enrolled, matchedBefore / withControl, matchedAfter / withControl, controlBefore / withControl,
                controlAfter / withControl, cfBefore / enrolled, cfAfter / enrolled);
    }

    /** A matching cell: cohort at t0 and capped admissions in the before window. */
    private record Stratum(String cohort, int count) {
    }

    /**
     * The candidate controls at t0 in the cells some enrolled person needs, each list in person-id order. Only
     * people with an admission can match a positive count, so the full scan is needed only for a count of 0.
     */
    private static Map<Stratum, List<Integer>> candidates(Histories h, double t0, Settings s, Set<Stratum> needed,
                                                          int[] admitted) {
        boolean zero = needed.stream().anyMatch(c -> c.count() == 0);
        int n = zero ? h.size() : admitted.length;
        // enrolled at t0 or during the after window: an enrolment started in (t0 - enrolment, t0 + after)
        double from = s.neverEnrolledControls() ? Double.NEGATIVE_INFINITY : t0 - s.enrolmentDays() + EPS;
        double until = t0 + s.afterDays() - EPS;
        Map<Stratum, List<Integer>> out = new HashMap<>();
        for (int x = 0; x < n; x++) {
            int j = zero ? x : admitted[x];
            if (h.enrolments(j, from, until) > 0 || !h.aliveAt(j, t0) || h.careHome[j] <= t0) {
                continue; // NaN compares false: never in a care home
            }
            String cohort = h.cohortAt(j, t0);
            if (cohort == null) {
                continue;
            }
            Stratum c = new Stratum(cohort, Math.min(h.admissions(j, t0 - s.beforeDays(), t0), s.countCap()));
            if (needed.contains(c)) {
                out.computeIfAbsent(c, k -> new ArrayList<>()).add(j);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ histories

    /**
     * Per-person histories of one run, from its event log: only what the designs need. Times are days since
     * the end of warm-up; people are in ascending id order.
     */
    static final class Histories {
        final long[] person;
        /** First enrolment, NaN if never. */
        final double[] enrolment;
        /** Person i's enrolment starts, ascending: enrolments[enrolmentStart[i] .. enrolmentStart[i + 1]). */
        final int[] enrolmentStart;
        final double[] enrolments;
        /** NaN if alive at the end. */
        final double[] death;
        /** First event that placed them in a care home, NaN if none. */
        final double[] careHome;
        /** Person i's admission times, ascending: admissions[admissionStart[i] .. admissionStart[i + 1]). */
        final int[] admissionStart;
        final double[] admissions;
        /** Person i's cohort changes, ascending: from cohortFrom[k] the cohort is cohort[k]. */
        final int[] cohortStart;
        final double[] cohortFrom;
        final String[] cohort;

        private Histories(long[] person, int[] enrolmentStart, double[] enrolments, double[] death,
                          double[] careHome, int[] admissionStart, double[] admissions, int[] cohortStart,
                          double[] cohortFrom, String[] cohort) {
            this.person = person;
            this.enrolmentStart = enrolmentStart;
            this.enrolments = enrolments;
            this.enrolment = new double[person.length];
            for (int i = 0; i < person.length; i++) {
                enrolment[i] = enrolmentStart[i + 1] > enrolmentStart[i] ? enrolments[enrolmentStart[i]] : Double.NaN;
            }
            this.death = death;
            this.careHome = careHome;
            this.admissionStart = admissionStart;
            this.admissions = admissions;
            this.cohortStart = cohortStart;
            this.cohortFrom = cohortFrom;
            this.cohort = cohort;
        }

        int size() {
            return person.length;
        }

        /** The index of a person id, or a negative number if they have no event. */
        int indexOf(long id) {
            return Arrays.binarySearch(person, id);
        }

        /** Admissions of person i in [from, to). */
        int admissions(int i, double from, double to) {
            int lo = admissionStart[i];
            int hi = admissionStart[i + 1];
            return firstAtOrAfter(admissions, lo, hi, to) - firstAtOrAfter(admissions, lo, hi, from);
        }

        /** Enrolments of person i that started in [from, to). */
        int enrolments(int i, double from, double to) {
            int lo = enrolmentStart[i];
            int hi = enrolmentStart[i + 1];
            return firstAtOrAfter(enrolments, lo, hi, to) - firstAtOrAfter(enrolments, lo, hi, from);
        }

        /** The cohort of person i's latest event at or before t, null if none. */
        String cohortAt(int i, double t) {
            int k = firstAfter(cohortFrom, cohortStart[i], cohortStart[i + 1], t) - 1;
            return k < cohortStart[i] ? null : cohort[k];
        }

        boolean aliveAt(int i, double t) {
            return !(death[i] <= t);
        }

        /** First enrolled at a t0 with both windows inside the logged run. */
        boolean analysable(int i, Settings s) {
            double t0 = enrolment[i];
            return t0 >= s.beforeDays() - EPS && t0 + s.afterDays() <= s.endDay() + EPS;
        }

        /** The people whose first enrolment is analysable. */
        long[] indexPersons(Settings s) {
            return java.util.stream.IntStream.range(0, size()).filter(i -> analysable(i, s)).mapToLong(i -> person[i])
                    .toArray();
        }

        /** Indexes of the people with at least one admission. */
        int[] withAdmissions() {
            return java.util.stream.IntStream.range(0, size()).filter(i -> admissionStart[i + 1] > admissionStart[i])
                    .toArray();
        }

        private static int firstAtOrAfter(double[] a, int lo, int hi, double x) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int firstAfter(double[] a, int lo, int hi, double x) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Collects a run's event records, each person's in time order (as a run emits them). */
        static final class Builder implements CareSystem.EventSink {
            private final Map<Long, Person> people = new HashMap<>();

            @Override
            public void accept(EventRecord r) {
                Person p = people.computeIfAbsent(r.person(), id -> new Person());
                double t = r.time();
                if (t < p.last) {
                    throw new IllegalArgumentException("events of person " + r.person() + " out of time order");
                }
                p.last = t;
                if (r.cohort() != null && (p.cohorts == 0 || !r.cohort().equals(p.cohort[p.cohorts - 1]))) {
                    if (p.cohorts == p.cohort.length) {
                        p.cohortFrom = Arrays.copyOf(p.cohortFrom, 2 * p.cohorts + 1);
                        p.cohort = Arrays.copyOf(p.cohort, 2 * p.cohorts + 1);
                    }
                    p.cohortFrom[p.cohorts] = t;
                    p.cohort[p.cohorts++] = r.cohort();
                }
                switch (r.event()) {
                    case "admission" -> {
                        if (p.admissions == p.admitted.length) {
                            p.admitted = Arrays.copyOf(p.admitted, 2 * p.admissions + 2);
                        }
                        p.admitted[p.admissions++] = t;
                    }
                    case "case_management_enrolment" -> {
                        if (p.enrolments == p.enrolled.length) {
                            p.enrolled = Arrays.copyOf(p.enrolled, 2 * p.enrolments + 1);
                        }
                        p.enrolled[p.enrolments++] = t;
                    }
                    case "death" -> p.death = t;
                    default -> {
                    }
                }
                if ("care_home".equals(r.place()) && Double.isNaN(p.careHome)) {
                    p.careHome = t;
                }
            }

            Histories build() {
                long[] ids = people.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
                int n = ids.length;
                double[] death = new double[n];
                double[] careHome = new double[n];
                int[] admissionStart = new int[n + 1];
                int[] cohortStart = new int[n + 1];
                int[] enrolmentStart = new int[n + 1];
                for (int i = 0; i < n; i++) {
                    Person p = people.get(ids[i]);
                    death[i] = p.death;
                    careHome[i] = p.careHome;
                    admissionStart[i + 1] = admissionStart[i] + p.admissions;
                    cohortStart[i + 1] = cohortStart[i] + p.cohorts;
                    enrolmentStart[i + 1] = enrolmentStart[i] + p.enrolments;
                }
                double[] admissions = new double[admissionStart[n]];
                double[] cohortFrom = new double[cohortStart[n]];
                String[] cohort = new String[cohortStart[n]];
                double[] enrolments = new double[enrolmentStart[n]];
                for (int i = 0; i < n; i++) {
                    Person p = people.get(ids[i]);
                    System.arraycopy(p.admitted, 0, admissions, admissionStart[i], p.admissions);
                    System.arraycopy(p.cohortFrom, 0, cohortFrom, cohortStart[i], p.cohorts);
                    System.arraycopy(p.cohort, 0, cohort, cohortStart[i], p.cohorts);
                    System.arraycopy(p.enrolled, 0, enrolments, enrolmentStart[i], p.enrolments);
                }
                return new Histories(ids, enrolmentStart, enrolments, death, careHome, admissionStart, admissions,
                        cohortStart, cohortFrom, cohort);
            }
        }

        private static final class Person {
            double last = Double.NEGATIVE_INFINITY;
            double[] enrolled = new double[0];
            int enrolments;
            double death = Double.NaN;
            double careHome = Double.NaN;
            double[] admitted = new double[0];
            int admissions;
            double[] cohortFrom = new double[1];
            String[] cohort = new String[1];
            int cohorts;
        }
    }
}
