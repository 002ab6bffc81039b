package icsim.model;

import icsim.engine.BinaryHeapEventList;
import icsim.engine.PopulationClockSimulator;
import icsim.engine.CapacityService;
import icsim.engine.IndexedMinHeap;
import icsim.engine.KeyedRandom;
import icsim.engine.Periods;
import icsim.engine.TimeWeighted;
import icsim.output.EventRecord;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.Scenario;
import icsim.scenario.Scenario.Group;
import org.apache.commons.math3.special.Erf;
import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.simevents.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * One replication of the whole care system: the population's health processes and the crisis pathway
 * through primary, community, acute and social care (MODEL.md §2-4). Build it, call {@link #run()}, read
 * the result. Day 0 is Monday 1 January of the warm-up year.
 */
public final class CareSystem {
    static final byte WAIT_NONE = 0;
    static final byte WAIT_ACUTE_BED = 1;
    static final byte WAIT_REABLEMENT = 2;
    static final byte WAIT_PACKAGE = 3;
    static final byte WAIT_IC_BED = 4;
    static final byte WAIT_CARE_HOME = 5;
    private static final double NO_TIME = Double.POSITIVE_INFINITY;

    final Scenario scenario;
    final Rates rates;
    final KeyedRandom random;
    final Periods periods;
    final int replication;
    final Population pop;
    final IndexedMinHeap healthHeap;
    final PopulationClockSimulator sim;
    final Ledger ledger;
    final Mechanisms mech;
    /** Who the person-level mechanisms act on (integration.coverage). */
    final Coverage coverage;
    /** Integration mechanisms with their costs, in ledger order (MODEL.md §5 table order). */
    final List<IntegrationProfile.Mechanism> plan;
    /** Ledger positions of the mechanisms whose costs accrue with activity, or follow the people covered. */
    final int d2aMechanism;
    final int followUpMechanism;
    private final int caseManagementMechanism;
    /** Case-finding for case management; null when case management is off. */
    final CaseFinding caseFinding;

    final CapacityService acuteBeds;
    final CapacityService stepUp;
    final CapacityService icBeds;
    final CapacityService reablement;
    final CapacityService homeCare;
    final CapacityService careHomes;
    /** Discharge-to-assess places at home with interim support (MODEL.md §5). */
    final CapacityService d2a;
    final List<CapacityService> services;
    /** The service a pooled budget reinvests in, its capacity before reinvestment, and the places bought. */
    private final CapacityService reinvestTarget;
    private final int reinvestBase;
    final double[] reinvestedPlaces;
    /**
     * Savings the mechanisms made event by event, against the fragmented counterfactual of the same draws:
     * acute bed days taken off the discharge process, admissions averted and their expected stays.
     */
    final double[] savedBedDays;
    final double[] avertedAdmissions;
    final double[] avertedAdmissionDays;

    // tallies[tally][cohort][period]
    final double[][][] tallies = new double[Tally.COUNT][Cohort.COUNT][];
    final double[][] delayedByReason = new double[DelayReason.COUNT][];
    final double[] overnightLos85Sum;
    final double[] overnightLos85Count;
    final double[] aeAttendances65Admitted;
    final TimeWeighted[] alive = new TimeWeighted[Cohort.COUNT];
    final TimeWeighted[] atHome = new TimeWeighted[Cohort.COUNT];
    /** Census of the 65+ age bands at the end of each period (people, by band). */
    final double[][] ageBandCensus;
    /** Cumulative cost since the start of integration at the end of each measured month, [perspective][month]. */
    final double[][] cumulativeCost;
    private double[] costAtIntegrationStart = new double[2];
    /** The last period whose costs are booked in full. */
    private int closedThrough = -1;
    /** People on the case-management caseload over time. */
    final TimeWeighted enrolledOverTime;
    final TimeWeighted[] careHomeByType = new TimeWeighted[4]; // residential LA, residential self, nursing LA, nursing self
    final double[] acuteDaysAbove92;
    final double[] acuteDaysAbove95;
    final double[] acuteDaysFull;
    final double[] daysCounted;
    final double[] top1pctShare;
    final DoubleList measuredLos = new DoubleList();
    final double[][] dailyOccupancy;
    final double[][] dailyWaiting;
    long events;
    /** People in A&E: awaiting the decision to admit, or boarding for a bed. */
    int countInAe;
    /** Patients in acute beds who are medically fit for discharge (a delayed-transfer phase). */
    int medicallyFitInBed;
    private final Group[] groups;

    final Pathway pathway;
    final PopulationSetup setup;
    /** Each person's NHS and local-authority cost by year, for capitation (MODEL.md §8.4). */
    final PersonCosts personCosts;
    /** The rest of a shared pool's catchment in acute beds and care homes (MODEL.md §8.4); idle without a pool. */
    final Background background;
    private final EventSink eventSink;
    private final int eventSampleSize;

    /** Receives person-level events for the event log (only for sampled people). */
    public interface EventSink {
        void accept(EventRecord record);
    }

    public CareSystem(Scenario scenario, Rates rates, int replication, long streamOffset,
                      EventSink eventSink, int eventSampleSize) {
        this.scenario = scenario;
        this.rates = rates;
        this.replication = replication;
        this.random = new KeyedRandom(scenario.run().seed(), replication, streamOffset);
        int years = (int) Math.round(scenario.run().years());
        this.periods = new Periods(scenario.run().warmupYears() * Periods.YEAR, Math.max(1, years));
        this.eventSink = eventSink;
        this.eventSampleSize = eventSampleSize;
        int n = scenario.population().size();
        this.pop = new Population(n);
        this.healthHeap = new IndexedMinHeap(n);
        this.sim = new PopulationClockSimulator(healthHeap, this::onHealthEvent);
        this.plan = IntegrationProfile.mechanisms(scenario);
        Sector[] sectors = new Sector[plan.size()];
        for (int i = 0; i < sectors.length; i++) {
            sectors[i] = Sector.valueOf(plan.get(i).sector().toUpperCase(java.util.Locale.ROOT));
        }
        this.ledger = new Ledger(periods, scenario.costing().discountRate(),
                plan.stream().map(IntegrationProfile.Mechanism::key).toList(), sectors);
        this.coverage = new Coverage(this);
        this.mech = new Mechanisms(scenario, periods, coverage);
        this.d2aMechanism = mechanismIndex("d2a");
        this.followUpMechanism = mechanismIndex("integrated_follow_up");
        this.caseManagementMechanism = mechanismIndex("case_management");
        Scenario.PooledBudget pooled = scenario.integration().pooledBudget();
        if (pooled.enabled()) {
            for (String sector : pooled.sectors()) {
                ledger.pool(Sector.valueOf(sector.toUpperCase(java.util.Locale.ROOT)));
            }
        }
        this.groups = rates.groups;
        Scenario.Services s = scenario.services();
        acuteBeds = new CapacityService("acute_beds", s.acutePlaces(n), periods, n);
        stepUp = new CapacityService("step_up", s.stepUp().places(n), periods, n);
        icBeds = new CapacityService("ic_beds", s.icBeds().capacity().places(n), periods, n);
        reablement = new CapacityService("reablement", s.reablement().capacity().places(n), periods, n);
        homeCare = new CapacityService("home_care", s.homeCare().capacity().places(n), periods, n);
        careHomes = new CapacityService("care_homes", s.careHomePlaces(n), periods, n);
        d2a = new CapacityService("d2a", scenario.integration().d2a().capacity().places(n), periods, n);
        services = List.of(acuteBeds, stepUp, icBeds, reablement, homeCare, careHomes, d2a);
        reinvestTarget = switch (pooled.reinvestInto()) {
            case "reablement" -> reablement;
            case "step_up" -> stepUp;
            case "ic_beds" -> icBeds;
            default -> homeCare;
        };
        reinvestBase = reinvestTarget.capacity();
        int np = periods.count();
        for (int t = 0; t < Tally.COUNT; t++) {
            for (int c = 0; c < Cohort.COUNT; c++) {
                tallies[t][c] = new double[np];
            }
        }
        for (int r = 0; r < DelayReason.COUNT; r++) {
            delayedByReason[r] = new double[np];
        }
        for (int c = 0; c < Cohort.COUNT; c++) {
            alive[c] = new TimeWeighted(periods);
            atHome[c] = new TimeWeighted(periods);
        }
        ageBandCensus = new double[np][4];
        for (int i = 0; i < 4; i++) {
            careHomeByType[i] = new TimeWeighted(periods);
        }
        overnightLos85Sum = new double[np];
        overnightLos85Count = new double[np];
        aeAttendances65Admitted = new double[np];
        acuteDaysAbove92 = new double[np];
        acuteDaysAbove95 = new double[np];
        acuteDaysFull = new double[np];
        daysCounted = new double[np];
        top1pctShare = new double[np];
        reinvestedPlaces = new double[np];
        cumulativeCost = new double[2][periods.measuredYears() * 12];
        savedBedDays = new double[np];
        avertedAdmissions = new double[np];
        avertedAdmissionDays = new double[np];
        enrolledOverTime = new TimeWeighted(periods);
        caseFinding = mech.caseManagement() ? new CaseFinding(this) : null;
        int measuredDays = (int) Math.round(periods.measuredYears() * Periods.YEAR);
        // one row per service, and a last row for the medically fit in acute beds (delayed transfers)
        dailyOccupancy = new double[services.size() + 1][measuredDays];
        dailyWaiting = new double[services.size() + 1][measuredDays];
        pathway = new Pathway(this);
        setup = new PopulationSetup(this);
        personCosts = new PersonCosts(this);
        background = new Background(this);
    }

    // ------------------------------------------------------------------------------------------ run

    /** Runs warm-up and measured years and returns the replication's numbers. */
    public icsim.output.ReplicationResult run() {
        sim.init(new BinaryHeapEventList());
        setup.initialise();
        background.start();
        new DayTick().schedule(0);
        double firstClose = periods.warmupDays() > 0 ? periods.warmupDays() : Periods.YEAR;
        if (firstClose < periods.endDay() - 1e-9) {
            new PeriodEnd().schedule(firstClose);
        }
        for (int stream = 0; stream < 3; stream++) {
            scheduleReferral(stream, 0, 0);
        }
        if (mech.start() < periods.endDay()) {
            new MonthTick(0).schedule(mech.start());
        }
        new EndOfRun().schedule(periods.endDay());
        for (int k = 0; k <= periods.measuredYears(); k++) {
            new YearBoundary(k).schedule(periods.warmupDays() + k * Periods.YEAR);
        }
        scheduleWarmupHook();
        sim.start();
        events = sim.events();
        return new Metrics(this).result();
    }

    double now() {
        return sim.time();
    }

    int period() {
        return periods.of(sim.time());
    }

    void tally(Tally t, int cohort, double amount) {
        tallies[t.ordinal()][cohort][period()] += amount;
    }

    long key(int p) {
        return KeyedRandom.personKey(p, pop.generation(p));
    }

    double u(int p, int purpose, long index) {
        return random.uniform(key(p), purpose, index);
    }

    // ------------------------------------------------------------------------------- health processes

    /** Puts p's next health event on the population clock. */
    void refreshHealth(int p, double t) {
        double next = Math.min(Math.min(pop.deathTime(p), pop.frailtyTime(p)),
                Math.min(Math.min(pop.nextCandidate(p), pop.nextExtra(p)), pop.recomputeTime(p)));
        healthHeap.set(p, next);
    }

    /** The next health event of person p: death, frailty change, crisis candidate, or a hazard change. */
    private void onHealthEvent(int p, double t) {
        accountHazards(p, t);
        if (t >= pop.deathTime(p)) {
            die(p, t);
            return;
        }
        double majorantBefore = majorant(p);
        if (t >= pop.frailtyTime(p)) {
            progressFrailty(p, t);
        } else if (t >= pop.nextCandidate(p)) {
            crisisCandidate(p, t, false);
        } else if (t >= pop.nextExtra(p)) {
            crisisCandidate(p, t, true);
        }
        updateHazards(p, t);
        if (majorant(p) != majorantBefore) {
            // frailty or age band changed the rate: redraw the residual times (memoryless), with fresh indices
            pop.candidateIndex(p, pop.candidateIndex(p) + 1);
            scheduleCandidate(p, t);
            if (pop.nextExtra(p) < NO_TIME) {
                pop.extraIndex(p, pop.extraIndex(p) + 1);
                scheduleExtra(p, t);
            }
            refreshHealth(p, t);
        }
    }

    /** Uses up the Exp(1) budgets at the hazards in force since the last accounting. */
    void accountHazards(int p, double t) {
        double since = pop.hazardSince(p);
        if (t > since) {
            pop.deathBudget(p, Math.max(0, pop.deathBudget(p) - deathHazardIntegral(p, since, t)));
            double frailty = pop.frailtyHazard(p);
            if (frailty > 0) {
                pop.frailtyBudget(p, Math.max(0, pop.frailtyBudget(p) - frailty * (t - since)));
            }
        }
        pop.hazardSince(p, t);
    }

    /**
     * Integral of p's death hazard over [a, b): the stored hazard, times the post-crisis multiplier up to the
     * end of the mortality window. Handling the window's end here, not as an event, halves the health events.
     */
    private double deathHazardIntegral(int p, double a, double b) {
        double inside = Math.max(0, Math.min(b, pop.mortalityUntil(p)) - a);
        return pop.deathHazard(p) * (scenario.postCrisis().mortalityMultiplier() * inside + (b - a - inside));
    }

    /** When p's remaining death budget runs out, from t, across the end of a mortality window if need be. */
    private double deathTime(int p, double t) {
        double h = pop.deathHazard(p);
        if (h <= 0) {
            return NO_TIME;
        }
        double budget = pop.deathBudget(p);
        double windowEnd = pop.mortalityUntil(p);
        if (t < windowEnd) {
            double raised = h * scenario.postCrisis().mortalityMultiplier();
            double inWindow = raised * (windowEnd - t);
            return budget <= inWindow ? t + budget / raised : windowEnd + (budget - inWindow) / h;
        }
        return t + budget / h;
    }

    /** Recomputes p's hazards as they stand at t and the times they next fire or change. */
    void updateHazards(int p, double t) {
        int c = pop.cohort(p);
        boolean old = Cohort.isOver65(c);
        int band = old ? Rates.ageBand(pop.age(p, t)) : 1;
        pop.band(p, band);
        double h = pop.has(p, Population.RESIDENT) ? rates.residentDeathPerDay[c]
                : rates.backgroundDeathPerDay[c] * (old ? rates.ageDeathByFrailty[c - Cohort.FIRST_OVER65][band] : 1);
        double recompute = NO_TIME;
        double hf = 0;
        if (old) {
            int f = pop.frailty(p);
            hf = f < 3 ? rates.frailtyPerDay[f][band] : 0;
            if (band < 2) {
                double nextBandAge = band == 0 ? 75 : 85;
                recompute = Math.min(recompute, t + (nextBandAge - pop.age(p, t)) * Rates.YEAR);
            }
        }
        pop.deathHazard(p, h);
        pop.frailtyHazard(p, hf);
        pop.deathTime(p, deathTime(p, t));
        pop.frailtyTime(p, hf > 0 ? t + pop.frailtyBudget(p) / hf : NO_TIME);
        pop.recomputeTime(p, recompute);
        refreshHealth(p, t);
    }

    private void progressFrailty(int p, double t) {
        int before = pop.cohort(p);
        moveCohort(p, t, before + 1);
        int j = ++pop.frailtyTransitions[p];
        pop.frailtyBudget(p, random.exponential(key(p), Purpose.FRAILTY_BUDGET, j));
        log(p, t, "frailty_change", Place.label(pop.place(p)), Cohort.values()[before + 1].label());
    }

    void moveCohort(int p, double t, int to) {
        int from = pop.cohort(p);
        personCosts.cohortChanged(p, t, from, to);
        alive[from].add(t, -1);
        alive[to].add(t, 1);
        if (isAtHome(p)) {
            atHome[from].add(t, -1);
            atHome[to].add(t, 1);
        }
        pop.cohort(p, to);
    }

    boolean isAtHome(int p) {
        byte place = pop.place(p);
        return place == Place.HOME || place == Place.STEP_UP;
    }

    /** Changes where p is, keeping the at-home counters right. */
    void moveTo(int p, double t, byte place) {
        boolean wasHome = isAtHome(p);
        pop.place(p, place);
        boolean isHome = isAtHome(p);
        if (wasHome != isHome) {
            atHome[pop.cohort(p)].add(t, isHome ? 1 : -1);
        }
    }

    /** Rate of the base candidate stream (per day), common to compared scenarios. */
    double majorant(int p) {
        return pop.z(p) * rates.majorantPerDay[pop.cohort(p)][pop.band(p)];
    }

    /** Draws the next base candidate from the majorant (thinning, MODEL.md §6). */
    void scheduleCandidate(int p, double from) {
        double lambda = majorant(p);
        int k = pop.candidateIndex(p);
        pop.nextCandidate(p, lambda > 0 ? from + random.exponential(key(p), Purpose.CANDIDATE_GAP, k) / lambda : NO_TIME);
    }

    private static final long EXTRA_PER_WINDOW = 1L << 20;

    /** Index of extra candidate j of window w, and the key of the crisis it may become (negative). */
    private long extraKey(int p) {
        return pop.windowCount(p) * EXTRA_PER_WINDOW + pop.extraIndex(p);
    }

    /** Draws the next extra candidate of the current post-crisis window, or none past its end. */
    void scheduleExtra(int p, double from) {
        double lambda = majorant(p) * (scenario.postCrisis().multiplier() - 1);
        double next = lambda > 0 ? from + random.exponential(key(p), Purpose.EXTRA_GAP, extraKey(p)) / lambda : NO_TIME;
        pop.nextExtra(p, next < pop.postCrisisUntil(p) ? next : NO_TIME);
    }

    /** A new post-crisis window opens at t: its extra stream restarts with a new window number. */
    void openWindow(int p, double t) {
        pop.postCrisisUntil(p, t + scenario.postCrisis().days());
        pop.mortalityUntil(p, t + scenario.postCrisis().mortalityDays());
        pop.windowCount(p, pop.windowCount(p) + 1);
        pop.extraIndex(p, 0);
        pop.careSet(p, Population.FOLLOWED_UP, false);
        scheduleExtra(p, t);
    }

    /** Crisis hazard (per day) without the post-crisis factor, which the extra stream supplies. */
    double crisisHazard(int p, double t) {
        int c = pop.cohort(p);
        double h = pop.z(p) * rates.crisisPerDay[c];
        if (Cohort.isOver65(c)) {
            h *= rates.ageCrisis[pop.band(p)];
        }
        if (pop.has(p, Population.RESIDENT)) {
            h *= scenario.services().careHomes().crisisMultiplier();
        }
        if (pop.careHas(p, Population.ENROLLED)) {
            Scenario.CaseManagement cm = scenario.integration().caseManagement();
            h *= mech.rr(cm.enabled(), cm.crisisRr(), t);
        }
        Scenario.Seasonality s = scenario.seasonality();
        return h * (1 + s.amplitude() * Math.cos(2 * Math.PI * ((t % Periods.YEAR) - s.peakDay()) / Periods.YEAR));
    }

    private void crisisCandidate(int p, double t, boolean extra) {
        long crisisKey;
        double accept;
        if (extra) {
            crisisKey = -1 - extraKey(p);
            accept = random.uniform(key(p), Purpose.EXTRA_ACCEPT, extraKey(p));
            pop.extraIndex(p, pop.extraIndex(p) + 1);
            scheduleExtra(p, t);
        } else {
            crisisKey = pop.candidateIndex(p);
            accept = random.uniform(key(p), Purpose.CANDIDATE_ACCEPT, crisisKey);
            pop.candidateIndex(p, pop.candidateIndex(p) + 1);
            scheduleCandidate(p, t);
        }
        boolean crisis = accept * majorant(p) < crisisHazard(p, t) * (extra ? followUpDamping(p, t) : 1);
        byte place = pop.place(p);
        if (crisis && place != Place.AE && place != Place.ACUTE_BED && place != Place.IC_BED && place != Place.STEP_UP) {
            pathway.crisis(p, t, crisisKey);
        }
    }

    /**
     * Integrated follow-up after a discharge multiplies the post-crisis factor by its RR (MODEL.md §5): the
     * extra stream, which carries factor - 1, is thinned to (RR x factor - 1) / (factor - 1).
     */
    private double followUpDamping(int p, double t) {
        Scenario.IntegratedFollowUp f = scenario.integration().integratedFollowUp();
        if (!pop.careHas(p, Population.FOLLOWED_UP) || f.postCrisisRr() == 1) {
            return 1;
        }
        double factor = scenario.postCrisis().multiplier();
        return Math.max(0, (mech.rr(f.enabled(), f.postCrisisRr(), t) * factor - 1) / (factor - 1));
    }

    // ---------------------------------------------------------------------------------------- death

    void die(int p, double t) {
        int c = pop.cohort(p);
        byte place = pop.place(p);
        boolean inHospital = place == Place.ACUTE_BED || place == Place.AE;
        tally(Tally.DEATHS, c, 1);
        if (inHospital) {
            tally(Tally.DEATHS_IN_HOSPITAL, c, 1);
        }
        countDeathAfterAdmission(p, t);
        log(p, t, "death", Place.label(place), inHospital ? "in_hospital" : "");
        pathway.releaseEverything(p, t);
        if (caseFinding != null) {
            caseFinding.forget(p, t);
        }
        coverage.forget(p, t);
        pop.care[p] = 0;
        personCosts.leave(p, t, c);
        alive[c].add(t, -1);
        if (isAtHome(p)) {
            atHome[c].add(t, -1);
        }
        pop.place(p, Place.DEAD);
        pop.stayStamp[p]++;
        pop.packageStamp[p]++;
        pop.reablementStamp[p]++;
        if (scenario.population().replaceDeaths()) {
            pop.generation(p, pop.generation(p) + 1);
            setup.enter(p, t, c);
        } else {
            healthHeap.remove(p);
            pop.deathTime(p, NO_TIME);
        }
    }

    /** Deaths within 365 days of a person's first admission in a period (MODEL.md §9). */
    private void countDeathAfterAdmission(int p, double t) {
        double[] admissions = {pop.firstAdmission[p], pop.previousFirstAdmission[p]};
        byte[] cohorts = {pop.firstAdmissionCohort[p], pop.previousFirstAdmissionCohort[p]};
        for (int i = 0; i < 2; i++) {
            double a = admissions[i];
            if (!Double.isNaN(a) && t - a <= Periods.YEAR && a + Periods.YEAR <= periods.endDay() && a >= periods.warmupDays()) {
                tallies[Tally.DEATHS_WITHIN_1Y_OF_ADMISSION.ordinal()][cohorts[i]][periods.of(a)]++;
            }
        }
    }

    // ------------------------------------------------------------------------------------ services

    /** A timed step of one person's episode; ignored if the episode it belongs to has ended. */
    final class PersonEvent extends Event {
        final int kind;
        final int person;
        final int stamp;

        PersonEvent(int kind, int person, int stamp) {
            super(CareSystem.this.sim);
            this.kind = kind;
            this.person = person;
            this.stamp = stamp;
        }

        @Override
        public void actions() {
            pathway.onPersonEvent(kind, person, stamp, sim.time());
        }
    }

    void at(double time, int kind, int person, int stamp) {
        new PersonEvent(kind, person, stamp).schedule(Math.max(0, time - sim.time()));
    }

    /** Daily census at midnight (KH03 convention) for the series and the occupancy thresholds. */
    private final class DayTick extends Event {
        DayTick() {
            super(CareSystem.this.sim);
        }

        @Override
        public void actions() {
            double t = sim.time();
            int p = periods.of(t);
            if (t >= periods.warmupDays() && t < periods.endDay() && t - periods.warmupDays() < dailyOccupancy[0].length) {
                int day = (int) Math.floor(t - periods.warmupDays());
                for (int s = 0; s < services.size(); s++) {
                    dailyOccupancy[s][day] = services.get(s).inUse();
                    dailyWaiting[s][day] = services.get(s).waiting();
                }
                dailyOccupancy[services.size()][day] = medicallyFitInBed;
                double occ = acuteBeds.inUse() / (double) Math.max(1, acuteBeds.capacity());
                daysCounted[p]++;
                if (occ > 0.92) {
                    acuteDaysAbove92[p]++;
                }
                if (occ > 0.95) {
                    acuteDaysAbove95[p]++;
                }
                if (acuteBeds.inUse() >= acuteBeds.capacity()) {
                    acuteDaysFull[p]++;
                }
            }
            schedule(1);
        }
    }

    /**
     * Boundary k, at the end of warm-up + k years: the end of period k (no period ends at day 0 when there is no
     * warm-up) and the start of the next, before anything else at that instant, as the ledger's periods split. Takes
     * the census of the age bands and, when recorded, closes and opens capitation's years.
     */
    private final class YearBoundary extends Event {
        final int boundary;

        YearBoundary(int boundary) {
            super(CareSystem.this.sim);
            this.boundary = boundary;
            setPriority(0);
        }

        @Override
        public void actions() {
            double t = sim.time();
            personCosts.boundary(boundary, t, t > 0 ? ageBandCensus[boundary] : null);
        }
    }

    /** End of a period: routine activity costs and the concentration of acute cost. */
    private final class PeriodEnd extends Event {
        PeriodEnd() {
            super(CareSystem.this.sim);
        }

        @Override
        public void actions() {
            double t = sim.time();
            int p = periods.of(t - 1e-9);
            closePeriod(p, t);
            if (t + Periods.YEAR < periods.endDay() - 1e-9) {
                schedule(Periods.YEAR);
            }
        }
    }

    /** Receives the costs that accrue with time (per person-day, per occupied place-day) rather than per event. */
    private interface Accrual {
        void post(int perspective, CostCategory category, Payer payer, double amount);
    }

    private static final int BOTH = -1;

    /**
     * The time-accrued costs of period p up to t: routine primary and community care per person-year, and every
     * service's occupied place-days (beds, step-up, IC, home care, care homes, D2A), plus the fixed cost of beds.
     * Posted to the ledger when the period closes; summed without posting for the monthly cost series.
     */
    private void accruedCosts(int p, double t, Accrual to) {
        Scenario.Costs costs = scenario.costs();
        for (int c = 0; c < Cohort.COUNT; c++) {
            double personYears = alive[c].integral(t, p) / Periods.YEAR;
            to.post(BOTH, CostCategory.GP_CONSULTATION, Payer.NHS, personYears * groups[c].gpConsultations() * costs.gpConsultation());
            to.post(BOTH, CostCategory.COMMUNITY_NURSE_CONTACT, Payer.NHS,
                    personYears * groups[c].nurseContacts() * costs.communityNurseContact());
        }
        Scenario.Costing costing = scenario.costing();
        double bedDays = acuteBeds.peopleOccupancyIntegral(t, p);
        to.post(Ledger.ECONOMIC, CostCategory.ACUTE_BED_DAY, Payer.NHS, bedDays * costs.acuteBedDay());
        to.post(Ledger.FINANCIAL, CostCategory.ACUTE_BED_DAY, Payer.NHS, bedDays * costing.financialBedVariablePerDay());
        // of a shared pool's beds, the population pays its share (N / P)
        to.post(Ledger.FINANCIAL, CostCategory.ACUTE_BED_FIXED, Payer.NHS,
                acuteBeds.capacityIntegral(t, p) * costing.financialBedFixedPerDay() * background.populationShare);
        to.post(BOTH, CostCategory.STEP_UP_DAY, Payer.NHS, stepUp.occupancyIntegral(t, p) * costs.stepUpDay());
        to.post(BOTH, CostCategory.IC_BED_DAY, Payer.LOCAL_AUTHORITY, icBeds.occupancyIntegral(t, p) * costs.icBedDay());
        double packageWeeks = homeCare.occupancyIntegral(t, p) / 7;
        to.post(BOTH, CostCategory.HOME_CARE_HOURS, Payer.LOCAL_AUTHORITY,
                packageWeeks * scenario.services().homeCare().hoursPerWeek() * costs.homeCareHour());
        double[] weeks = new double[4];
        for (int i = 0; i < 4; i++) {
            weeks[i] = careHomeByType[i].integral(t, p) / 7;
        }
        to.post(BOTH, CostCategory.CARE_HOME_RESIDENTIAL, Payer.LOCAL_AUTHORITY, weeks[0] * costs.careHomeWeekResidential());
        to.post(BOTH, CostCategory.CARE_HOME_RESIDENTIAL, Payer.SELF_FUNDER, weeks[1] * costs.careHomeWeekResidential());
        double fnc = costs.nursingCareContributionWeek();
        to.post(BOTH, CostCategory.CARE_HOME_NURSING, Payer.LOCAL_AUTHORITY, weeks[2] * (costs.careHomeWeekNursing() - fnc));
        to.post(BOTH, CostCategory.CARE_HOME_NURSING, Payer.SELF_FUNDER, weeks[3] * (costs.careHomeWeekNursing() - fnc));
        to.post(BOTH, CostCategory.NURSING_CARE_CONTRIBUTION, Payer.NHS, (weeks[2] + weeks[3]) * fnc);
        to.post(BOTH, null, null, d2a.occupancyIntegral(t, p) * scenario.integration().d2a().costPerDay()); // D2A running
    }

    /**
     * Cost accrued from day 0 to t, per perspective: closed periods as booked, open ones as booked so far plus
     * their time-accrued costs to t.
     */
    private double[] costSoFar(double t) {
        double[] total = new double[2];
        for (int q = 0; q <= Math.min(period(), periods.count() - 1); q++) {
            for (int s = 0; s < 2; s++) {
                total[s] += ledger.periodTotal(q, s, null, null);
            }
            if (q > closedThrough) {
                accruedCosts(q, t, (perspective, category, payer, amount) -> {
                    if (perspective != Ledger.FINANCIAL) {
                        total[Ledger.ECONOMIC] += amount;
                    }
                    if (perspective != Ledger.ECONOMIC) {
                        total[Ledger.FINANCIAL] += amount;
                    }
                });
            }
        }
        return total;
    }

    /** Records the cumulative cost since the start of integration at the end of measured month m (1-based). */
    private void recordMonth(int m, double t) {
        double[] now = costSoFar(t);
        if (m == 0) {
            costAtIntegrationStart = now;
            return;
        }
        if (m <= cumulativeCost[0].length) {
            for (int s = 0; s < 2; s++) {
                cumulativeCost[s][m - 1] = now[s] - costAtIntegrationStart[s];
            }
        }
    }

    private void closePeriod(int p, double t) {
        for (int c = 0; c < Cohort.COUNT; c++) {
            tallies[Tally.GP_CONTACTS.ordinal()][c][p] += alive[c].integral(t, p) / Periods.YEAR * groups[c].gpConsultations();
            tallies[Tally.PERSON_DAYS.ordinal()][c][p] = alive[c].integral(t, p);
            tallies[Tally.PERSON_DAYS_AT_HOME.ordinal()][c][p] = atHome[c].integral(t, p);
        }
        accruedCosts(p, t, (perspective, category, payer, amount) -> {
            if (category == null) {
                postIntegration(p, d2aMechanism, false, amount);
            } else if (perspective == BOTH) {
                ledger.post(p, category, payer, amount);
            } else {
                ledger.post(p, perspective, category, payer, amount);
            }
        });
        closedThrough = p;
        postIncome(p, t);
        reinvest(p, t);
        reinvestedPlaces[p] = reinvestTarget.capacity() - reinvestBase;
        top1pctShare[p] = topShare(pop.acuteCost, 0.01);
        // ageBandCensus[p] was taken by YearBoundary at this instant, in the same pass as capitation
        java.util.Arrays.fill(pop.acuteCost, 0f);
        for (int i = 0; i < pop.size; i++) {
            if (!Double.isNaN(pop.firstAdmission[i])) {
                pop.previousFirstAdmission[i] = pop.firstAdmission[i];
                pop.previousFirstAdmissionCohort[i] = pop.firstAdmissionCohort[i];
                pop.firstAdmission[i] = Double.NaN;
            }
        }
    }

    /** Position of a mechanism in the plan (and the ledger), looked up once at construction. */
    private int mechanismIndex(String key) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no integration mechanism " + key);
    }

    /** Books integration mechanism i's cost to its sector, NHS and local authority (MODEL.md §4-5). */
    void postIntegration(int period, int mechanism, boolean setup, double amount) {
        if (amount != 0) {
            ledger.postIntegration(period, mechanism, setup, plan.get(mechanism).nhsShare(), amount);
        }
    }

    void attributeSavedBedDays(double days) {
        savedBedDays[period()] += days;
    }

    /** An admission a mechanism averted, with the stay it would have had on average (before any delay). */
    void attributeAvertedAdmission(int p, int c, double t) {
        Group g = groups[c];
        double mult = Cohort.isOver65(c) ? rates.ageLos[Rates.ageBand(pop.age(p, t))] : 1;
        avertedAdmissions[period()]++;
        avertedAdmissionDays[period()] += g.sameDayShare() * 0.5 + (1 - g.sameDayShare()) * g.treatmentLosMean() * mult;
    }

    /** The acute financial saving the mechanisms made in period p: what falls when activity falls. */
    double attributedSaving(int p) {
        return avertedAdmissions[p] * scenario.costs().admission()
                + (savedBedDays[p] + avertedAdmissionDays[p]) * scenario.costing().financialBedVariablePerDay();
    }

    /**
     * Pooled budget (MODEL.md §5): a declared share of the acute financial saving the mechanisms made in a
     * measured year (attributed event by event, so demand drift does not count) buys places in the chosen
     * community service from the end of the year plus the lag, for a year; a smaller saving buys fewer.
     */
    private void reinvest(int p, double t) {
        Scenario.PooledBudget pb = scenario.integration().pooledBudget();
        if (!pb.enabled() || pb.reinvestShare() <= 0 || p < 1) {
            return;
        }
        double saving = attributedSaving(p); // measured periods are whole years
        double perPlace = placeCostPerYear(reinvestTarget);
        int places = perPlace <= 0 ? 0 : (int) Math.floor(pb.reinvestShare() * saving / perPlace);
        double when = t + pb.reinvestLagMonths() * CaseFinding.MONTH;
        if (when < periods.endDay()) {
            new CapacityChange(reinvestTarget, reinvestBase + places).schedule(when - sim.time());
        }
    }

    private double placeCostPerYear(CapacityService s) {
        Scenario.Costs c = scenario.costs();
        Scenario.Services sv = scenario.services();
        if (s == homeCare) {
            return sv.homeCare().hoursPerWeek() * Periods.YEAR / 7 * c.homeCareHour();
        } else if (s == reablement) {
            return Periods.YEAR / sv.reablement().meanDays() * c.reablementEpisode();
        } else if (s == stepUp) {
            return Periods.YEAR * c.stepUpDay();
        }
        return Periods.YEAR * c.icBedDay();
    }

    private final class CapacityChange extends Event {
        final CapacityService service;
        final int places;

        CapacityChange(CapacityService service, int places) {
            super(CareSystem.this.sim);
            this.service = service;
            this.places = places;
        }

        @Override
        public void actions() {
            service.setCapacity(sim.time(), places);
            pathway.serveList(service, sim.time());
        }
    }

    /**
     * Monthly from the start of integration (MODEL.md §5): the coverage ranking (yearly), set-up costs in the first month,
     * running costs each month, case-finding, and the census of the enrolled.
     */
    private final class MonthTick extends Event {
        final int month;

        MonthTick(int month) {
            super(CareSystem.this.sim);
            this.month = month;
        }

        @Override
        public void actions() {
            double t = sim.time();
            int p = period();
            recordMonth(month, t); // before this month's postings: they belong to the month that starts now
            if (month % 12 == 0) { // a programme's list is drawn up yearly; monthly re-ranking doubled the run time
                coverage.rank(t, month);
            }
            if (month == 0 && !coverage.everyone()) { // D2A sized for the population covered at the start
                Scenario.Capacity places = scenario.integration().d2a().capacity();
                d2a.setCapacity(t, places.places((int) Math.round(pop.size * coverage.shareNow())));
            }
            for (int i = 0; i < plan.size(); i++) {
                IntegrationProfile.Mechanism m = plan.get(i);
                if (m.enabled()) {
                    if (month == 0) {
                        postIntegration(p, i, true, m.setupCost());
                    }
                    postIntegration(p, i, false, runningCostPerYear(i, m) / 12);
                }
            }
            if (caseFinding != null) {
                caseFinding.monthly(t, month);
            }
            // from the start, not from the last tick: month 12 must land exactly on the year's end
            double next = mech.start() + (month + 1) * Periods.YEAR / 12;
            if (next < periods.endDay() - 1e-9) {
                new MonthTick(month + 1).schedule(next - t);
            }
        }
    }

    /**
     * A mechanism's running cost a year at the coverage in force now: in proportion to the share of the living
     * covered, and for case management a team sized to the covered people (MODEL.md §8 L1). Unchanged under
     * rule all.
     */
    private double runningCostPerYear(int i, IntegrationProfile.Mechanism m) {
        double share = coverage.shareNow();
        if (share >= 1) {
            return m.runningCostPerYear(); // everyone covered: the team at its configured size
        }
        if (i != caseManagementMechanism) {
            return m.runningCostPerYear() * share;
        }
        Scenario.CaseManagement cm = scenario.integration().caseManagement();
        double scale = pop.size / 100_000.0;
        double fte = coverage.caseManagerFte(cm.ftePer100k() * scale, cm.caseloadPerFte());
        return cm.costs().runningPer100k() * scale * share + fte * cm.costPerFte();
    }

    /** Provider income of period p under each sector's payment regime (MODEL.md §4). */
    private void postIncome(int p, double t) {
        Scenario.Payment pay = scenario.payment();
        Scenario.SectorPayment[] bySector = {pay.primary(), pay.community(), pay.acute(), pay.socialCare()};
        double days = p == 0 ? periods.warmupDays() : Periods.YEAR;
        double personYears = 0;
        for (int c = 0; c < Cohort.COUNT; c++) {
            personYears += alive[c].integral(t, p) / Periods.YEAR;
        }
        for (Sector sector : Sector.values()) {
            Scenario.SectorPayment sp = bySector[sector.ordinal()];
            Payer commissioner = Ledger.commissioner(sector);
            switch (sp.regime()) {
                case "activity" -> {
                    // paid by whoever pays for the activity: self-funders pay their own care-home fees
                    for (Payer payer : Payer.values()) {
                        ledger.postIncome(p, sector, payer, sp.regime(),
                                ledger.activityTotal(p, Ledger.ECONOMIC, sector, payer) * sp.tariffFactor());
                    }
                }
                case "block" -> ledger.postIncome(p, sector, commissioner, sp.regime(),
                        sp.blockPer100k() * pop.size / 100_000.0 * days / Periods.YEAR);
                case "capitation" -> ledger.postIncome(p, sector, commissioner, sp.regime(), sp.perPerson() * personYears);
                default -> {
                }
            }
        }
    }

    /** Share of the total held by the top fraction of values. */
    static double topShare(float[] values, double fraction) {
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int top = Math.max(1, (int) Math.round(sorted.length * fraction));
        double total = 0;
        double topSum = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += sorted[i];
            if (i >= sorted.length - top) {
                topSum += sorted[i];
            }
        }
        return total > 0 ? topSum / total : Double.NaN;
    }

    private final class EndOfRun extends Event {
        EndOfRun() {
            super(CareSystem.this.sim);
            setPriority(2); // after anything else at the same instant
        }

        @Override
        public void actions() {
            double t = sim.time();
            pathway.closeOpenStays(t);
            closePeriod(periods.measuredYears(), t);
            recordMonth(cumulativeCost[0].length, t);
            sim.stop();
        }
    }

    // ---------------------------------------------------------------------------- community referrals

    static final int REFERRAL_REABLEMENT = 0;
    static final int REFERRAL_PACKAGE = 1;
    static final int REFERRAL_CARE_HOME = 2;

    private final class ReferralArrival extends Event {
        final int stream;
        final long index;

        ReferralArrival(int stream, long index) {
            super(CareSystem.this.sim);
            this.stream = stream;
            this.index = index;
        }

        @Override
        public void actions() {
            pathway.communityReferral(stream, index, sim.time());
            scheduleReferral(stream, index + 1, sim.time());
        }
    }

    private void scheduleReferral(int stream, long index, double from) {
        Scenario.CommunityReferrals r = scenario.communityReferrals();
        double per100k = stream == REFERRAL_REABLEMENT ? r.reablement() : stream == REFERRAL_PACKAGE ? r.newPackage() : r.careHome();
        double perDay = per100k * pop.size / 100_000.0 / Periods.YEAR;
        if (perDay <= 0) {
            return;
        }
        double gap = random.exponential(Purpose.SYSTEM_KEY - stream, Purpose.ARRIVAL_GAP, index) / perDay;
        if (from + gap < periods.endDay()) {
            new ReferralArrival(stream, index).schedule(from + gap - sim.time());
        }
    }

    // ------------------------------------------------------------------------------------- logging

    boolean logged(int p) {
        return eventSink != null && (logSlots != null ? logSlots.get(p) : eventSampleSize < 0 || p < eventSampleSize)
                && now() >= periods.warmupDays();
    }

    void log(int p, double t, String event, String place, String reason) {
        if (!logged(p)) {
            return;
        }
        long person = (long) pop.generation(p) * pop.size + p;
        double age = pop.over65(p) ? pop.age(p, t) : Double.NaN;
        eventSink.accept(new EventRecord(t - periods.warmupDays(), replication, person,
                Cohort.values()[pop.cohort(p)].label(), age, event, place, reason));
    }

    // ------------------------------------------------------------------------------------ numerics

    static double normalQuantile(double u) {
        return NormalDist.inverseF01(u);
    }

    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** Growable list of doubles (lengths of stay) without boxing. */
    static final class DoubleList {
        double[] values = new double[1024];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        for (CapacityService s : services) {
            names.add(s.name());
        }
        names.add("acute_beds_mffd");
        return names;
    }

    // ------------------------------------------------------------------- tracing one person (icsim trace)

    /** When set, the slots whose events are logged, instead of the first eventSampleSize. */
    private java.util.BitSet logSlots;
    /** Called once, at the end of warm-up, before anything else that happens at that instant. */
    private java.util.function.Consumer<CareSystem> warmupHook;

    /** Logs only the people in these population slots (each slot's occupants, entrants included). */
    public void logOnly(java.util.BitSet slots) {
        logSlots = (java.util.BitSet) slots.clone();
    }

    /** Logs only the people in one population slot. */
    public void logOnly(int slot) {
        java.util.BitSet one = new java.util.BitSet();
        one.set(slot);
        logSlots = one;
    }

    /** Runs hook at the end of warm-up (it may read {@link #snapshot} and call {@link #logOnly}). Call before run(). */
    public void atEndOfWarmup(java.util.function.Consumer<CareSystem> hook) {
        warmupHook = hook;
    }

    /**
     * Records each person's cost per measured year for capitation (MODEL.md §8.4), returned as the result's
     * {@code capitation}; off by default (it costs a few per cent of run time). Call before {@link #run()}.
     */
    public void recordCapitation() {
        Scenario.Costs costs = scenario.costs();
        personCosts.enable(new CapacityService[]{acuteBeds, stepUp, icBeds, homeCare, d2a},
                new double[]{costs.acuteBedDay(), costs.stepUpDay(), costs.icBedDay(),
                        scenario.services().homeCare().hoursPerWeek() * costs.homeCareHour() / 7,
                        scenario.integration().d2a().costPerDay()});
    }

    public int populationSize() {
        return pop.size;
    }

    /** Who is in slot p now, and their state, for describing a person; reads the model, changes nothing. */
    public PersonSnapshot snapshot(int p) {
        double t = now();
        int c = pop.cohort(p);
        boolean old = Cohort.isOver65(c);
        byte phase = pop.place(p) == Place.ACUTE_BED ? pop.phase[p] : -1;
        return new PersonSnapshot(p, (long) pop.generation(p) * pop.size + p, t - periods.warmupDays(),
                Cohort.values()[c].label(), old ? pop.age(p, t) : Double.NaN, old ? pop.frailty(p) : -1,
                pop.has(p, Population.LIVES_ALONE), Place.label(pop.place(p)), pop.has(p, Population.RESIDENT),
                pop.has(p, Population.HAS_PACKAGE), pop.has(p, Population.IN_REABLEMENT),
                pop.careHas(p, Population.ENROLLED), pop.z(p),
                phase >= 0 ? DelayReason.values()[phase].label() : null);
    }

    private void scheduleWarmupHook() {
        if (warmupHook != null) {
            new WarmupHook().schedule(periods.warmupDays());
        }
    }

    private final class WarmupHook extends Event {
        WarmupHook() {
            super(CareSystem.this.sim);
            setPriority(0); // before the other events of the same instant (priority 1)
        }

        @Override
        public void actions() {
            warmupHook.accept(CareSystem.this);
        }
    }
}
