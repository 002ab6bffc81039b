package icsim.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexedMinHeapTest {
    private static final int IDS = 1_000;

    /** Brute-force minimum over a times array where NaN marks absence; ties to the smaller id. Returns the id or -1. */
    private static int bruteMinId(double[] times) {
        int best = -1;
        for (int id = 0; id < times.length; id++) {
            if (!Double.isNaN(times[id]) && (best < 0 || times[id] < times[best])) {
                best = id; // strict < keeps the smaller id on ties
            }
        }
        return best;
    }

    private static void check(IndexedMinHeap heap, double[] ref, int op) {
        int expectedId = bruteMinId(ref);
        int size = 0;
        for (double t : ref) {
            if (!Double.isNaN(t)) {
                size++;
            }
        }
        assertEquals(size, heap.size(), "size at op " + op);
        assertEquals(size == 0, heap.isEmpty());
        if (expectedId < 0) {
            assertEquals(Double.POSITIVE_INFINITY, heap.minTime(), "empty at op " + op);
        } else {
            assertEquals(ref[expectedId], heap.minTime(), "minTime at op " + op);
            assertEquals(expectedId, heap.minId(), "minId at op " + op);
        }
    }

    private static void randomRun(long seed, int timeRange, int removePercent) {
        Random rnd = new Random(seed);
        IndexedMinHeap heap = new IndexedMinHeap(IDS);
        double[] ref = new double[IDS];
        Arrays.fill(ref, Double.NaN);
        for (int op = 0; op < 50_000; op++) {
            int id = rnd.nextInt(IDS);
            if (rnd.nextInt(100) < removePercent) {
                heap.remove(id); // also removes absent ids: must be a no-op
                ref[id] = Double.NaN;
            } else {
                double t = timeRange > 0 ? rnd.nextInt(timeRange) : rnd.nextDouble() * 1e6;
                heap.set(id, t);
                ref[id] = t;
            }
            int probe = rnd.nextInt(IDS);
            assertEquals(!Double.isNaN(ref[probe]), heap.contains(probe), "contains at op " + op);
            assertEquals(!Double.isNaN(ref[id]), heap.contains(id));
            check(heap, ref, op);
        }
        // drain by always handling the minimum, as the simulator does
        while (!heap.isEmpty()) {
            int expected = bruteMinId(ref);
            assertEquals(expected, heap.minId());
            assertEquals(ref[expected], heap.minTime());
            heap.remove(expected);
            ref[expected] = Double.NaN;
            assertFalse(heap.contains(expected));
        }
        assertEquals(-1, bruteMinId(ref));
        assertEquals(Double.POSITIVE_INFINITY, heap.minTime());
    }

    @Test
    void randomOperationsWithManyTiesMatchBruteForce() {
        randomRun(1, 50, 30);
    }

    @Test
    void randomOperationsWithDistinctTimesMatchBruteForce() {
        randomRun(2, 0, 30);
    }

    @Test
    void randomOperationsNearlyEmptyHeapMatchBruteForce() {
        randomRun(3, 10, 60);
    }

    @Test
    void allEqualTimesGiveSmallestIdFirst() {
        IndexedMinHeap heap = new IndexedMinHeap(100);
        for (int id = 99; id >= 0; id -= 3) {
            heap.set(id, 7.0);
        }
        int last = -1;
        while (!heap.isEmpty()) {
            int id = heap.minId();
            assertTrue(id > last, "ids must come out in increasing order");
            assertEquals(7.0, heap.minTime());
            heap.remove(id);
            last = id;
        }
    }

    @Test
    void setMovesAnExistingIdBothWays() {
        IndexedMinHeap heap = new IndexedMinHeap(10);
        heap.set(1, 10);
        heap.set(2, 20);
        heap.set(3, 30);
        heap.set(3, 5);   // earlier
        assertEquals(3, heap.minId());
        assertEquals(5.0, heap.minTime());
        assertEquals(3, heap.size(), "moving must not duplicate");
        heap.set(3, 25);  // later
        assertEquals(1, heap.minId());
        heap.set(1, 25);  // 1 and 3 now tie at 25, but 2 at 20 is first
        assertEquals(2, heap.minId());
        heap.remove(2);
        assertEquals(1, heap.minId());
        assertEquals(25.0, heap.minTime());
        heap.set(1, 25);  // unchanged time
        assertEquals(1, heap.minId());
        heap.remove(1);
        assertEquals(3, heap.minId());
        heap.remove(3);
        assertTrue(heap.isEmpty());
        heap.remove(3);   // absent: no-op
        assertEquals(0, heap.size());
        assertEquals(Double.POSITIVE_INFINITY, heap.minTime());
    }

    @Test
    void reinsertAfterRemoveWorks() {
        IndexedMinHeap heap = new IndexedMinHeap(4);
        for (int round = 0; round < 3; round++) {
            for (int id = 0; id < 4; id++) {
                heap.set(id, 10 - id + round);
            }
            assertEquals(4, heap.size());
            assertEquals(3, heap.minId());
            for (int id = 0; id < 4; id++) {
                heap.remove(id);
            }
            assertTrue(heap.isEmpty());
        }
    }
}
