package icsim.engine;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/**
 * SSJ event list on an array binary heap: O(log n) insert, remove-first and cancel. Ties are broken by
 * (time, priority, insertion order) so runs are reproducible. Each event stores its heap position in SSJ's
 * spare {@code ra} field, which makes cancellation O(log n). Measured ~2x faster than SSJ's default
 * SplayTree on this project's load (see the bench command).
 */
public final class BinaryHeapEventList implements EventList {
    private Event[] heap = new Event[1024];
    private long[] order = new long[1024];
    private int size;
    private long insertions;

    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].setRa(-1);
            heap[i] = null;
        }
        size = 0;
    }

    @Override
    public void add(Event ev) {
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
            order = java.util.Arrays.copyOf(order, size * 2);
        }
        heap[size] = ev;
        order[size] = insertions++;
        ev.setRa(size);
        siftUp(size++);
    }

    @Override
    public void addFirst(Event ev) {
        throw new UnsupportedOperationException("schedule events by time");
    }

    @Override
    public void addBefore(Event ev, Event other) {
        throw new UnsupportedOperationException("schedule events by time");
    }

    @Override
    public void addAfter(Event ev, Event other) {
        throw new UnsupportedOperationException("schedule events by time");
    }

    @Override
    public Event getFirst() {
        return size == 0 ? null : heap[0];
    }

    @Override
    public Event getFirstOfClass(String cl) {
        Event first = null;
        for (int i = 0; i < size; i++) {
            if (heap[i].getClass().getSimpleName().equals(cl) && (first == null || compareEvents(heap[i], first) < 0)) {
                first = heap[i];
            }
        }
        return first;
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        Event first = null;
        for (int i = 0; i < size; i++) {
            if (heap[i].getClass() == cl && (first == null || compareEvents(heap[i], first) < 0)) {
                first = heap[i];
            }
        }
        return first == null ? null : cl.cast(first);
    }

    @Override
    public Iterator<Event> iterator() {
        return snapshot().iterator();
    }

    @Override
    public ListIterator<Event> listIterator() {
        return snapshot().listIterator();
    }

    private List<Event> snapshot() {
        List<Event> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(heap[i]);
        }
        copy.sort(this::compareEvents);
        return copy;
    }

    private int compareEvents(Event a, Event b) {
        int c = a.compareTo(b);
        return c != 0 ? c : Long.compare(order[a.getRa()], order[b.getRa()]);
    }

    @Override
    public boolean remove(Event ev) {
        int i = ev.getRa();
        if (i < 0 || i >= size || heap[i] != ev) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public Event removeFirst() {
        if (size == 0) {
            return null;
        }
        Event first = heap[0];
        removeAt(0);
        return first;
    }

    private void removeAt(int i) {
        Event removed = heap[i];
        size--;
        if (i != size) {
            heap[i] = heap[size];
            order[i] = order[size];
            heap[i].setRa(i);
            heap[size] = null;
            siftDown(i);
            siftUp(i);
        } else {
            heap[size] = null;
        }
        removed.setRa(-1);
    }

    private boolean less(int i, int j) {
        Event a = heap[i];
        Event b = heap[j];
        double ta = a.time();
        double tb = b.time();
        if (ta != tb) {
            return ta < tb;
        }
        double pa = a.priority();
        double pb = b.priority();
        if (pa != pb) {
            return pa < pb;
        }
        return order[i] < order[j];
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
        Event e = heap[i];
        heap[i] = heap[j];
        heap[j] = e;
        long o = order[i];
        order[i] = order[j];
        order[j] = o;
        heap[i].setRa(i);
        heap[j].setRa(j);
    }
}
