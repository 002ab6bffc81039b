package icsim.engine;

/**
 * A service with a fixed number of places and a FIFO waiting list (beds, packages, care-home places).
 * Keeps time-weighted occupancy and list length per period, the waits of everyone served from the list, and
 * how long each holder kept their place (for Little's law and mean stays). Who is served next, and whether a
 * listed person is still waiting, is the caller's business.
 *
 * <p>Places may also be held by anonymous occupants from outside the population (a shared pool's background,
 * MODEL.md §8.4). They count in occupancy and queue in the same list, but their stays and waits are kept apart
 * from the people's.
 */
public final class CapacityService {
    private final String name;
    private int capacity;
    private final TimeWeighted capacityOverTime;
    private final WaitingList list = new WaitingList();
    /** Places held by people of the population; the anonymous occupants' are kept in anonymousOccupancy. */
    private final TimeWeighted occupancy;
    private final TimeWeighted waiting;
    private final double[] starts;
    private final double[] waitDaysServed;
    private final double[] servedFromList;
    /** When each person took their place (NaN: unknown, e.g. already there at day 0; NOT_HELD: holds none). */
    private final float[] since;
    private static final float NOT_HELD = Float.NEGATIVE_INFINITY;
    private final double[] stayDays;
    private final double[] staysEnded;
    private final Periods periods;
    private int inUse;
    private HoldingListener listener;
    /** What {@link #pollWaiting} returns when an anonymous occupant is next. */
    public static final int ANONYMOUS = -2;
    private int anonymousInUse;
    private final TimeWeighted anonymousOccupancy;
    private final java.util.ArrayDeque<Double> anonymousListed = new java.util.ArrayDeque<>();
    private final double[] anonymousStayDays;
    private final double[] anonymousStaysEnded;
    private final double[] anonymousStarts;
    private final double[] anonymousWaitDays;
    private final double[] anonymousServed;
    /** When the last person served from the list had joined it, and how often someone overtook (must stay 0). */
    private double lastServedListedAt = Double.NEGATIVE_INFINITY;
    private long overtakes;

    /** @param people population slots: who can hold a place */
    public CapacityService(String name, int capacity, Periods periods, int people) {
        this.name = name;
        this.capacity = capacity;
        this.periods = periods;
        this.occupancy = new TimeWeighted(periods);
        this.waiting = new TimeWeighted(periods);
        this.capacityOverTime = new TimeWeighted(periods);
        capacityOverTime.set(0, capacity);
        this.starts = new double[periods.count()];
        this.waitDaysServed = new double[periods.count()];
        this.servedFromList = new double[periods.count()];
        this.since = new float[people];
        java.util.Arrays.fill(since, NOT_HELD);
        this.stayDays = new double[periods.count()];
        this.staysEnded = new double[periods.count()];
        this.anonymousOccupancy = new TimeWeighted(periods);
        this.anonymousStayDays = new double[periods.count()];
        this.anonymousStaysEnded = new double[periods.count()];
        this.anonymousStarts = new double[periods.count()];
        this.anonymousWaitDays = new double[periods.count()];
        this.anonymousServed = new double[periods.count()];
    }

    public String name() {
        return name;
    }

    /** Told when a person takes (taken = true) or gives up a place, before the count changes. */
    @FunctionalInterface
    public interface HoldingListener {
        void changed(int person, double t, boolean taken);
    }

    /** Sets the one listener to holdings (e.g. to cost each holder's days); null for none. */
    public void onHolding(HoldingListener l) {
        listener = l;
    }

    /** Whether person holds a place now. */
    public boolean holds(int person) {
        return since[person] != NOT_HELD;
    }

