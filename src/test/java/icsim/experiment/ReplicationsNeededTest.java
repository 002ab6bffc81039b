package icsim.experiment;

import icsim.output.Estimates;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confidence-interval method on data whose answer is known. */
class ReplicationsNeededTest {

    /** The smallest n with t(0.975, n−1)·sd/√n ≤ precision·mean: the answer if the sample sd were exact. */
    private static int theoretical(double mean, double sd, double precision) {
        for (int n = 2; ; n++) {
            if (Estimates.tQuantile(0.975, n - 1) * sd / Math.sqrt(n) <= precision * mean) {
                return n;
            }
        }
    }

    @Test
    void normalDataNeedCloseToTheTheoreticalNumber() {
        double mean = 100;
        double sd = 10;
        double precision = 0.02;
        int expected = theoretical(mean, sd, precision); // (1.98·10/2)² ≈ 98
        assertTrue(Math.abs(expected - Math.pow(1.96 * sd / (precision * mean), 2)) < 6, "t ≈ z at n ≈ 100");
        int[] needed = new int[25];
        for (int seed = 0; seed < needed.length; seed++) {
            Random random = new Random(seed);
            double[] x = new double[600];
            for (int i = 0; i < x.length; i++) {
                x[i] = mean + sd * random.nextGaussian();
            }
            ReplicationsNeeded.Result r = ReplicationsNeeded.of(x, precision);
            assertTrue(r.reached(), "seed " + seed);
            needed[seed] = r.needed();
            assertTrue(needed[seed] > 0.5 * expected && needed[seed] < 2 * expected,
                    "seed " + seed + ": needed " + needed[seed] + ", expected about " + expected);
        }
        Arrays.sort(needed);
        int median = needed[needed.length / 2];
        assertTrue(Math.abs(median - expected) <= 0.2 * expected,
                "median over seeds " + median + ", expected about " + expected + ": " + Arrays.toString(needed));
    }

    @Test
    void stepsAreTheCumulativeMeanAndTInterval() {
        double[] x = {10, 12, 11, 15, 9};
        List<ReplicationsNeeded.Step> steps = ReplicationsNeeded.cumulative(x, 0.95);
        assertEquals(4, steps.size(), "n = 2..5");
        for (ReplicationsNeeded.Step s : steps) {
            double[] first = Arrays.copyOf(x, s.n());
            var e = Estimates.of(first);
            assertEquals(e.mean(), s.mean(), 1e-12);
            assertEquals(e.halfWidth(), s.halfWidth(), 1e-9);
            assertEquals(e.halfWidth() / e.mean(), s.relativeHalfWidth(), 1e-12);
        }
        assertEquals(2, steps.get(0).n());
        assertEquals(11, steps.get(0).mean(), 0);
        assertEquals(12.706204736, steps.get(0).halfWidth(), 1e-6, "t(0.975, 1)·sd/√2 with sd = √2");
    }

    @Test
    void neededIsWhereThePrecisionHoldsForGood() {
        List<ReplicationsNeeded.Step> steps = List.of(step(2, 0.20), step(3, 0.04), step(4, 0.06), step(5, 0.05),
                step(6, 0.03), step(7, 0.02));
        assertEquals(5, ReplicationsNeeded.needed(steps, 0.05), "dips below at 3, back above at 4, for good from 5");
        assertEquals(6, ReplicationsNeeded.needed(steps, 0.04));
        assertEquals(-1, ReplicationsNeeded.needed(steps, 0.01), "never");
        assertEquals(2, ReplicationsNeeded.needed(steps, 0.5), "from the start");
    }

    @Test
    void notReachedWhenTheLastIntervalIsTooWide() {
        double[] x = {1, 100, 3, 50, 2, 80};
        ReplicationsNeeded.Result r = ReplicationsNeeded.of(x, 0.05);
        assertFalse(r.reached());
        assertEquals(-1, r.needed());
        assertEquals(6, r.last().n());
        double rel = r.last().relativeHalfWidth();
        assertEquals(Math.ceil(6 * Math.pow(rel / 0.05, 2)), r.projected(), 0, "N·(±% at N ÷ precision)²");
        assertTrue(r.projected() > 6);
    }

    @Test
    void projectionFromTheLastIntervalIsNearTheTheoreticalNumber() {
        Random random = new Random(7);
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 + 20 * random.nextGaussian();
        }
        ReplicationsNeeded.Result r = ReplicationsNeeded.of(x, 0.01); // needs about (1.96·20/1)² ≈ 1540
        assertFalse(r.reached());
        int expected = theoretical(100, 20, 0.01);
        assertTrue(r.projected() > 0.5 * expected && r.projected() < 2 * expected,
                "projected " + r.projected() + ", expected about " + expected);
    }

    @Test
    void constantAndZeroMeanOutputs() {
        ReplicationsNeeded.Result constant = ReplicationsNeeded.of(new double[] {0, 0, 0}, 0.05);
        assertEquals(2, constant.needed(), "an output that is always 0 is known exactly");
        ReplicationsNeeded.Result zeroMean = ReplicationsNeeded.of(new double[] {-1, 1}, 0.05);
        assertEquals(Double.POSITIVE_INFINITY, zeroMean.last().relativeHalfWidth());
        assertFalse(zeroMean.reached());
        ReplicationsNeeded.Result negative = ReplicationsNeeded.of(new double[] {-100, -101, -99, -100}, 0.05);
        assertTrue(negative.reached(), "relative to |mean|");
    }

    @Test
    void rejectsWhatTheMethodCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> ReplicationsNeeded.of(new double[] {1}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ReplicationsNeeded.of(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> ReplicationsNeeded.of(new double[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> ReplicationsNeeded.of(new double[] {1, Double.NaN}, 0.05));
    }

    private static ReplicationsNeeded.Step step(int n, double relative) {
        return new ReplicationsNeeded.Step(n, 1, relative, relative);
    }
}
