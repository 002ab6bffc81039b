package icsim.output;

import org.apache.commons.math3.distribution.TDistribution;

/** Mean, sample sd and Student-t confidence interval of replication values. */
public final class Estimates {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    private Estimates() {
    }

    /** 95% Student-t estimate; non-finite values (undefined in that replication) are skipped. */
    public static Estimate of(double[] values) {
        return of(values, DEFAULT_CONFIDENCE);
    }

    public static Estimate of(double[] values, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            // A single replication has no spread estimate; 0 keeps CSVs free of NaN.
            return new Estimate(mean, 0, mean, mean, 1);
        }
        double ss = 0; // two-pass sum of squares: stable when the mean is large relative to the spread
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double h = halfWidth(sd, n, confidence);
        return new Estimate(mean, sd, mean - h, mean + h, n);
    }

    /** Half-width t(1-(1-c)/2, n-1) * sd / sqrt(n); 0 for n = 1, NaN for n = 0. */
    public static double halfWidth(double sd, int n, double confidence) {
        if (n <= 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return 0;
        }
        return tQuantile(1 - (1 - confidence) / 2, n - 1) * sd / Math.sqrt(n);
    }

    /**
     * Two-sided p-value of a Student-t statistic with df degrees of freedom, 2 P(T ≤ −|t|) (computed in the
     * lower tail, so tiny p-values keep their precision); NaN for a NaN statistic or df &lt; 1.
     */
    public static double twoSidedP(double t, int df) {
        if (Double.isNaN(t) || df < 1) {
            return Double.NaN;
        }
        return Math.min(1.0, 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
    }

    /** Student-t quantile; a null RNG avoids seeding a generator we never use. */
    public static double tQuantile(double p, int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }
}
