package icsim.engine;

import org.junit.jupiter.api.Test;
import umontreal.ssj.simevents.Event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationClockSimulatorTest {

    /** What happened: an SSJ event (person = -1 - event id) or a person's health event. */
    record Step(double time, String source, int id) {
    }

    private final List<Step> log = new ArrayList<>();

    /** A handler that walks each person through a fixed list of health-event times. */
    private static final class Schedule implements PopulationClockSimulator.HealthEvents {
        final double[][] times;
        final int[] next;
        IndexedMinHeap heap;
        List<Step> log;
        PopulationClockSimulator sim;

        Schedule(double[][] times) {
            this.times = times;
            this.next = new int[times.length];
        }

        void start() {
            for (int p = 0; p < times.length; p++) {
                if (times[p].length > 0) {
                    heap.set(p, times[p][0]);
                }
            }
        }

        @Override
        public void onHealthEvent(int person, double time) {
            assertEquals(time, sim.time(), "simulator clock must be at the health event time");
            log.add(new Step(time, "person", person));
            int k = ++next[person];
            if (k < times[person].length) {
                heap.set(person, times[person][k]);
            } else {
                heap.remove(person);
            }
        }
    }

    private final class Marker extends Event {
        final int id;

        Marker(PopulationClockSimulator sim, int id) {
            super(sim);
            this.id = id;
        }

        @Override
        public void actions() {
            log.add(new Step(sim.time(), "event", id));
        }
    }

    private PopulationClockSimulator build(Schedule schedule, int people) {
        IndexedMinHeap heap = new IndexedMinHeap(people);
        PopulationClockSimulator sim = new PopulationClockSimulator(heap, schedule);
        sim.init();
        schedule.heap = heap;
        schedule.log = log;
        schedule.sim = sim;
        schedule.start();
        return sim;
    }

    @Test
    void interleavesHeapAndEventsInTimeOrderWithTiesToEvents() {
        Schedule schedule = new Schedule(new double[][] {
                {1, 4, 10},     // person 0
                {2, 4, 7, 12},  // person 1: ties with person 0 at 4 and with an event at 7
                {3},            // person 2
        });
        PopulationClockSimulator sim = build(schedule, 3);
        double[] eventTimes = {0.5, 2, 5, 7, 11};
        for (int i = 0; i < eventTimes.length; i++) {
            new Marker(sim, i).schedule(eventTimes[i]);
        }
        sim.start();

        List<Step> expected = List.of(
                new Step(0.5, "event", 0),
                new Step(1, "person", 0),
                new Step(2, "event", 1),   // tie with person 1 at 2: event first
                new Step(2, "person", 1),
                new Step(3, "person", 2),
                new Step(4, "person", 0),  // tie between people: smaller id first
                new Step(4, "person", 1),
                new Step(5, "event", 2),
                new Step(7, "event", 3),   // tie with person 1 at 7: event first
                new Step(7, "person", 1),
                new Step(10, "person", 0),
                new Step(11, "event", 4),
                new Step(12, "person", 1));
        assertEquals(expected, log);
        assertEquals(13, sim.events());
        assertEquals(8, sim.healthEvents());
        assertEquals(12.0, sim.time());
        assertFalse(sim.isSimulating());
    }

    @Test
    void randomScheduleMatchesMergedReference() {
        Random rnd = new Random(9);
        int people = 20;
        double[][] times = new double[people][];
        List<Step> expected = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            int n = rnd.nextInt(30);
            times[p] = new double[n];
            double t = 0;
            for (int k = 0; k < n; k++) {
                t += rnd.nextInt(20); // integer gaps (some zero) create many ties
                times[p][k] = t;
                expected.add(new Step(t, "person", p));
            }
        }
        Schedule schedule = new Schedule(times);
        PopulationClockSimulator sim = build(schedule, people);
        for (int i = 0; i < 100; i++) {
            double t = rnd.nextInt(300);
            new Marker(sim, i).schedule(t);
            expected.add(new Step(t, "event", i));
        }
        // events before people at equal times; events among themselves by insertion (= id); people by id
        expected.sort(Comparator.comparingDouble(Step::time)
                .thenComparing(s -> s.source().equals("event") ? 0 : 1)
                .thenComparingInt(Step::id));
        sim.start();
        assertEquals(expected, log);
        assertEquals(expected.size(), sim.events());
        assertEquals(expected.stream().filter(s -> s.source().equals("person")).count(), sim.healthEvents());
    }

    @Test
    void eventScheduledFromHealthHandlerAtSameTimeRunsBeforeNextTiedHealthEvent() {
        IndexedMinHeap heap = new IndexedMinHeap(2);
        PopulationClockSimulator[] holder = new PopulationClockSimulator[1];
        PopulationClockSimulator sim = new PopulationClockSimulator(heap, (person, time) -> {
            log.add(new Step(time, "person", person));
            heap.remove(person);
            if (person == 0) {
                new Marker(holder[0], 42).schedule(0); // now, i.e. at time 5
            }
        });
        holder[0] = sim;
        sim.init();
        heap.set(0, 5);
        heap.set(1, 5);
        sim.start();
        assertEquals(List.of(new Step(5, "person", 0), new Step(5, "event", 42), new Step(5, "person", 1)), log);
    }

    @Test
    void stopFromAnEventEndsTheRun() {
        Schedule schedule = new Schedule(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}});
        PopulationClockSimulator sim = build(schedule, 1);
        new Event(sim) {
            @Override
            public void actions() {
                log.add(new Step(sim.time(), "event", 0));
                sim.stop();
            }
        }.schedule(4.5);
        new Marker(sim, 1).schedule(8);
        sim.start();
        assertEquals(List.of(
                new Step(1, "person", 0), new Step(2, "person", 0), new Step(3, "person", 0),
                new Step(4, "person", 0), new Step(4.5, "event", 0)), log);
        assertEquals(4.5, sim.time());
        assertEquals(5, sim.events());
        assertTrue(sim.isStopped());
        assertFalse(sim.isSimulating());
        assertEquals(5.0, schedule.heap.minTime(), "the population clock is left where it was");
    }

    @Test
    void stopFromAHealthEventEndsTheRun() {
        IndexedMinHeap heap = new IndexedMinHeap(3);
        PopulationClockSimulator[] holder = new PopulationClockSimulator[1];
        PopulationClockSimulator sim = new PopulationClockSimulator(heap, (person, time) -> {
            log.add(new Step(time, "person", person));
            heap.set(person, time + 10);
            if (time >= 20) {
                holder[0].stop();
            }
        });
        holder[0] = sim;
        sim.init();
        heap.set(0, 0);
        new Marker(sim, 7).schedule(25);
        sim.start();
        assertEquals(List.of(new Step(0, "person", 0), new Step(10, "person", 0), new Step(20, "person", 0)), log);
        assertEquals(3, sim.events());
        assertEquals(20.0, sim.time());
    }

    @Test
    void runsWithOnlyOneSourceAndEndsWhenBothAreEmpty() {
        Schedule onlyPeople = new Schedule(new double[][] {{1, 2}, {1.5}});
        PopulationClockSimulator sim = build(onlyPeople, 2);
        sim.start();
        assertEquals(3, sim.events());
        assertEquals(2.0, sim.time());

        log.clear();
        Schedule nobody = new Schedule(new double[][] {{}});
        PopulationClockSimulator sim2 = build(nobody, 1);
        new Marker(sim2, 0).schedule(3);
        new Marker(sim2, 1).schedule(1);
        sim2.start();
        assertEquals(List.of(new Step(1, "event", 1), new Step(3, "event", 0)), log);
        assertEquals(2, sim2.events());
        assertEquals(0, sim2.healthEvents());

        // nothing at all: returns at once
        PopulationClockSimulator empty = build(new Schedule(new double[][] {{}}), 1);
        empty.start();
        assertEquals(0, empty.events());
    }
}
