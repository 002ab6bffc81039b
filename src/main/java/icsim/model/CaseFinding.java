package icsim.model;

import icsim.engine.Periods;
import icsim.scenario.Scenario;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Case-finding for case management (MODEL.md §5): monthly, ends enrolments that have run their course and
 * fills the free caseload with the highest-ranked eligible people. prior_admissions ranks people with at least
 * n emergency admissions in the window (as Evercare did); predicted_risk ranks a noisy score of each person's
 * true admission hazard whose noise is set so the score's AUC for an admission within a year matches the
 * scenario (PARR-30: 0.70). Prior-use targeting picks people at a transient peak of risk, so part of their
 * later fall is regression to the mean: that is reproduced, not assumed.
 */
final class CaseFinding {
    static final double MONTH = Periods.YEAR / 12;
    private static final int AUC_SAMPLE = 10_000;

    private final CareSystem sys;
    private final Population pop;
    private final Scenario.CaseFinding rule;
    private final boolean byPriorAdmissions;
    private final int n;
    private final int caseload;
    /** Day each enrolment ends (NaN when not enrolled). */
    private final float[] enrolledUntil;
    /** The last n admission times of each person, a ring (NaN = none); only for prior_admissions. */
    private final float[] admissions;
    private final byte[] ringNext;
    private int enrolled;
    private double sigma = Double.NaN;
    private double achievedAuc = Double.NaN;

    CaseFinding(CareSystem sys) {
        this.sys = sys;
        this.pop = sys.pop;
        Scenario.Integration in = sys.scenario.integration();
        this.rule = in.caseFinding();
        this.byPriorAdmissions = "prior_admissions".equals(rule.rule());
        this.n = rule.priorAdmissions();
        Scenario.CaseManagement cm = in.caseManagement();
        this.caseload = (int) Math.round(cm.ftePer100k() * cm.caseloadPerFte() * pop.size / 100_000.0);
        this.enrolledUntil = new float[pop.size];
        Arrays.fill(enrolledUntil, Float.NaN);
        this.admissions = byPriorAdmissions ? new float[pop.size * n] : new float[0];
        this.ringNext = byPriorAdmissions ? new byte[pop.size] : new byte[0];
        Arrays.fill(admissions, Float.NaN);
    }

    /** Remembers an emergency admission for the prior-admissions rule. */
    void recordAdmission(int p, double t) {
        if (!byPriorAdmissions) {
            return;
        }
        admissions[p * n + ringNext[p]] = (float) t;
        ringNext[p] = (byte) ((ringNext[p] + 1) % n);
    }

    /** p died at t: the slot's next occupant starts with no history and no enrolment. */
    void forget(int p, double t) {
        if (pop.careHas(p, Population.ENROLLED)) {
            enrolled--;
            sys.enrolledOverTime.set(t, enrolled);
        }
        enrolledUntil[p] = Float.NaN;
        if (byPriorAdmissions) {
            Arrays.fill(admissions, p * n, p * n + n, Float.NaN);
            ringNext[p] = 0;
        }
    }

    /** AUC the predicted-risk score achieved at the first case-finding (NaN for prior_admissions). */
    double achievedAuc() {
        return achievedAuc;
    }

    /** The monthly run at t (month = 0, 1, … from the start of integration). */
    void monthly(double t, int month) {
        for (int p = 0; p < pop.size; p++) {
            if (pop.careHas(p, Population.ENROLLED) && t >= enrolledUntil[p] - 1e-6) {
                pop.careSet(p, Population.ENROLLED, false);
                enrolledUntil[p] = Float.NaN;
                enrolled--;
            }
        }
        int free = caseload - enrolled;
        if (free <= 0) {
            sys.enrolledOverTime.set(t, enrolled);
            return;
        }
        if (!byPriorAdmissions && Double.isNaN(sigma)) {
            calibrate(t);
        }
        int[] chosen = top(t, month, free);
        float until = (float) (t + rule.enrolmentMonths() * MONTH);
        for (int p : chosen) {
            pop.careSet(p, Population.ENROLLED, true);
            enrolledUntil[p] = until;
            enrolled++;
            sys.tally(Tally.ENROLMENTS, pop.cohort(p), 1);
            sys.log(p, t, "case_management_enrolment", Place.label(pop.place(p)), rule.rule());
        }
        sys.enrolledOverTime.set(t, enrolled);
    }

    private boolean eligible(int p) {
        byte place = pop.place(p);
        return place != Place.DEAD && !pop.careHas(p, Population.ENROLLED) && !pop.has(p, Population.RESIDENT)
                && ("all".equals(rule.ages()) || pop.over65(p));
    }

    /** The rank key of an eligible person (higher = enrolled first), or NaN if the rule does not pick them. */
    private double key(int p, double t, int month) {
        if (byPriorAdmissions) {
            float oldest = admissions[p * n + ringNext[p]]; // the n-th latest admission
            return !Float.isNaN(oldest) && oldest >= t - rule.windowMonths() * MONTH ? oldest : Double.NaN;
        }
        double hazard = admissionHazard(p, t);
        return hazard <= 0 ? Double.NaN : Math.log(hazard) + sigma * noise(p, month);
    }

