package icsim.engine;

/**
 * Counter-based random numbers: every uniform is a pure function of (master seed, replication, key,
 * purpose, index), so a draw never depends on how many draws came before it. Two scenarios therefore see
 * the same people with the same health events (common random numbers, MODEL.md §6), and results are
 * identical on any number of threads. The mixing function is the SplitMix64 finaliser applied in a chain.
 *
 * <p>A key is a person (slot and generation, see {@link #personKey}) or a system stream (negative keys).
 * Purposes are small integers owned by the model.
 */
public final class KeyedRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final long base;

    /** @param streamOffset 0 for common random numbers; a scenario index for independent streams. */
    public KeyedRandom(long seed, int replication, long streamOffset) {
        this.base = mix(mix(seed * GOLDEN + 0x632BE59BD9B4E019L) ^ (replication + 1L) * GOLDEN) ^ mix(streamOffset + 7L);
    }

    /** Identity of a person across scenarios: the population slot and how many times it has been refilled. */
    public static long personKey(int slot, int generation) {
        return ((long) generation << 32) | (slot & 0xFFFFFFFFL);
    }

    /** A uniform strictly inside (0, 1). */
    public double uniform(long key, int purpose, long index) {
        long h = mix(base ^ key * GOLDEN);
        h = mix(h ^ (((long) purpose << 48) ^ index) * 0xD1B54A32D192ED03L);
        return ((h >>> 12) + 0.5) * 0x1.0p-52; // 52 bits + 1/2: exact, never 0 or 1
    }

    /** A unit-rate exponential variate. */
    public double exponential(long key, int purpose, long index) {
        return -Math.log(uniform(key, purpose, index));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
