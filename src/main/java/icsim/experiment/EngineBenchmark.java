package icsim.experiment;

import icsim.engine.BinaryHeapEventList;
import icsim.engine.IndexedMinHeap;
import icsim.engine.KeyedRandom;
import icsim.engine.PopulationClockSimulator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The same synthetic crisis/bed load run three ways, to measure what the event engine costs (DESIGN.md
 * "Engine facts"): people have Poisson crises; a crisis takes one of a fixed number of beds for an
 * exponential stay, or is lost if none is free. All three give the same counts.
 */
public final class EngineBenchmark {
    public record Result(String engine, double seconds, long events, long admitted) {
    }

    private final int people;
    private final double years;
    private final int beds;
    private final double crisisPerDay;
    private final double meanStay;

    public EngineBenchmark(int people, double years) {
        this.people = people;
        this.years = years;
        this.crisisPerDay = 1.0 / 365;
        this.meanStay = 6;
        // beds at ~90 % of the offered load
        this.beds = (int) Math.max(1, Math.round(people * crisisPerDay * meanStay / 0.9));
    }

    private double gap(KeyedRandom r, int person, long k) {
        return r.exponential(person, 1, k) / crisisPerDay;
    }

    private double stay(KeyedRandom r, int person, long k) {
        return r.exponential(person, 2, k) * meanStay;
    }

    /** The shared part of the two SSJ variants: beds, counts, discharges as SSJ events, and the run's end. */
    private final class Beds {
        final KeyedRandom random = new KeyedRandom(1, 0, 0);
        long events;
        long admitted;
        int free = beds;

        /** A crisis of person p (its k-th): admitted if a bed is free, the discharge an SSJ event. */
        void crisis(Simulator sim, int p, long k) {
            events++;
            if (free > 0) {
                free--;
                admitted++;
                new Event(sim) {
                    @Override
                    public void actions() {
                        events++;
                        free++;
                    }
                }.schedule(stay(random, p, k));
            }
        }

        Result run(Simulator sim, String engine, long start) {
            new Event(sim) {
                @Override
                public void actions() {
                    sim.stop();
                }
            }.schedule(years * 365);
            sim.start();
            return new Result(engine, (System.nanoTime() - start) / 1e9, events, admitted);
        }
    }

    /** icsim's engine: SSJ events for discharges, people's next crises on the population clock (one primitive heap). */
    public Result icsimEngine() {
        long start = System.nanoTime();
        Beds b = new Beds();
        IndexedMinHeap heap = new IndexedMinHeap(people);
        long[] k = new long[people];
        PopulationClockSimulator[] holder = new PopulationClockSimulator[1];
        PopulationClockSimulator sim = new PopulationClockSimulator(heap, (p, t) -> {
            b.crisis(holder[0], p, k[p]);
            k[p]++;
            heap.set(p, t + gap(b.random, p, k[p]));
        });
        holder[0] = sim;
        sim.init(new BinaryHeapEventList());
        for (int p = 0; p < people; p++) {
            heap.set(p, gap(b.random, p, 0));
        }
        return b.run(sim, "icsim engine (SSJ events + population clock)", start);
    }

    /** The naive SSJ way: SplayTree event list and one event object per person. */
    public Result ssjDefault() {
        long start = System.nanoTime();
        Beds b = new Beds();
        Simulator sim = new Simulator();
        sim.init(new SplayTree());
        for (int p = 0; p < people; p++) {
            final int person = p;
            new Event(sim) {
                long k;

                @Override
                public void actions() {
                    b.crisis(sim, person, k);
                    k++;
                    schedule(gap(b.random, person, k));
                }
            }.schedule(gap(b.random, p, 0));
        }
        return b.run(sim, "SSJ default (SplayTree, event per person)", start);
    }

    /** A minimal hand-written loop: one primitive binary heap of (time, person or discharge). */
    public Result handLoop() {
        long start = System.nanoTime();
        KeyedRandom r = new KeyedRandom(1, 0, 0);
        int capacity = people + beds + 16;
        double[] time = new double[capacity];
        int[] payload = new int[capacity];
        int size = 0;
        long[] k = new long[people];
        long events = 0;
        long admitted = 0;
        int free = beds;
        for (int p = 0; p < people; p++) {
            size = push(time, payload, size, gap(r, p, 0), p);
        }
        double end = years * 365;
        while (size > 0 && time[0] < end) {
            double t = time[0];
            int who = payload[0];
            size = pop(time, payload, size);
            events++;
            if (who < 0) {
                free++;
                continue;
            }
            if (free > 0) {
                free--;
                admitted++;
                size = push(time, payload, size, t + stay(r, who, k[who]), -1);
            }
            k[who]++;
            size = push(time, payload, size, t + gap(r, who, k[who]), who);
        }
        return new Result("hand-written primitive heap loop", (System.nanoTime() - start) / 1e9, events, admitted);
    }

    private static int push(double[] time, int[] payload, int size, double t, int who) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (time[parent] <= t) {
                break;
            }
            time[i] = time[parent];
            payload[i] = payload[parent];
            i = parent;
        }
        time[i] = t;
        payload[i] = who;
        return size;
    }

    private static int pop(double[] time, int[] payload, int size) {
        size--;
        double t = time[size];
        int who = payload[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && time[child + 1] < time[child]) {
                child++;
            }
            if (time[child] >= t) {
                break;
            }
            time[i] = time[child];
            payload[i] = payload[child];
            i = child;
        }
        time[i] = t;
        payload[i] = who;
        return size;
    }
}
