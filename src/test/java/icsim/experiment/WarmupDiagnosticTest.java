package icsim.experiment;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MSER-5 and Welch's moving average on synthetic series whose answer is known. */
class WarmupDiagnosticTest {

    /** Level 100 with a transient −60·exp(−t/τ) and normal noise of sd 2 (an AR(1) when phi &gt; 0). */
    private static double[] transientSeries(int length, double tau, double phi, long seed) {
        Random random = new Random(seed);
        double[] x = new double[length];
        double noise = 0;
        for (int t = 0; t < length; t++) {
            noise = phi * noise + Math.sqrt(1 - phi * phi) * random.nextGaussian() * 2;
            x[t] = 100 - 60 * Math.exp(-t / tau) + noise;
        }
        return x;
    }

    @Test
    void truncatesNearTheEndOfAnExponentialTransient() {
        // with τ = 20 days the transient is within one noise sd (2) of the level after 20·ln(30) ≈ 68 days
        for (long seed = 1; seed <= 10; seed++) {
            WarmupDiagnostic.Truncation t = WarmupDiagnostic.mser5(transientSeries(2000, 20, 0, seed));
            assertTrue(t.observations() >= 40 && t.observations() <= 140,
                    "seed " + seed + ": truncation " + t.observations() + " days, expected near 70");
            assertEquals(0, t.observations() % WarmupDiagnostic.BATCH);
            assertFalse(t.atLimit());
            assertEquals(100, t.truncatedMean(), 0.5);
        }
    }

    @Test
    void findsTheTransientInAutocorrelatedNoiseToo() {
        for (long seed = 1; seed <= 10; seed++) {
            WarmupDiagnostic.Truncation t = WarmupDiagnostic.mser5(transientSeries(3000, 50, 0.8, seed));
            assertTrue(t.observations() >= 100 && t.observations() <= 350,
                    "seed " + seed + ": truncation " + t.observations() + " days, expected near 170");
        }
    }

    @Test
    void aStationarySeriesNeedsLittleOrNoTruncation() {
        int zero = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            double[] x = new double[2000];
            for (int i = 0; i < x.length; i++) {
                x[i] = 50 + 3 * random.nextGaussian();
            }
            WarmupDiagnostic.Truncation t = WarmupDiagnostic.mser5(x);
            assertTrue(t.observations() <= 100, "seed " + seed + ": truncation " + t.observations() + " of 2000 days");
            if (t.observations() == 0) {
                zero++;
            }
        }
        assertTrue(zero >= 5, "a stationary series is usually not truncated at all (" + zero + " of 20)");
    }

    @Test
    void aTransientLongerThanHalfTheSeriesIsFlaggedAtTheLimit() {
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = i; // a trend: every truncation makes the rest look better
        }
        WarmupDiagnostic.Truncation t = WarmupDiagnostic.mser5(x);
        assertEquals(200, t.observations());
        assertEquals(80, t.batchCount());
        assertTrue(t.atLimit());
    }

    @Test
    void mserStatisticMatchesItsDefinition() {
        double[] z = {1, 5, 2, 4, 3, 3, 2};
        double[] stat = WarmupDiagnostic.mser(z);
        assertEquals(4, stat.length, "d = 0 .. k/2 = 3");
        for (int d = 0; d < stat.length; d++) {
            double mean = 0;
            for (int j = d; j < z.length; j++) {
                mean += z[j];
            }
            mean /= z.length - d;
            double ss = 0;
            for (int j = d; j < z.length; j++) {
                ss += (z[j] - mean) * (z[j] - mean);
            }
            assertEquals(ss / Math.pow(z.length - d, 2), stat[d], 1e-12, "d = " + d);
        }
    }

    @Test
    void batchMeansDropTheIncompleteLastBatch() {
        assertArrayEquals(new double[] {3, 8}, WarmupDiagnostic.batchMeans(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12}, 5), 0);
    }

    @Test
    void mser5NeedsTwoBatches() {
        assertThrows(IllegalArgumentException.class, () -> WarmupDiagnostic.mser5(new double[9]));
        assertThrows(IllegalArgumentException.class, () -> WarmupDiagnostic.mser5(new double[] {1, 2, 3, 4, 5, 6, 7,
                8, 9, Double.NaN}));
        assertEquals(0, WarmupDiagnostic.mser5(new double[10]).observations(), "a constant series: no truncation");
    }

    @Test
    void welchMovingAverageOnASmallArray() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // w = 2: i=0 → y0; i=1 → mean(y0..y2); i≥2 → mean(y[i-2..i+2]); the last 2 undefined
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, Double.NaN, Double.NaN},
                WarmupDiagnostic.movingAverage(y, 2), 0);
        double[] v = {4, 0, 8, 2, 6, 1};
        double[] ma = WarmupDiagnostic.movingAverage(v, 1);
        assertArrayEquals(new double[] {4, 4, 10.0 / 3, 16.0 / 3, 3, Double.NaN}, ma, 1e-15);
        assertArrayEquals(v, WarmupDiagnostic.movingAverage(v, 0), 0, "w = 0 is the series itself");
        double[] wide = WarmupDiagnostic.movingAverage(v, 10);
        assertEquals(4, wide[0]);
        assertEquals(4, wide[1]);
        assertEquals((4 + 0 + 8 + 2 + 6) / 5.0, wide[2], 1e-15);
        assertTrue(Double.isNaN(wide[3]), "no symmetric window fits");
    }
}