    private double noise(int p, int month) {
        return CareSystem.normalQuantile(sys.u(p, Purpose.RISK_SCORE_NOISE, month));
    }

    /** Expected emergency admissions per day of p at t (their true risk, including a post-crisis window). */
    private double admissionHazard(int p, double t) {
        Scenario.Group g = sys.rates.groups[pop.cohort(p)];
        double h = sys.crisisHazard(p, t);
        if (t < pop.postCrisisUntil(p)) {
            h *= sys.scenario.postCrisis().multiplier();
        }
        return h * g.pAeGivenCrisis() * g.pAdmitGivenAe();
    }

    /** The k highest keys among eligible people (ties to the lower slot), by a bounded min-heap. */
    private int[] top(double t, int month, int k) {
        int[] heap = new int[k];
        double[] keys = new double[k];
        int size = 0;
        for (int p = 0; p < pop.size; p++) {
            // prior_admissions: the admission history is a dense array, cheaper to test than eligibility
            double key = byPriorAdmissions ? key(p, t, month) : 0;
            if (Double.isNaN(key) || !eligible(p)) {
                continue;
            }
            if (!byPriorAdmissions) {
                key = key(p, t, month);
                if (Double.isNaN(key)) {
                    continue;
                }
            }
            if (size < k) {
                heap[size] = p;
                keys[size] = key;
                siftUp(heap, keys, size++);
            } else if (key > keys[0]) { // slots rise, so an equal key loses to the earlier slot already held
                heap[0] = p;
                keys[0] = key;
                siftDown(heap, keys, size);
            }
        }
        int[] out = Arrays.copyOf(heap, size);
        Arrays.sort(out);
        return out;
    }

    private static boolean lower(double[] keys, int[] heap, int a, int b) {
        return keys[a] < keys[b] || keys[a] == keys[b] && heap[a] > heap[b];
    }

    private static void siftUp(int[] heap, double[] keys, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!lower(keys, heap, i, parent)) {
                return;
            }
            swap(heap, keys, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, double[] keys, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int smallest = i;
            if (l < size && lower(keys, heap, l, smallest)) {
                smallest = l;
            }
            if (l + 1 < size && lower(keys, heap, l + 1, smallest)) {
                smallest = l + 1;
            }
            if (smallest == i) {
                return;
            }
            swap(heap, keys, i, smallest);
            i = smallest;
        }
    }

    private static void swap(int[] heap, double[] keys, int a, int b) {
        int h = heap[a];
        heap[a] = heap[b];
        heap[b] = h;
        double k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
    }

    /**
     * Sets the score's noise so that its AUC for "admitted within a year" (P = 1 - exp(-365 h)) matches the
     * scenario, by bisection on a sample of the eligible population at the first case-finding.
     */
    private void calibrate(double t) {
        int[] sample = new int[AUC_SAMPLE];
        int count = 0;
        int eligible = 0;
        for (int p = 0; p < pop.size; p++) {
            if (eligible(p)) {
                eligible++;
            }
        }
        int step = Math.max(1, eligible / AUC_SAMPLE);
        int seen = 0;
        for (int p = 0; p < pop.size && count < AUC_SAMPLE; p++) {
            if (eligible(p) && seen++ % step == 0) {
                sample[count++] = p;
            }
        }
        double[] logHazard = new double[count];
        double[] noise = new double[count];
        double[] admitted = new double[count];
        for (int i = 0; i < count; i++) {
            double h = admissionHazard(sample[i], t);
            logHazard[i] = Math.log(Math.max(h, 1e-300));
            noise[i] = noise(sample[i], -1);
            admitted[i] = 1 - Math.exp(-Periods.YEAR * h);
        }
        double lo = 0;
        double hi = 20;
        if (auc(logHazard, noise, admitted, 0) <= rule.auc()) {
            sigma = 0; // even the true hazard discriminates no better: use it
        } else {
            for (int it = 0; it < 40; it++) {
                double mid = (lo + hi) / 2;
                if (auc(logHazard, noise, admitted, mid) > rule.auc()) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            sigma = (lo + hi) / 2;
        }
        achievedAuc = auc(logHazard, noise, admitted, sigma);
    }

    /** AUC of score = logHazard + sigma x noise, each person weighted as positive by P and negative by 1 - P. */
    static double auc(double[] logHazard, double[] noise, double[] positive, double sigma) {
        int m = logHazard.length;
        Integer[] order = new Integer[m];
        double[] score = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            score[i] = logHazard[i] + sigma * noise[i];
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double negativesBelow = 0;
        double concordant = 0;
        double positives = 0;
        for (int j = 0; j < m; j++) {
            int i = order[j];
            concordant += positive[i] * negativesBelow;
            negativesBelow += 1 - positive[i];
            positives += positive[i];
        }
        double negatives = negativesBelow;
        return positives == 0 || negatives == 0 ? Double.NaN : concordant / (positives * negatives);
    }
}
