package icsim.model;

import icsim.engine.CapacityService;
import icsim.scenario.Scenario;

/**
 * Creates the population at day 0 near the stationary structure (MODEL.md §2), fills services to their
 * initial occupancy, and makes entrants when people die. All draws are keyed by person, so the same
 * people appear in every scenario.
 */
final class PopulationSetup {
    private static final double[] BAND_START = {65, 75, 85};
    private final CareSystem sys;
    private final Population pop;
    private final Scenario sc;

    PopulationSetup(CareSystem sys) {
        this.sys = sys;
        this.pop = sys.pop;
        this.sc = sys.scenario;
    }

    void initialise() {
        Scenario.PopulationShares s = sc.population().shares();
        double[] cumulative = cumulative(new double[]{s.under65Well(), s.under65Ltc(), s.age65to74(), s.age75to84(), s.age85plus()});
        Scenario.FrailtyByAge fa = sc.population().initialFrailty();
        double[][] frailtyByBand = {fa.age65to74().toArray(), fa.age75to84().toArray(), fa.age85plus().toArray()};
        StationaryStructure structure = sys.rates.structure;
        for (int p = 0; p < pop.size; p++) {
            int group = pick(cumulative, sys.u(p, Purpose.INIT_GROUP, 0));
            if (group < 2) {
                pop.cohort(p, group);
                pop.ageAtZero(p, Double.NaN);
            } else if (structure != null) {
                double[] ageAndFrailty = structure.sample(sys.u(p, Purpose.INIT_FRAILTY, 0), sys.u(p, Purpose.INIT_AGE, 0));
                pop.ageAtZero(p, ageAndFrailty[0]);
                pop.cohort(p, (Cohort.FIRST_OVER65 + (int) ageAndFrailty[1]));
            } else {
                int band = group - 2;
                double ua = sys.u(p, Purpose.INIT_AGE, 0);
                // 85+: exponential tail with mean 5.5 years beyond 85, capped at 105 (assumption)
                pop.ageAtZero(p, band < 2 ? BAND_START[band] + 10 * ua : Math.min(105, 85 - 5.5 * Math.log(ua)));
                int frailty = pick(cumulative(frailtyByBand[band]), sys.u(p, Purpose.INIT_FRAILTY, 0));
                pop.cohort(p, (Cohort.FIRST_OVER65 + frailty));
            }
            start(p, 0);
            sys.personCosts.arrive(p, 0, false);
            pop.z(p, (float) sys.rates.initialRiskMultiplier(pop.cohort(p), sys.u(p, Purpose.RISK_Z, 0)));
            sys.scheduleCandidate(p, 0);
            sys.updateHazards(p, 0);
        }
        Scenario.Services sv = sc.services();
        // a shared pool's places start as full as the others; the population takes its share N / P of them
        double share = sys.background.populationShare;
        fill(sys.careHomes, sv.careHomes().capacity().initialOccupancy() * share, 0);
        fill(sys.homeCare, sv.homeCare().capacity().initialOccupancy(), 1);
        fill(sys.reablement, sv.reablement().capacity().initialOccupancy(), 2);
        fill(sys.icBeds, sv.icBeds().capacity().initialOccupancy(), 3);
        fill(sys.stepUp, sv.stepUp().initialOccupancy(), 4);
        fill(sys.acuteBeds, sv.acuteBeds().initialOccupancy() * share, 5);
        sys.background.fill(Background.CARE_HOME, sv.careHomes().capacity().initialOccupancy());
        sys.background.fill(Background.ACUTE, sv.acuteBeds().initialOccupancy());
    }

    /** A replacement entrant in slot p (its generation already advanced): same group, or aged 65. */
    void enter(int p, double t, int previousCohort) {
        if (Cohort.isOver65(previousCohort)) {
            pop.ageAtZero(p, 65 - t / Rates.YEAR);
            double[] split = sc.population().entrantFrailty().toArray();
            pop.cohort(p, (Cohort.FIRST_OVER65 + pick(cumulative(split), sys.u(p, Purpose.INIT_FRAILTY, 0))));
        } else {
            pop.ageAtZero(p, Double.NaN);
            pop.cohort(p, previousCohort);
        }
        start(p, t);
        sys.personCosts.arrive(p, t, true);
        sys.log(p, t, "entrant", "home", "");
    }

