package icsim.engine;

import java.util.Arrays;

/**
 * Min-heap of (id, time) over primitive arrays, with each id's position stored so its time can be changed or
 * removed in O(log n). Holds every person's next health-event time without allocating an event per person.
 * Four children per node: half the depth of a binary heap, and siblings share a cache line, which matters
 * when a million people do not fit in cache. Ties are broken by id, so the order is reproducible.
 */
public final class IndexedMinHeap {
    private static final int ARITY = 4;
    private final int[] ids;
    private final double[] times;
    private final int[] position; // id -> heap index, -1 when absent
    private int size;

    public IndexedMinHeap(int capacity) {
        ids = new int[capacity];
        times = new double[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(int id) {
        return position[id] >= 0;
    }

    public int minId() {
        return ids[0];
    }

    public double minTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    /** Inserts id or moves it to a new time. */
    public void set(int id, double time) {
        int i = position[id];
        if (i < 0) {
            i = size++;
            ids[i] = id;
            times[i] = time;
            position[id] = i;
            siftUp(i);
        } else {
            double old = times[i];
            times[i] = time;
            if (time < old) {
                siftUp(i);
            } else {
                siftDown(i);
            }
        }
    }

    public void remove(int id) {
        int i = position[id];
        if (i < 0) {
            return;
        }
        position[id] = -1;
        size--;
        if (i != size) {
            ids[i] = ids[size];
            times[i] = times[size];
            position[ids[i]] = i;
            siftDown(i);
            siftUp(i);
        }
    }

    private boolean less(double t1, int id1, double t2, int id2) {
        return t1 < t2 || (t1 == t2 && id1 < id2);
    }

    private void siftUp(int i) {
        int id = ids[i];
        double t = times[i];
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!less(t, id, times[parent], ids[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        place(i, id, t);
    }

    private void siftDown(int i) {
        int id = ids[i];
        double t = times[i];
        while (true) {
            int first = ARITY * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int last = Math.min(first + ARITY, size);
            for (int c = first + 1; c < last; c++) {
                if (less(times[c], ids[c], times[best], ids[best])) {
                    best = c;
                }
            }
            if (!less(times[best], ids[best], t, id)) {
                break;
            }
            move(best, i);
            i = best;
        }
        place(i, id, t);
    }

    private void move(int from, int to) {
        ids[to] = ids[from];
        times[to] = times[from];
        position[ids[to]] = to;
    }

    private void place(int i, int id, double t) {
        ids[i] = id;
        times[i] = t;
        position[id] = i;
    }
}
