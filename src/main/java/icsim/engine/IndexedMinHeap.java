package icsim.engine;

import java.util.Arrays;

/**
 * Min-heap of (id, time) over primitive arrays, with each id's position stored so its time can be changed or
 * removed in O(log n). Holds every person's next health-event time without allocating an event per person.
 * Ties are broken by id, so the order is reproducible.
 */
public final class IndexedMinHeap {
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

    private boolean less(int i, int j) {
        return times[i] < times[j] || (times[i] == times[j] && ids[i] < ids[j]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int i, int j) {
        int a = ids[i];
        ids[i] = ids[j];
        ids[j] = a;
        double t = times[i];
        times[i] = times[j];
        times[j] = t;
        position[ids[i]] = i;
        position[ids[j]] = j;
    }
}
