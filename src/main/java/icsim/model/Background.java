package icsim.model;

import icsim.engine.CapacityService;
import icsim.engine.Periods;
import icsim.scenario.Scenario;
import umontreal.ssj.simevents.Event;

/**
 * The rest of a shared pool's catchment (MODEL.md §8.4): anonymous occupants of acute beds and care homes, who
 * arrive as Poisson streams (acute admissions with the crises' seasonal cycle, by thinning) and stay a lognormal
 * (acute) or exponential (care home) time. Their draws come from
 * their own keyed streams, so the population's random numbers are the same with or without them. They queue first
 * come, first served in the same lists as the population; their days count in the services' occupancy and in no
 * metric or cost of the population.
 */
final class Background {
    static final int ACUTE = 0;
    static final int CARE_HOME = 1;

    private final CareSystem sys;
    private final CapacityService[] service;
    /** Arrivals per day, by stream. */
    private final double[] perDay = new double[2];
    private final double acuteMu;
    private final double acuteSigma;
    private final double careHomeMean;
    private final boolean diverts;
    /** Seasonal amplitude of acute arrivals, as of the population's crises (MODEL.md §2). */
    private final double season;
    /** Admissions so far, by stream: admission i (first come, first served) draws stay i. */
    private final long[] admitted = new long[2];
    /** Share of the pool's catchment that is the population: N / P, 1 without a pool. */
    final double populationShare;
    /** Arrivals by stream and period (for tests and diagnostics). */
    final double[][] arrivals;
    /** Arrivals turned away when no acute bed was free (when_no_bed: divert), by period. */
    final double[] diverted;

    Background(CareSystem sys) {
        this.sys = sys;
        this.service = new CapacityService[]{sys.acuteBeds, sys.careHomes};
        Scenario sc = sys.scenario;
        Scenario.SharedPool pool = sc.services().sharedPool();
        int n = sc.population().size();
        int catchment = pool.catchment(n);
        this.populationShare = (double) n / catchment;
        double others = catchment - n;
        perDay[ACUTE] = others * pool.acuteAdmissionsPer1000() / 1000 / Periods.YEAR;
        perDay[CARE_HOME] = others * pool.careHomeAdmissionsPer1000() / 1000 / Periods.YEAR;
        double cv = pool.acuteStayCv();
        double sigma2 = Math.log(1 + cv * cv);
        this.acuteSigma = Math.sqrt(sigma2);
        this.acuteMu = Math.log(Math.max(1e-9, pool.acuteMeanStayDays())) - sigma2 / 2;
        this.careHomeMean = pool.careHomeMeanStayDays();
        this.diverts = "divert".equals(sc.ae().whenNoBed());
        this.season = sc.seasonality().amplitude();
        this.arrivals = new double[2][sys.periods.count()];
        this.diverted = new double[sys.periods.count()];
    }

    private static long key(int stream) {
        return Purpose.BACKGROUND_KEY - stream;
    }

    /** Schedules the first arrival of each stream (none without a pool). */
    void start() {
        for (int stream = 0; stream < 2; stream++) {
            scheduleArrival(stream, 0, 0);
        }
    }

    /** Candidates come at the peak rate; thinning keeps those the season allows (acute only). */
    private double peak(int stream) {
        return stream == ACUTE ? 1 + season : 1;
    }

    private void scheduleArrival(int stream, long index, double from) {
        if (perDay[stream] <= 0) {
            return;
        }
        double gap = sys.random.exponential(key(stream), Purpose.ARRIVAL_GAP, index) / (perDay[stream] * peak(stream));
        if (from + gap < sys.periods.endDay()) {
            new Arrival(stream, index).schedule(from + gap - sys.sim.time());
        }
    }

    /**
     * At day 0, after the population has taken its share of the initial occupancy: the background takes the rest,
     * with the time each has still to stay (a census finds long stays more often: length-biased).
     */
    void fill(int stream, double occupancy) {
        if (perDay[stream] <= 0) {
            return;
        }
        CapacityService s = service[stream];
        int target = (int) Math.round(occupancy * s.capacity()) - (int) Math.round(occupancy * populationShare * s.capacity());
        for (int i = 0; i < target && s.hasFreePlace(); i++) {
            long index = -1 - i;
            double left;
            if (stream == ACUTE) {
                // length-biased lognormal: mu + sigma^2; a uniform share of it is still to come
                double whole = Math.exp(acuteMu + acuteSigma * acuteSigma
                        + acuteSigma * CareSystem.normalQuantile(sys.random.uniform(key(stream), Purpose.BACKGROUND_STAY, index)));
                left = whole * sys.random.uniform(key(stream), Purpose.BACKGROUND_ELAPSED, index);
            } else {
                left = careHomeMean * sys.random.exponential(key(stream), Purpose.BACKGROUND_STAY, index); // memoryless
            }
            s.occupyAnonymous(0);
            new Departure(stream, Double.NaN).schedule(left);
        }
    }

    /** Relative arrival rate at t: the crises' seasonal cycle for acute admissions, flat for care homes. */
    private double seasonal(int stream, double t) {
        if (stream != ACUTE) {
            return 1;
        }
        Scenario.Seasonality s = sys.scenario.seasonality();
        return 1 + s.amplitude() * Math.cos(2 * Math.PI * ((t % Periods.YEAR) - s.peakDay()) / Periods.YEAR);
    }

    private void arrive(int stream, double t) {
        arrivals[stream][sys.period()]++;
        CapacityService s = service[stream];
        if (s.hasFreePlace() && s.waiting() == 0) {
            admit(s, t);
        } else if (stream == ACUTE && diverts) {
            diverted[sys.period()]++;
        } else {
            s.enqueueAnonymous(t);
        }
    }

    /** An anonymous occupant takes a free place of s (on arrival, or from the head of the list). */
    void admit(CapacityService s, double t) {
        int stream = s == service[ACUTE] ? ACUTE : CARE_HOME;
        long i = admitted[stream]++;
        double u = sys.random.uniform(key(stream), Purpose.BACKGROUND_STAY, i);
        double stay = stream == ACUTE ? Math.exp(acuteMu + acuteSigma * CareSystem.normalQuantile(u)) : careHomeMean * -Math.log(u);
        s.occupyAnonymous(t);
        new Departure(stream, t).schedule(stay);
    }

    private final class Arrival extends Event {
        final int stream;
        final long index;

        Arrival(int stream, long index) {
            super(sys.sim);
            this.stream = stream;
            this.index = index;
        }

        @Override
        public void actions() {
            double t = sys.sim.time();
            if (sys.random.uniform(key(stream), Purpose.PICK_ACCEPT, index) * peak(stream) < seasonal(stream, t)) {
                arrive(stream, t);
            }
            scheduleArrival(stream, index + 1, t);
        }
    }

    private final class Departure extends Event {
        final int stream;
        final double since;

        Departure(int stream, double since) {
            super(sys.sim);
            this.stream = stream;
            this.since = since;
        }

        @Override
        public void actions() {
            double t = sys.sim.time();
            service[stream].releaseAnonymous(t, since);
            sys.pathway.serveList(service[stream], t);
        }
    }
}