    /** Calls action with every person who holds a place now, in slot order. */
    public void forEachHolder(java.util.function.IntConsumer action) {
        for (int p = 0; p < since.length; p++) {
            if (since[p] != NOT_HELD) {
                action.accept(p);
            }
        }
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Changes the number of places from t on. Places above a lower capacity stay in use until released; the
     * caller serves the waiting list after a rise.
     */
    public void setCapacity(double t, int places) {
        if (places < 0) {
            throw new IllegalArgumentException(name + ": capacity " + places + " < 0");
        }
        capacity = places;
        capacityOverTime.set(t, places);
    }

    /** Place-days available in a period up to t (capacity x days when it never changed). */
    public double capacityIntegral(double t, int period) {
        return capacityOverTime.integral(t, period);
    }

    public int inUse() {
        return inUse;
    }

    public boolean hasFreePlace() {
        return inUse < capacity;
    }

    /** Number of live entries on the waiting list. */
    public int waiting() {
        return list.size();
    }

    /** person takes a free place at t. */
    public void occupy(double t, int person) {
        if (inUse >= capacity) {
            throw new IllegalStateException(name + ": no free place");
        }
        if (since[person] != NOT_HELD) {
            throw new IllegalStateException(name + ": person " + person + " already holds a place");
        }
        if (listener != null) {
            listener.changed(person, t, true);
        }
        since[person] = (float) t;
        inUse++;
        occupancy.set(t, inUse - anonymousInUse);
        starts[periods.of(t)]++;
    }

    /** person gives their place up at t. */
    public void release(double t, int person) {
        if (inUse <= 0) {
            throw new IllegalStateException(name + ": release without occupant");
        }
        if (since[person] == NOT_HELD) {
            throw new IllegalStateException(name + ": person " + person + " holds no place");
        }
        if (listener != null) {
            listener.changed(person, t, false);
        }
        if (!Float.isNaN(since[person])) {
            int p = periods.of(t);
            stayDays[p] += t - since[person];
            staysEnded[p]++;
        }
        since[person] = NOT_HELD;
        inUse--;
        occupancy.set(t, inUse - anonymousInUse);
    }

    public void enqueue(double t, int person, int ticket) {
        list.add(person, ticket);
        waiting.set(t, list.size());
    }

    /** An anonymous occupant takes a free place at t. */
    public void occupyAnonymous(double t) {
        if (inUse >= capacity) {
            throw new IllegalStateException(name + ": no free place");
        }
        inUse++;
        anonymousInUse++;
        anonymousOccupancy.set(t, anonymousInUse);
        anonymousStarts[periods.of(t)]++;
    }

    /** An anonymous occupant who took a place at since (NaN: before the simulation began) leaves at t. */
    public void releaseAnonymous(double t, double since) {
        if (anonymousInUse <= 0) {
            throw new IllegalStateException(name + ": release without anonymous occupant");
        }
        if (!Double.isNaN(since)) {
            int p = periods.of(t);
            anonymousStayDays[p] += t - since;
            anonymousStaysEnded[p]++;
        }
        inUse--;
        anonymousInUse--;
        anonymousOccupancy.set(t, anonymousInUse);
    }

    /** An anonymous occupant joins the list at t (they never leave it unserved). */
    public void enqueueAnonymous(double t) {
        list.add(ANONYMOUS, 0);
        anonymousListed.add(t);
        waiting.set(t, list.size());
    }

    /** A listed person left without being served (died, need changed). */
    public void leftList(double t) {
        list.leftWithoutService();
        waiting.set(t, list.size());
    }

    /**
     * Removes the first live person from the list and records how long they waited; returns -1 if none, or
     * {@link #ANONYMOUS} when an anonymous occupant is next (the caller gives them the place).
     */
    public int pollWaiting(double t, WaitingList.Liveness liveness, double[] listedSince) {
        int person = list.pollLive(liveness);
        waiting.set(t, list.size());
        if (person == ANONYMOUS) {
            double listed = anonymousListed.poll();
            if (listed < lastServedListedAt) {
                overtakes++;
            }
            lastServedListedAt = listed;
            int p = periods.of(t);
            anonymousWaitDays[p] += t - listed;
            anonymousServed[p]++;
        } else if (person >= 0) {
            if (listedSince[person] < lastServedListedAt) {
                overtakes++;
            }
            lastServedListedAt = listedSince[person];
            int p = periods.of(t);
            waitDaysServed[p] += t - listedSince[person];
            servedFromList[p]++;
        }
        return person;
    }

    /** Place-days in use in a period up to t, anonymous occupants included. */
    public double occupancyIntegral(double t, int period) {
        return occupancy.integral(t, period) + anonymousOccupancy.integral(t, period);
    }

    /** Place-days held by people of the population (anonymous occupants left out). */
    public double peopleOccupancyIntegral(double t, int period) {
        return occupancy.integral(t, period);
    }

    public double anonymousOccupancyIntegral(double t, int period) {
        return anonymousOccupancy.integral(t, period);
    }

    public int anonymousInUse() {
        return anonymousInUse;
    }

    /** Days held by the anonymous occupants whose stays ended in the period (stays of unknown start left out). */
    public double anonymousStayDays(int period) {
        return anonymousStayDays[period];
    }

    public double anonymousStaysEnded(int period) {
        return anonymousStaysEnded[period];
    }

    public double anonymousStarts(int period) {
        return anonymousStarts[period];
    }

    public double anonymousWaitDays(int period) {
        return anonymousWaitDays[period];
    }

    public double anonymousServed(int period) {
        return anonymousServed[period];
    }

    public double waitingIntegral(double t, int period) {
        return waiting.integral(t, period);
    }

    /** Times someone was served from the list before a person who had joined it earlier (FIFO: 0). */
    public long overtakes() {
        return overtakes;
    }

    /** person's place was taken before the simulation began: their stay's length is unknown. */
    public void startUnknown(int person) {
        since[person] = Float.NaN;
    }

    /** Total days held by the holders whose stays ended in the period (stays of unknown start left out). */
    public double stayDays(int period) {
        return stayDays[period];
    }

    public double staysEnded(int period) {
        return staysEnded[period];
    }

    public double starts(int period) {
        return starts[period];
    }

    public double waitDaysServed(int period) {
        return waitDaysServed[period];
    }

    public double servedFromList(int period) {
        return servedFromList[period];
    }
}