    private void start(int p, double t) {
        pop.place(p, Place.HOME);
        pop.flags(p, 0);
        if (pop.over65(p) && sys.u(p, Purpose.LIVES_ALONE, 0) < sc.population().livesAlone()) {
            pop.set(p, Population.LIVES_ALONE, true);
        }
        pop.z(p, (float) sys.rates.riskMultiplier(sys.u(p, Purpose.RISK_Z, 0)));
        pop.deathBudget(p, sys.random.exponential(sys.key(p), Purpose.DEATH_BUDGET, 0));
        pop.frailtyBudget(p, sys.random.exponential(sys.key(p), Purpose.FRAILTY_BUDGET, 0));
        pop.frailtyTransitions[p] = 0;
        pop.candidateIndex(p, 0);
        pop.windowCount(p, 0);
        pop.extraIndex(p, 0);
        pop.nextExtra(p, Double.POSITIVE_INFINITY);
        pop.band(p, (pop.over65(p) ? Rates.ageBand(pop.age(p, t)) : 1));
        pop.postCrisisUntil(p, Double.NEGATIVE_INFINITY);
        pop.mortalityUntil(p, Double.NEGATIVE_INFINITY);
        pop.hazardSince(p, t);
        pop.lastDischarge[p] = Double.NEGATIVE_INFINITY;
        pop.firstAdmission[p] = Double.NaN;
        pop.previousFirstAdmission[p] = Double.NaN;
        pop.waitingFor[p] = CareSystem.WAIT_NONE;
        pop.serviceCount[p] = 0;
        sys.alive[pop.cohort(p)].add(t, 1);
        sys.atHome[pop.cohort(p)].add(t, 1);
        sys.scheduleCandidate(p, t);
        sys.updateHazards(p, t);
    }

    /**
     * Fills a service to its initial occupancy with people drawn (by a keyed system stream) in proportion to
     * how likely they are to be there: frailty weights for social care, admission rates for acute beds.
     */
    private void fill(CapacityService service, double occupancy, int stream) {
        int target = (int) Math.round(occupancy * service.capacity());
        long key = Purpose.SYSTEM_KEY - 100 - stream;
        double[] weights = new double[Cohort.COUNT];
        double max = 0;
        for (int c = 0; c < Cohort.COUNT; c++) {
            weights[c] = weight(service, c);
            max = Math.max(max, weights[c]);
        }
        long draw = 0;
        for (int filled = 0; filled < target && max > 0 && draw < 1000L * Math.max(1, target) + 100_000; draw++) {
            int p = (int) (sys.random.uniform(key, Purpose.PICK_SLOT, draw) * pop.size);
            if (pop.place(p) != Place.HOME || pop.has(p, Population.HAS_PACKAGE) || pop.has(p, Population.IN_REABLEMENT)) {
                continue;
            }
            if (sys.random.uniform(key, Purpose.PICK_ACCEPT, draw) * max >= weights[pop.cohort(p)]) {
                continue;
            }
            occupyAtStart(service, p);
            filled++;
        }
    }

    private double weight(CapacityService service, int cohort) {
        if (service == sys.acuteBeds || service == sys.stepUp) {
            Scenario.Group g = sys.rates.group(cohort);
            return g.crisisRate() * g.pAeGivenCrisis() * g.pAdmitGivenAe();
        }
        return Cohort.isOver65(cohort) ? sc.communityReferrals().frailtyWeights().toArray()[cohort - Cohort.FIRST_OVER65] : 0;
    }

    private void occupyAtStart(CapacityService service, int p) {
        Pathway pathway = sys.pathway;
        sys.coverage.judge(p); // an episode in progress at day 0 is judged as if its crisis were now
        service.occupy(0, p);
        service.startUnknown(p);
        if (service == sys.careHomes) {
            pathway.enterCareHome(p, 0, Tally.CARE_HOME_FROM_COMMUNITY);
        } else if (service == sys.homeCare) {
            pathway.startPackage(p, 0);
        } else if (service == sys.reablement) {
            pathway.startReablement(p, 0);
        } else if (service == sys.icBeds) {
            pop.stayCrisis[p] = -1;
            pop.stayCohort[p] = pop.cohort(p);
            pathway.startStepDown(p, 0);
        } else if (service == sys.stepUp) {
            service.release(0, p);
            pathway.startStepUp(p, 0, -1, false);
        } else {
            service.release(0, p);
            pop.stayCrisis[p] = -1;
            pop.stayCohort[p] = pop.cohort(p);
            pop.stayStamp[p]++;
            // already part-way through the stay: keep the remaining fraction
            pathway.startStay(p, 0, sys.u(p, Purpose.LOS_NOISE, -2));
        }
        service.startUnknown(p); // there before day 0: how long is unknown
    }

    private static double[] cumulative(double[] shares) {
        double[] c = new double[shares.length];
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            c[i] = acc;
        }
        return c;
    }

    private static int pick(double[] cumulative, double u) {
        double total = cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u * total < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
