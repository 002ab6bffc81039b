package icsim.model;

import icsim.engine.Periods;
import icsim.scenario.Scenario;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The predicted-risk score of MODEL.md §5 (PARR-30-like): log of a person's true admission hazard plus normal
 * noise whose size is set, by bisection on a sample of the people it ranks, so that the score's AUC for "admitted
 * within a year" is the scenario's. The noise is keyed by (person, month), so every user of the score in a month
 * sees the same tool's output; case-finding and coverage each calibrate their own noise size.
 */
final class RiskScore {
    private static final int AUC_SAMPLE = 10_000;

    private final CareSystem sys;
    private final Population pop;
    private final double auc;
    private double sigma = Double.NaN;
    private double achievedAuc = Double.NaN;

    RiskScore(CareSystem sys, double auc) {
        this.sys = sys;
        this.pop = sys.pop;
        this.auc = auc;
    }

    boolean calibrated() {
        return !Double.isNaN(sigma);
    }

    /** AUC the score achieved on the calibration sample (NaN before calibration). */
    double achievedAuc() {
        return achievedAuc;
    }

    /** p's score at t in a month of integration (higher = riskier), or NaN if their hazard is 0. */
    double key(int p, double t, int month) {
        double hazard = admissionHazard(p, t);
        return hazard <= 0 ? Double.NaN : Math.log(hazard) + sigma * noise(p, month);
    }

    private double noise(int p, int month) {
        return CareSystem.normalQuantile(sys.u(p, Purpose.RISK_SCORE_NOISE, month));
    }

    /** Expected emergency admissions per day of p at t (their true risk, including a post-crisis window). */
    double admissionHazard(int p, double t) {
        Scenario.Group g = sys.rates.groups[pop.cohort(p)];
        double h = sys.crisisHazard(p, t);
        if (t < pop.postCrisisUntil(p)) {
            h *= sys.scenario.postCrisis().multiplier();
        }
        return h * g.pAeGivenCrisis() * g.pAdmitGivenAe();
    }

    /**
     * Sets the noise so that the score's AUC for "admitted within a year" (P = 1 - exp(-365 h)) matches the
     * scenario, by bisection on an evenly spaced sample of the people {@code ranked} picks.
     */
    void calibrate(double t, IntPredicate ranked) {
        int[] sample = new int[AUC_SAMPLE];
        int count = 0;
        int eligible = 0;
        for (int p = 0; p < pop.size; p++) {
            if (ranked.test(p)) {
                eligible++;
            }
        }
        int step = Math.max(1, eligible / AUC_SAMPLE);
        int seen = 0;
        for (int p = 0; p < pop.size && count < AUC_SAMPLE; p++) {
            if (ranked.test(p) && seen++ % step == 0) {
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
        if (auc(logHazard, noise, admitted, 0) <= auc) {
            sigma = 0; // even the true hazard discriminates no better: use it
        } else {
            for (int it = 0; it < 40; it++) {
                double mid = (lo + hi) / 2;
                if (auc(logHazard, noise, admitted, mid) > auc) {
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
        int[] order = new int[m];
        double[] score = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            score[i] = logHazard[i] + sigma * noise[i];
        }
        sortByScore(order, score); // bisection calls this ~40 times: primitive, not boxed
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

    /** Stable merge sort of indices by ascending score (ties keep index order). */
    static void sortByScore(int[] order, double[] score) {
        int n = order.length;
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    buffer[k++] = score[order[b]] < score[order[a]] ? order[b++] : order[a++];
                }
                while (a < mid) {
                    buffer[k++] = order[a++];
                }
                while (b < hi) {
                    buffer[k++] = order[b++];
                }
                System.arraycopy(buffer, lo, order, lo, hi - lo);
            }
        }
    }

    /**
     * The k slots 0..n-1 with the highest keys, in slot order; NaN keys are never picked, ties go to the lower
     * slot. A bounded min-heap, so one pass whatever k.
     */
    static int[] top(int n, int k, IntToDoubleFunction keyOf) {
        int[] heap = new int[Math.max(0, k)];
        double[] keys = new double[heap.length];
        int size = 0;
        for (int p = 0; p < n && k > 0; p++) {
            double key = keyOf.applyAsDouble(p);
            if (Double.isNaN(key)) {
                continue;
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
}
