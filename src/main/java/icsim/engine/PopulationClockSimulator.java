package icsim.engine;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * An SSJ {@link Simulator} whose event list is joined by a population clock: a primitive heap holding
 * every person's next health-event time. The run loop takes whichever comes first, so the population's
 * frequent health events cost one heap update each and never allocate or pass through the event list
 * (DESIGN.md "Engine facts"). Ties go to the event list, so the order is reproducible.
 */
public final class PopulationClockSimulator extends Simulator {
    /** Handles the health event of one person at the current time. */
    @FunctionalInterface
    public interface HealthEvents {
        void onHealthEvent(int person, double time);
    }

    private final IndexedMinHeap clock;
    private final HealthEvents handler;
    private long healthEvents;
    private long listEvents;

    public PopulationClockSimulator(IndexedMinHeap clock, HealthEvents handler) {
        super(new BinaryHeapEventList());
        this.clock = clock;
        this.handler = handler;
    }

    @Override
    public void start() {
        stopped = false;
        simulating = true;
        try {
            while (!stopped) {
                Event first = eventList.getFirst();
                double health = clock.minTime();
                if (first != null && first.time() <= health) {
                    Event ev = removeFirstEvent();
                    listEvents++;
                    ev.actions();
                } else if (health < Double.POSITIVE_INFINITY) {
                    currentTime = health;
                    healthEvents++;
                    handler.onHealthEvent(clock.minId(), health);
                } else {
                    break;
                }
            }
        } finally {
            stopped = true;
            simulating = false;
        }
    }

    public long events() {
        return healthEvents + listEvents;
    }

    public long healthEvents() {
        return healthEvents;
    }
}
