package icsim.engine;

/**
 * A service with a fixed number of places and a FIFO waiting list (beds, packages, care-home places).
 * Keeps time-weighted occupancy and list length per period, the waits of everyone served from the list, and
 * how long each holder kept their place (for Little's law and mean stays). Who is served next, and whether a
 * listed person is still waiting, is the caller's business.
 */
public final class CapacityService {
    private final String name;
    private int capacity;
    private final TimeWeighted capacityOverTime;
    private final WaitingList list = new WaitingList();
    private final TimeWeighted occupancy;
    private final TimeWeighted waiting;
    private final double[] starts;
    private final double[] waitDaysServed;
    private final double[] servedFromList;
    /** When each person took their place (NaN: unknown, e.g. already there at day 0). */
    private final float[] since;
    private final double[] stayDays;
    private final double[] staysEnded;
    private final Periods periods;
    private int inUse;
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
        this.stayDays = new double[periods.count()];
        this.staysEnded = new double[periods.count()];
    }

    public String name() {
        return name;
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
        since[person] = (float) t;
        inUse++;
        occupancy.set(t, inUse);
        starts[periods.of(t)]++;
    }

    /** person gives their place up at t. */
    public void release(double t, int person) {
        if (inUse <= 0) {
            throw new IllegalStateException(name + ": release without occupant");
        }
        if (!Float.isNaN(since[person])) {
            int p = periods.of(t);
            stayDays[p] += t - since[person];
            staysEnded[p]++;
        }
        inUse--;
        occupancy.set(t, inUse);
    }

    public void enqueue(double t, int person, int ticket) {
        list.add(person, ticket);
        waiting.set(t, list.size());
    }

    /** A listed person left without being served (died, need changed). */
    public void leftList(double t) {
        list.leftWithoutService();
        waiting.set(t, list.size());
    }

    /** Removes the first live person from the list (or -1) and records how long they waited. */
    public int pollWaiting(double t, WaitingList.Liveness liveness, double[] listedSince) {
        int person = list.pollLive(liveness);
        waiting.set(t, list.size());
        if (person >= 0) {
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

    public double occupancyIntegral(double t, int period) {
        return occupancy.integral(t, period);
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
