package icsim.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryHeapEventListTest {
    private Simulator sim;
    private BinaryHeapEventList list;
    private final List<Fired> fired = new ArrayList<>();

    record Fired(int id, double time) {
    }

    /** Records (id, simulation time) when it fires. */
    class Rec extends Event {
        final int id;
        final double plannedTime;

        Rec(int id, double plannedTime) {
            super(BinaryHeapEventListTest.this.sim);
            this.id = id;
            this.plannedTime = plannedTime;
        }

        @Override
        public void actions() {
            fired.add(new Fired(id, sim.time()));
        }
    }

    static final class Other extends Event {
        Other(Simulator s) {
            super(s);
        }

        @Override
        public void actions() {
        }
    }

    @BeforeEach
    void setUp() {
        sim = new Simulator();
        list = new BinaryHeapEventList();
        sim.init(list);
    }

    private List<Integer> firedIds() {
        return fired.stream().map(Fired::id).toList();
    }

    @Test
    void randomTimesFireInNonDecreasingOrder() {
        Random rnd = new Random(1);
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            // coarse times create many ties
            double t = rnd.nextInt(500) + (rnd.nextBoolean() ? 0 : rnd.nextDouble());
            Rec ev = new Rec(i, t);
            ev.schedule(t);
        }
        assertEquals(n, list.size());
        sim.start();
        assertEquals(n, fired.size());
        for (int i = 1; i < n; i++) {
            assertTrue(fired.get(i).time() >= fired.get(i - 1).time(), "out of order at " + i);
        }
        assertTrue(list.isEmpty());
        assertNull(list.getFirst());
        assertNull(list.removeFirst());
    }

    @Test
    void firedTimeEqualsScheduledTime() {
        Random rnd = new Random(2);
        List<Rec> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Rec ev = new Rec(i, rnd.nextDouble() * 100);
            ev.schedule(ev.plannedTime);
            events.add(ev);
        }
        sim.start();
        for (Fired f : fired) {
            assertEquals(events.get(f.id()).plannedTime, f.time());
        }
    }

    @Test
    void equalTimeAndPriorityFireInInsertionOrder() {
        // interleave three time values so heap positions get shuffled
        for (int i = 0; i < 300; i++) {
            double t = 10 * (i % 3);
            new Rec(i, t).schedule(t);
        }
        sim.start();
        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int i = r; i < 300; i += 3) {
                expected.add(i);
            }
        }
        assertEquals(expected, firedIds());
    }

    @Test
    void eventScheduledDuringRunAtCurrentTimeFiresAfterPendingEventsAtThatTime() {
        Event spawner = new Event(sim) {
            @Override
            public void actions() {
                fired.add(new Fired(0, sim.time()));
                new Rec(99, 0).schedule(0); // same time as id 1, 2 below, inserted later
            }
        };
        spawner.schedule(5);
        new Rec(1, 5).schedule(5);
        new Rec(2, 5).schedule(5);
        new Rec(3, 6).schedule(6);
        sim.start();
        assertEquals(List.of(0, 1, 2, 99, 3), firedIds());
        assertEquals(5.0, fired.get(3).time());
    }

    @Test
    void lowerPriorityValueFiresFirstAtEqualTimes() {
        Rec late = new Rec(1, 5);
        late.setPriority(2);
        Rec normal = new Rec(2, 5);          // default priority 1
        Rec early = new Rec(3, 5);
        early.setPriority(0.5);
        Rec earlierTime = new Rec(4, 4);
        earlierTime.setPriority(100);     // time dominates priority
        late.schedule(5);
        normal.schedule(5);
        early.schedule(5);
        earlierTime.schedule(4);
        // check the convention we rely on is SSJ's own
        assertTrue(early.compareTo(normal) < 0);
        assertTrue(normal.compareTo(late) < 0);
        sim.start();
        assertEquals(List.of(4, 3, 2, 1), firedIds());
    }

    @Test
    void cancelRemovesTheEvent() {
        List<Rec> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Rec ev = new Rec(i, i);
            ev.schedule(i);
            events.add(ev);
        }
        // cancel the root, a leaf and some in the middle
        List<Integer> cancelled = List.of(0, 99, 50, 13, 14, 77);
        for (int id : cancelled) {
            assertTrue(events.get(id).cancel(), "cancel " + id);
        }
        assertEquals(100 - cancelled.size(), list.size());
        assertFalse(events.get(50).cancel(), "second cancel must report nothing removed");
        assertFalse(list.remove(events.get(13)));
        sim.start();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (!cancelled.contains(i)) {
                expected.add(i);
            }
        }
        assertEquals(expected, firedIds());
    }

    @Test
    void removeOfUnscheduledOrFiredEventReturnsFalse() {
        Rec never = new Rec(1, 0);
        assertFalse(list.remove(never), "never scheduled, empty list");
        Rec a = new Rec(2, 3);
        a.schedule(3);
        assertFalse(list.remove(never), "never scheduled, non-empty list (SSJ initialises ra to 0)");
        assertEquals(1, list.size());
        Rec b = new Rec(3, 4);
        b.schedule(4);
        assertSame(a, list.removeFirst());
        assertFalse(list.remove(a), "already removed");
        assertEquals(1, list.size());
        assertTrue(list.remove(b));
        assertTrue(list.isEmpty());
    }

    @Test
    void eventCanBeRescheduledAfterCancel() {
        Rec a = new Rec(1, 0);
        a.schedule(10);
        new Rec(2, 5).schedule(5);
        assertTrue(a.cancel());
        a.schedule(1);
        sim.start();
        assertEquals(List.of(1, 2), firedIds());
        assertEquals(1.0, fired.get(0).time());
    }

    @Test
    void rescheduleMovesTheEvent() {
        Rec a = new Rec(1, 0);
        Rec b = new Rec(2, 0);
        a.schedule(1);
        b.schedule(2);
        a.reschedule(3);
        assertEquals(2, list.size());
        sim.start();
        assertEquals(List.of(2, 1), firedIds());
        assertEquals(3.0, fired.get(1).time());
    }

    @Test
    void iteratorListsEventsInFiringOrder() {
        Random rnd = new Random(3);
        for (int i = 0; i < 200; i++) {
            new Rec(i, 0).schedule(rnd.nextInt(20));
        }
        List<Event> seen = new ArrayList<>();
        Iterator<Event> it = list.iterator();
        while (it.hasNext()) {
            seen.add(it.next());
        }
        assertEquals(200, seen.size());
        assertEquals(200, list.size(), "iteration must not consume");
        for (Event e : seen) {
            assertSame(e, list.removeFirst());
        }
    }

    @Test
    void clearEmptiesTheList() {
        Rec a = new Rec(1, 0);
        a.schedule(1);
        new Rec(2, 0).schedule(2);
        sim.init(); // clears the list
        assertTrue(list.isEmpty());
        assertEquals(0, list.size());
        assertFalse(list.remove(a));
        Rec c = new Rec(3, 0);
        c.schedule(7);
        assertSame(c, list.getFirst());
    }

    @Test
    void growsBeyondInitialCapacity() {
        int n = 5_000; // initial array is 1024
        for (int i = n - 1; i >= 0; i--) {
            new Rec(i, i).schedule(i);
        }
        assertEquals(n, list.size());
        sim.start();
        for (int i = 0; i < n; i++) {
            assertEquals(i, fired.get(i).id());
        }
    }

    @Test
    void getFirstOfClassFindsAnEventOfThatClass() {
        new Rec(1, 0).schedule(1);
        Other o = new Other(sim);
        o.schedule(2);
        assertSame(o, list.getFirstOfClass(Other.class));
        assertSame(o, list.getFirstOfClass("Other"));
        assertNull(list.getFirstOfClass(BinaryHeapEventListTest.Fired.class.getSimpleName()));
    }

    /** SSJ's EventList contract: getFirstOfClass returns the first (earliest) event of the class in the list. */
    @Test
    void getFirstOfClassReturnsTheEarliestEventOfThatClass() {
        new Rec(1, 0).schedule(1);
        Other later = new Other(sim);
        later.schedule(5);
        Other earlier = new Other(sim);
        earlier.schedule(2); // heap array is now [1, 5, 2]
        assertSame(earlier, list.getFirstOfClass(Other.class));
        assertSame(earlier, list.getFirstOfClass("Other"));
    }

    /** Reference entry: (time, priority, insertion sequence). */
    record Ref(double time, double priority, long seq, Rec event) {
    }

    @Test
    void randomOperationsMatchReferenceQueue() {
        Random rnd = new Random(12345);
        Comparator<Ref> byOrder = Comparator.comparingDouble(Ref::time)
                .thenComparingDouble(Ref::priority)
                .thenComparingLong(Ref::seq);
        TreeSet<Ref> reference = new TreeSet<>(byOrder);
        List<Ref> pending = new ArrayList<>();
        long seq = 0;
        double now = 0;
        int popped = 0;
        for (int op = 0; op < 10_000; op++) {
            int kind = rnd.nextInt(10);
            if (kind < 5 || pending.isEmpty()) {
                // schedule at a coarse future time with one of three priorities
                double time = now + rnd.nextInt(30);
                double priority = rnd.nextInt(3);
                Rec ev = new Rec((int) seq, time);
                ev.setPriority(priority);
                ev.setTime(time);
                list.add(ev);
                Ref r = new Ref(time, priority, seq++, ev);
                reference.add(r);
                pending.add(r);
            } else if (kind < 7) {
                // cancel a random pending event
                Ref r = pending.remove(rnd.nextInt(pending.size()));
                assertTrue(reference.remove(r));
                assertTrue(list.remove(r.event()));
                assertFalse(list.remove(r.event()));
            } else {
                // fire the first event
                Ref expected = reference.pollFirst();
                assertSame(expected.event(), list.getFirst(), "getFirst at op " + op);
                assertSame(expected.event(), list.removeFirst(), "removeFirst at op " + op);
                pending.remove(expected);
                now = expected.time();
                popped++;
            }
            assertEquals(reference.size(), list.size());
        }
        assertTrue(popped > 1_000);
        // drain
        while (!reference.isEmpty()) {
            assertSame(reference.pollFirst().event(), list.removeFirst());
        }
        assertTrue(list.isEmpty());
    }

    @Test
    void randomScheduleAndCancelThroughSimulatorMatchReference() {
        Random rnd = new Random(777);
        Comparator<Ref> byOrder = Comparator.comparingDouble(Ref::time).thenComparingLong(Ref::seq);
        TreeSet<Ref> reference = new TreeSet<>(byOrder);
        List<Ref> pending = new ArrayList<>();
        long seq = 0;
        for (int op = 0; op < 10_000; op++) {
            if (pending.isEmpty() || rnd.nextInt(4) != 0) {
                double time = rnd.nextInt(2_000);
                Rec ev = new Rec((int) seq, time);
                ev.schedule(time);
                Ref r = new Ref(time, 1, seq++, ev);
                reference.add(r);
                pending.add(r);
            } else {
                Ref r = pending.remove(rnd.nextInt(pending.size()));
                reference.remove(r);
                assertTrue(r.event().cancel());
            }
        }
        List<Integer> expected = reference.stream().map(r -> r.event().id).toList();
        sim.start();
        assertEquals(expected, firedIds());
        List<Double> expectedTimes = reference.stream().map(Ref::time).toList();
        assertEquals(expectedTimes, fired.stream().map(Fired::time).toList());
    }
}
