package icsim.experiment;

/**
 * Warm-up (initial transient) diagnostics on one output series, typically a daily census averaged over
 * replications that all started from the same initial state.
 *
 * <ul>
 *   <li>{@link #mser5}: the MSER-5 truncation rule (White 1997; White, Cobb and Spratt 2000). The series is cut
 *   into batches of 5 observations and their means Z_1..Z_k are taken (a last incomplete batch is dropped). For
 *   each candidate truncation d (batches), MSER(d) = Σ_{j&gt;d} (Z_j − Z̄(d))² / (k − d)², where Z̄(d) is the mean
 *   of the batches kept: the squared standard error of the truncated mean, so removing early batches pays off
 *   only when they are far enough from the rest to outweigh the shorter sample. The d that minimises it over the
 *   first half of the batches (d ≤ ⌊k/2⌋) is the truncation point; a minimum at that limit means the series is
 *   too short to show where the transient ends.</li>
 *   <li>{@link #movingAverage}: Welch's (1983) moving average, for looking at the series: the value at
 *   observation i is the mean of observations i − w … i + w, or of the 2i − 1 first ones near the start (i ≤ w,
 *   counting from 1), and undefined for the last w observations.</li>
 * </ul>
 */
public final class WarmupDiagnostic {
    /** Observations per batch in MSER-5. */
    public static final int BATCH = 5;

    private WarmupDiagnostic() {
    }

    /**
     * An MSER-5 truncation point.
     *
     * @param observations      truncation point in observations (= 5 × batches), the number to discard
     * @param batches           truncation point in batches of 5
     * @param batchCount        complete batches in the series (k)
     * @param statistic         the minimal MSER value
     * @param truncatedMean     mean of the batch means kept (the steady-state estimate)
     * @param atLimit           true when the minimum lies at the end of the search range (the first half of the
     *                          batches): the transient may be longer than the series can show
     */
    public record Truncation(int observations, int batches, int batchCount, double statistic, double truncatedMean,
                             boolean atLimit) {
    }

    /** MSER-5 truncation point of series (at least 2 complete batches of 5, every value finite). */
    public static Truncation mser5(double[] series) {
        double[] z = batchMeans(series, BATCH);
        if (z.length < 2) {
            throw new IllegalArgumentException("MSER-5 needs at least " + 2 * BATCH + " observations, got "
                    + series.length);
        }
        double[] stat = mser(z);
        int best = 0;
        for (int d = 1; d < stat.length; d++) {
            if (stat[d] < stat[best]) { // strict: ties keep the shorter truncation
                best = d;
            }
        }
        double mean = 0;
        for (int j = best; j < z.length; j++) {
            mean += z[j];
        }
        mean /= z.length - best;
        return new Truncation(best * BATCH, best, z.length, stat[best], mean, best == stat.length - 1 && best > 0);
    }

    /**
     * MSER(d) for d = 0 … ⌊k/2⌋ over the values z (k of them): the sum of squared deviations of z[d..k-1] from
     * their mean, divided by (k − d)². Sums are accumulated from the end, so the whole curve costs O(k).
     */
    public static double[] mser(double[] z) {
        int k = z.length;
        for (double v : z) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("MSER needs finite values, got " + v);
            }
        }
        int limit = k / 2;
        double[] out = new double[limit + 1];
        // Welford's update, adding values from the end backwards: mean and sum of squares of z[d..k-1]
        double mean = 0;
        double ss = 0;
        int n = 0;
        for (int d = k - 1; d >= 0; d--) {
            n++;
            double delta = z[d] - mean;
            mean += delta / n;
            ss += delta * (z[d] - mean);
            if (d <= limit) {
                out[d] = Math.max(0, ss) / ((double) n * n);
            }
        }
        return out;
    }

    /** Means of consecutive non-overlapping batches of size observations; a last incomplete batch is dropped. */
    public static double[] batchMeans(double[] series, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + size);
        }
        double[] out = new double[series.length / size];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (int i = b * size; i < (b + 1) * size; i++) {
                sum += series[i];
            }
            out[b] = sum / size;
        }
        return out;
    }

    /**
     * Welch's moving average with half-window w ≥ 0 (a centred mean of 2w + 1 observations): index i (from 0)
     * averages observations i − h … i + h with h = min(i, w); NaN where i + h runs past the end (the last w
     * observations when the series is longer than 2w).
     */
    public static double[] movingAverage(double[] series, int window) {
        if (window < 0) {
            throw new IllegalArgumentException("moving-average window must be ≥ 0, got " + window);
        }
        int m = series.length;
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            int h = Math.min(i, window);
            if (i + h >= m) {
                out[i] = Double.NaN;
            } else {
                out[i] = sum(series, i - h, i + h) / (2 * h + 1); // direct sums: no drift from running totals
            }
        }
        return out;
    }

    private static double sum(double[] series, int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += series[i];
        }
        return s;
    }
}
