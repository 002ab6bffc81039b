package icsim.experiment;

import icsim.output.Estimates;

import java.util.ArrayList;
import java.util.List;

/**
 * How many replications a result needs, by the confidence-interval method (Robinson, Simulation: The Practice
 * of Model Development and Use, ch. 9): for n = 2 … N replications, the cumulative mean of one output and the
 * half-width of its Student-t interval relative to that mean; the replications needed for a precision p are
 * the smallest n from which the relative half-width stays at or below p for every larger n up to N. Looking at
 * the whole sequence rather than the first n that dips below p guards against a lucky early estimate of the
 * spread.
 */
public final class ReplicationsNeeded {

    private ReplicationsNeeded() {
    }

    /**
     * The interval after the first n replications.
     *
     * @param relativeHalfWidth halfWidth / |mean|; 0 when both are 0 (a constant output), infinite when only the
     *                          mean is 0
     */
    public record Step(int n, double mean, double halfWidth, double relativeHalfWidth) {
    }

    /**
     * The sequence of intervals and the replications needed.
     *
     * @param needed the smallest n from which every relative half-width is ≤ the precision, or -1 when the
     *               last one (n = N) is still above it
     */
    public record Result(List<Step> steps, double precision, int needed) {
        public boolean reached() {
            return needed > 0;
        }

        /** The interval after all N replications. */
        public Step last() {
            return steps.get(steps.size() - 1);
        }

        /**
         * The replications needed if reached, otherwise a projection from the interval after N: the half-width
         * shrinks as 1/√n, so about N·(relative half-width / precision)² (the t quantile taken as fixed); -1 when
         * the relative half-width is not finite (a mean of 0).
         */
        public int projected() {
            if (reached()) {
                return needed;
            }
            double rel = last().relativeHalfWidth();
            if (!Double.isFinite(rel)) {
                return -1;
            }
            double n = Math.ceil(last().n() * (rel / precision) * (rel / precision) - 1e-9);
            return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
        }
    }

    /** The method at 95 % confidence. */
    public static Result of(double[] values, double precision) {
        return of(values, precision, Estimates.DEFAULT_CONFIDENCE);
    }

    /**
     * @param values    one output, replication by replication in replication order (at least 2, all finite)
     * @param precision the largest acceptable relative half-width, in (0, 1)
     */
    public static Result of(double[] values, double precision, double confidence) {
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("precision must be in (0, 1), got " + precision);
        }
        List<Step> steps = cumulative(values, confidence);
        return new Result(steps, precision, needed(steps, precision));
    }

    /** Cumulative mean and t-interval half-width for n = 2 … values.length (Welford's running variance). */
    public static List<Step> cumulative(double[] values, double confidence) {
        if (values.length < 2) {
            throw new IllegalArgumentException("the confidence-interval method needs at least 2 replications, got "
                    + values.length);
        }
        List<Step> steps = new ArrayList<>(values.length - 1);
        double mean = 0;
        double ss = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("replication " + i + " has no finite value (" + v + ")");
            }
            int n = i + 1;
            double delta = v - mean;
            mean += delta / n;
            ss += delta * (v - mean);
            if (n >= 2) {
                double sd = Math.sqrt(Math.max(0, ss) / (n - 1));
                double h = Estimates.halfWidth(sd, n, confidence);
                steps.add(new Step(n, mean, h, relative(h, mean)));
            }
        }
        return steps;
    }

    /** The smallest n from which every step's relative half-width is ≤ precision; -1 if the last step's is not. */
    public static int needed(List<Step> steps, double precision) {
        int needed = -1;
        for (int i = steps.size() - 1; i >= 0 && steps.get(i).relativeHalfWidth() <= precision; i--) {
            needed = steps.get(i).n();
        }
        return needed;
    }

    private static double relative(double halfWidth, double mean) {
        if (mean == 0) {
            return halfWidth == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return halfWidth / Math.abs(mean);
    }
}
