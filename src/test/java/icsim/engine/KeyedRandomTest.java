package icsim.engine;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class KeyedRandomTest {
    private static final int N = 200_000;
    private static final long KEY = KeyedRandom.personKey(17, 3);
    private static final int PURPOSE = 11;

    @Test
    void uniformIsStrictlyInsideUnitIntervalOverManyDraws() {
        KeyedRandom r = new KeyedRandom(42, 0, 0);
        for (long key = -5; key < 45; key++) {
            for (int purpose = 0; purpose < 4; purpose++) {
                for (long i = 0; i < 1_000; i++) {
                    double u = r.uniform(key, purpose, i);
                    if (!(u > 0 && u < 1)) {
                        fail("u=" + u + " key=" + key + " purpose=" + purpose + " index=" + i);
                    }
                }
            }
        }
    }

    /**
     * The top uniform value: the largest hash must still give a uniform below 1 (a 53-bit version,
     * (h >>> 11) + 0.5 scaled by 2^-53, rounded up to exactly 1.0 there). The index that produces that hash is found by inverting the bijective mixer.
     */
    @Test
    void uniformNeverReturnsOneEvenForTheLargestHash() {
        long seed = 42;
        int replication = 0;
        long offset = 0;
        KeyedRandom r = new KeyedRandom(seed, replication, offset);
        long index = indexGivingHash(seed, replication, offset, KEY, PURPOSE, -1L);
        // sanity: the reconstruction of the hash chain is right (another index gives the value uniform() returns)
        assertEquals(expectedUniform(seed, replication, offset, KEY, PURPOSE, 12345), r.uniform(KEY, PURPOSE, 12345));

        double u = r.uniform(KEY, PURPOSE, index);
        assertTrue(u < 1.0, "uniform returned " + u + " at index " + index);
        assertTrue(r.exponential(KEY, PURPOSE, index) > 0);
    }

    @Test
    void sameArgumentsGiveSameValue() {
        KeyedRandom a = new KeyedRandom(7, 2, 0);
        KeyedRandom b = new KeyedRandom(7, 2, 0);
        for (long i = 0; i < 1_000; i++) {
            assertEquals(a.uniform(KEY, PURPOSE, i), a.uniform(KEY, PURPOSE, i));
            assertEquals(a.uniform(KEY, PURPOSE, i), b.uniform(KEY, PURPOSE, i));
            assertEquals(a.exponential(KEY, PURPOSE, i), b.exponential(KEY, PURPOSE, i));
        }
        // order of draws does not matter: draw backwards on a fresh instance
        KeyedRandom c = new KeyedRandom(7, 2, 0);
        for (long i = 999; i >= 0; i--) {
            assertEquals(a.uniform(KEY, PURPOSE, i), c.uniform(KEY, PURPOSE, i));
        }
    }

    @Test
    void changingAnyArgumentChangesTheValue() {
        long seed = 1234;
        int rep = 5;
        KeyedRandom r = new KeyedRandom(seed, rep, 0);
        for (long i = 0; i < 200; i++) {
            double u = r.uniform(KEY, PURPOSE, i);
            assertNotEquals(u, new KeyedRandom(seed + 1, rep, 0).uniform(KEY, PURPOSE, i), "seed");
            assertNotEquals(u, new KeyedRandom(seed, rep + 1, 0).uniform(KEY, PURPOSE, i), "replication");
            assertNotEquals(u, r.uniform(KEY + 1, PURPOSE, i), "key");
            assertNotEquals(u, r.uniform(KEY, PURPOSE + 1, i), "purpose");
            assertNotEquals(u, r.uniform(KEY, PURPOSE, i + 1), "index");
            assertNotEquals(u, new KeyedRandom(seed, rep, 1).uniform(KEY, PURPOSE, i), "streamOffset");
        }
        // replication 0 and -1 must not coincide through the (replication + 1) term, nor seed 0 with seed 1
        assertNotEquals(new KeyedRandom(0, 0, 0).uniform(0, 0, 0), new KeyedRandom(1, 0, 0).uniform(0, 0, 0));
        assertNotEquals(new KeyedRandom(0, 0, 0).uniform(0, 0, 0), new KeyedRandom(0, 1, 0).uniform(0, 0, 0));
    }

    @Test
    void streamOffsetGivesADifferentStream() {
        KeyedRandom crn = new KeyedRandom(99, 1, 0);
        KeyedRandom s1 = new KeyedRandom(99, 1, 1);
        KeyedRandom s2 = new KeyedRandom(99, 1, 2);
        int equal01 = 0;
        int equal12 = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 20_000;
        for (long i = 0; i < n; i++) {
            double x = crn.uniform(KEY, PURPOSE, i);
            double y = s1.uniform(KEY, PURPOSE, i);
            if (x == y) {
                equal01++;
            }
            if (y == s2.uniform(KEY, PURPOSE, i)) {
                equal12++;
            }
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        assertEquals(0, equal01);
        assertEquals(0, equal12);
        double r = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
        assertTrue(Math.abs(r) < 0.03, "streams with different offsets are correlated: r=" + r);
    }

    @Test
    void meanAndVarianceOfUniform() {
        KeyedRandom r = new KeyedRandom(2024, 0, 0);
        double sum = 0, sumSq = 0;
        for (long i = 0; i < N; i++) {
            double u = r.uniform(KEY, PURPOSE, i);
            sum += u;
            sumSq += u * u;
        }
        double mean = sum / N;
        double var = sumSq / N - mean * mean;
        assertEquals(0.5, mean, 0.003);
        assertEquals(1.0 / 12, var, 0.002);
    }

    @Test
    void chiSquareOn100Bins() {
        KeyedRandom r = new KeyedRandom(31337, 3, 0);
        int bins = 100;
        long[] counts = new long[bins];
        for (long i = 0; i < N; i++) {
            counts[(int) (r.uniform(KEY, PURPOSE, i) * bins)]++;
        }
        double expected = (double) N / bins;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 99 degrees of freedom: mean 99, sd ~14; 150 is beyond the 99.9th percentile
        assertTrue(chi2 < 150, "chi-square " + chi2);
        // and not suspiciously perfect (would indicate a non-random, e.g. stratified, sequence)
        assertTrue(chi2 > 50, "chi-square " + chi2);
    }

    @Test
    void chiSquareAcrossKeysAtFixedIndex() {
        // the first draw of many different people must be uniform too (index 0 is used for every person)
        KeyedRandom r = new KeyedRandom(5, 0, 0);
        int bins = 100;
        long[] counts = new long[bins];
        for (int slot = 0; slot < N; slot++) {
            counts[(int) (r.uniform(KeyedRandom.personKey(slot, 0), PURPOSE, 0) * bins)]++;
        }
        double expected = (double) N / bins;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 150, "chi-square " + chi2);
    }

    @Test
    void lagOneCorrelationOverIndices() {
        KeyedRandom r = new KeyedRandom(8, 1, 0);
        double prev = r.uniform(KEY, PURPOSE, 0);
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = N - 1;
        for (long i = 1; i < N; i++) {
            double cur = r.uniform(KEY, PURPOSE, i);
            sx += prev;
            sy += cur;
            sxx += prev * prev;
            syy += cur * cur;
            sxy += prev * cur;
            prev = cur;
        }
        double corr = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
        assertTrue(Math.abs(corr) < 0.01, "lag-1 correlation " + corr);
    }

    @Test
    void exponentialHasUnitMean() {
        KeyedRandom r = new KeyedRandom(77, 0, 0);
        double sum = 0, sumSq = 0;
        for (long i = 0; i < N; i++) {
            double e = r.exponential(KEY, PURPOSE, i);
            assertTrue(e > 0 && Double.isFinite(e));
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / N;
        assertEquals(1.0, mean, 0.01);
        assertEquals(1.0, sumSq / N - mean * mean, 0.03); // variance of Exp(1) is 1
    }

    @Test
    void exponentialIsMinusLogOfUniform() {
        KeyedRandom r = new KeyedRandom(3, 4, 5);
        for (long i = 0; i < 100; i++) {
            assertEquals(-Math.log(r.uniform(KEY, PURPOSE, i)), r.exponential(KEY, PURPOSE, i));
        }
    }

    @Test
    void personKeyDiffersAcrossSlotsAndGenerations() {
        Set<Long> keys = new HashSet<>();
        int[] slots = {0, 1, 2, 1000, 65_535, 1_000_000, Integer.MAX_VALUE};
        for (int slot : slots) {
            for (int gen = 0; gen < 50; gen++) {
                assertTrue(keys.add(KeyedRandom.personKey(slot, gen)), "duplicate key slot=" + slot + " gen=" + gen);
            }
        }
        assertNotEquals(KeyedRandom.personKey(1, 0), KeyedRandom.personKey(0, 1));
        // a refilled slot gets a fresh stream
        KeyedRandom r = new KeyedRandom(1, 0, 0);
        assertNotEquals(r.uniform(KeyedRandom.personKey(5, 0), PURPOSE, 0), r.uniform(KeyedRandom.personKey(5, 1), PURPOSE, 0));
        assertNotEquals(r.uniform(KeyedRandom.personKey(5, 0), PURPOSE, 0), r.uniform(KeyedRandom.personKey(6, 0), PURPOSE, 0));
    }

    // ---- helpers for the white-box bug test: an independent reconstruction of the hash chain ----

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long INDEX_MULT = 0xD1B54A32D192ED03L;

    private static long finalHashSeed(long seed, int replication, long offset, long key) {
        long base = KeyedRandom.mix(KeyedRandom.mix(seed * GOLDEN + 0x632BE59BD9B4E019L) ^ (replication + 1L) * GOLDEN)
                ^ KeyedRandom.mix(offset + 7L);
        return KeyedRandom.mix(base ^ key * GOLDEN);
    }

    private static double expectedUniform(long seed, int replication, long offset, long key, int purpose, long index) {
        long h = KeyedRandom.mix(finalHashSeed(seed, replication, offset, key) ^ (((long) purpose << 48) ^ index) * INDEX_MULT);
        return ((h >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** The index for which the final hash of uniform(key, purpose, index) equals target. */
    private static long indexGivingHash(long seed, int replication, long offset, long key, int purpose, long target) {
        long before = unmix(target);
        long product = before ^ finalHashSeed(seed, replication, offset, key);
        long mixed = product * inverse(INDEX_MULT);
        long index = mixed ^ ((long) purpose << 48);
        assertEquals(target, KeyedRandom.mix(finalHashSeed(seed, replication, offset, key)
                ^ (((long) purpose << 48) ^ index) * INDEX_MULT));
        return index;
    }

    private static long unmix(long z) {
        z = unshift(z, 31);
        z *= inverse(0x94D049BB133111EBL);
        z = unshift(z, 27);
        z *= inverse(0xBF58476D1CE4E5B9L);
        return unshift(z, 30);
    }

    /** Inverse of y = x ^ (x >>> s). */
    private static long unshift(long y, int s) {
        long x = y;
        for (int k = s; k < 64; k += s) {
            x ^= y >>> k;
        }
        return x;
    }

    /** Multiplicative inverse of an odd number modulo 2^64 (Newton iteration). */
    private static long inverse(long a) {
        long x = a;
        for (int i = 0; i < 6; i++) {
            x *= 2 - a * x;
        }
        assertEquals(1L, a * x);
        return x;
    }
}
