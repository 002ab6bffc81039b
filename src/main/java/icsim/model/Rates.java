package icsim.model;

import icsim.scenario.Scenario;
import icsim.scenario.Scenario.Group;

/**
 * Per-day hazards and derived constants computed once from a scenario and shared, read-only, by every
 * replication. Index conventions: cohort 0..5 ({@link Cohort}), age band 0..2 (65-74, 75-84, 85+; the band
 * is ignored under 65), frailty 0..3.
 */
public final class Rates {
    public static final double YEAR = 365.0;

    final Group[] groups;
    /** Crisis hazard per day before the z, age-band, residence, seasonal and post-crisis factors. */
    final double[] crisisPerDay = new double[Cohort.COUNT];
    /** Background death hazard per day, derived so that all-cause deaths match death_rate (MODEL.md §2). */
    final double[] backgroundDeathPerDay = new double[Cohort.COUNT];
    final double[] ageCrisis = new double[3];
    final double[] ageDeath = new double[3];
    final double[] ageLos = new double[3];
    /** frailtyPerDay[frailty][band]: hazard of moving to the next frailty state. */
    final double[][] frailtyPerDay = new double[3][3];
    /**
     * Majorant of the crisis hazard per unit z, by cohort and age band, outside post-crisis windows
     * (MODEL.md §6 thinning). It depends only on the scenario's health parameters and on frailty and age,
     * which no care mechanism changes, so the candidate stream is common to compared scenarios. Inside a
     * window a second stream at (multiplier - 1) times this rate is superposed.
     */
    final double[][] majorantPerDay = new double[Cohort.COUNT][3];
    /** Background death hazard per day of care-home residents, replacing their group's (MODEL.md §2). */
    final double[] residentDeathPerDay = new double[Cohort.COUNT];
    /** Each group's stationary risk pool: the initial population draws z from it, entrants from gamma(k). */
    private final RiskPool[] pools = new RiskPool[Cohort.COUNT];

    private static final int GAMMA_TABLE = 1 << 14;
    /** Quantiles of the gamma(k, mean 1) risk multiplier on a fine grid; inverting per person is too slow. */
    private final double[] gammaQuantiles = new double[GAMMA_TABLE + 1];
    private final double riskShape;

    public Rates(Scenario s) {
        riskShape = s.population().riskShape();
        for (int i = 1; i < GAMMA_TABLE; i++) {
            gammaQuantiles[i] = gammaQuantile((double) i / GAMMA_TABLE);
        }
        gammaQuantiles[0] = 0;
        gammaQuantiles[GAMMA_TABLE] = gammaQuantile(1 - 0.25 / GAMMA_TABLE);
        Scenario.Groups g = s.groups();
        groups = new Group[]{g.under65Well(), g.under65Ltc(), g.over65Fit(), g.over65Mild(), g.over65Moderate(),
                g.over65Severe()};
        Scenario.AgeBands b = s.ageBands();
        Scenario.AgeBandEffect[] bands = {b.age65to74(), b.age75to84(), b.age85plus()};
        for (int i = 0; i < 3; i++) {
            ageCrisis[i] = bands[i].crisis();
            ageDeath[i] = bands[i].death();
            ageLos[i] = bands[i].los();
        }
        structure = normaliseAgeDeath(s);
        double[][] perYear = frailtyPerYear(s);
        for (int f = 0; f < 3; f++) {
            for (int band = 0; band < 3; band++) {
                frailtyPerDay[f][band] = perYear[f][band] / YEAR;
            }
        }
        double careHome = Math.max(1, s.services().careHomes().crisisMultiplier());
        double[] communityRates = new double[Cohort.COUNT];
        double season = 1 + s.seasonality().amplitude();
        for (int c = 0; c < Cohort.COUNT; c++) {
            crisisPerDay[c] = groups[c].crisisRate() / YEAR;
            for (int band = 0; band < 3; band++) {
                majorantPerDay[c][band] = crisisPerDay[c] * (Cohort.isOver65(c) ? ageCrisis[band] * careHome : 1) * season;
            }
            communityRates[c] = communityDeathRate(groups[c].deathRate(), residentShare(s, c), s.services().careHomes().deathRate());
            if (!Cohort.isOver65(c)) {
                pools[c] = riskPool(s, groups[c], communityRates[c], 1);
            }
            residentDeathPerDay[c] = riskPool(s, groups[c], s.services().careHomes().deathRate(),
                    s.services().careHomes().crisisMultiplier()).backgroundPerYear() / YEAR;
        }
        chainPools(s, communityRates, initialMix);
        for (int c = 0; c < Cohort.COUNT; c++) {
            backgroundDeathPerDay[c] = pools[c].backgroundPerYear() / YEAR;
        }
    }

    /** Points of the equal-probability grid over the gamma(k) risk z used for the derivations below. */
    static final int Z_POINTS = 400;

    /**
     * Annual background hazard h of a closed, self-replacing pool (a group, or care-home residents). A person
     * with risk z dies at H(z) = h (1 + (M - 1) f(z)) + a(z) p, where f(z) is the share of time inside a
     * post-crisis mortality window, a(z) the admission rate and p the in-hospital death probability. For
     * crisis rate l = z c, windows of length T (crisis multiplier M_c) form an alternating renewal process:
     * outside, crises come at rate l; a window lasts until no crisis comes for T at rate M_c l, that is
     * (e^x - 1) / (M_c l) with x = M_c l T, and holds e^x crises; f and a follow exactly. Entrants draw z from
     * gamma(k), so the living pool holds z in proportion to g(z) / H(z) and dies at 1 / E_g[1 / H(z)]; h is
     * solved so that this equals -ln(1 - q) (MODEL.md §2). Crises discarded during stays are ignored; a
     * mortality window of another length than the crisis window is scaled in proportion.
     */
    static RiskPool riskPool(Scenario s, Group g, double deathRate, double crisisMultiplier) {
        double[][] parts = hazardParts(s, g, crisisMultiplier);
        double[] inflow = new double[Z_POINTS];
        java.util.Arrays.fill(inflow, 1);
        return solvePool(-Math.log(1 - deathRate), s.postCrisis().mortalityMultiplier() - 1, parts, inflow, 0);
    }

    /**
     * The 65+ frailty states as a chain of pools: entrants come in with gamma(k) risk and the entrant mix,
     * and people move up a state carrying their z, so the frail states hold the survivors of the fitter
     * ones. Solved state by state, each for its own background hazard; transition rates are averaged over
     * the age mix.
     */
    private void chainPools(Scenario s, double[] communityRates, double[][] mix) {
        double[] entrants = s.population().entrantFrailty().toArray();
        double[][] perYear = frailtyPerYear(s);
        double[] previous = null;
        double previousUp = 0;
        for (int f = 0; f < 4; f++) {
            double up = 0;
            double weight = 0;
            for (int b = 0; b < 3 && f < 3; b++) {
                up += mix[b][f] * perYear[f][b];
                weight += mix[b][f];
            }
            up = weight > 0 ? up / weight : 0;
            double[] inflow = new double[Z_POINTS];
            for (int i = 0; i < Z_POINTS; i++) {
                inflow[i] = entrants[f] + (previous == null ? 0 : previousUp * previous[i]);
            }
            int c = Cohort.FIRST_OVER65 + f;
            double[][] parts = hazardParts(s, groups[c], 1);
            pools[c] = solvePool(-Math.log(1 - communityRates[c]), s.postCrisis().mortalityMultiplier() - 1, parts, inflow, up);
            previous = pools[c].occupancy();
            previousUp = up;
        }
    }

    /** Per z grid point: share of time in a mortality window, and in-hospital death hazard (per year). */
    private static double[][] hazardParts(Scenario s, Group g, double crisisMultiplier) {
        double k = s.population().riskShape();
        Scenario.PostCrisis pc = s.postCrisis();
        double window = pc.days() / YEAR;
        double windowRatio = pc.days() > 0 ? Math.min(1, pc.mortalityDays() / pc.days()) : 0;
        double base = g.crisisRate() * crisisMultiplier;
        double[] share = new double[Z_POINTS];
        double[] inHospital = new double[Z_POINTS];
        double[] crises = new double[Z_POINTS];
        for (int i = 0; i < Z_POINTS; i++) {
            double lambda = umontreal.ssj.probdist.GammaDist.inverseF(k, k, 8, (i + 0.5) / Z_POINTS) * base;
            if (lambda <= 0) {
                continue;
            }
            double inside = pc.multiplier() * lambda;
            double x = Math.min(inside * window, 50);
            double windowLength = window > 0 ? Math.expm1(x) / inside : 0;
            double cycle = windowLength + 1 / lambda;
            share[i] = windowRatio * windowLength / cycle;
            crises[i] = Math.exp(x) / cycle;
            inHospital[i] = crises[i] * g.pAeGivenCrisis() * g.pAdmitGivenAe() * g.pDeathInHospital();
        }
        return new double[][]{share, inHospital, crises};
    }

    /**
     * Background hazard h such that a pool fed at inflow(z), left at rate up (to the next state) or by death
     * H(z) = h (1 + m f(z)) + in-hospital(z), dies at the target rate; occupancy n(z) = inflow / (up + H).
     */
    private static RiskPool solvePool(double target, double m, double[][] parts, double[] inflow, double up) {
        double low = 0.05 * target;
        double high = 2 * target;
        if (poolDeathRate(low, m, parts, inflow, up) < target) {
            for (int iter = 0; iter < 100; iter++) {
                double mid = (low + high) / 2;
                if (poolDeathRate(mid, m, parts, inflow, up) < target) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
        }
        double[] occupancy = new double[Z_POINTS];
        double[] cumulative = new double[Z_POINTS];
        double acc = 0;
        double crisisSum = 0;
        for (int i = 0; i < Z_POINTS; i++) {
            double exit = up + low * (1 + m * parts[0][i]) + parts[1][i];
            // nobody leaves (no deaths, no progression): the pool holds its inflow's mix unselected
            occupancy[i] = exit > 0 ? inflow[i] / exit : inflow[i];
            acc += occupancy[i];
            crisisSum += occupancy[i] * parts[2][i];
            cumulative[i] = acc;
        }
        for (int i = 0; i < Z_POINTS; i++) {
            cumulative[i] = acc > 0 ? cumulative[i] / acc : (i + 1.0) / Z_POINTS;
        }
        return new RiskPool(low, cumulative, occupancy, acc > 0 ? crisisSum / acc : 0);
    }

    private static double poolDeathRate(double h, double m, double[][] parts, double[] inflow, double up) {
        double people = 0;
        double deaths = 0;
        for (int i = 0; i < Z_POINTS; i++) {
            double hazard = h * (1 + m * parts[0][i]) + parts[1][i];
            double n = inflow[i] / (up + hazard);
            people += n;
            deaths += n * hazard;
        }
        return people > 0 ? deaths / people : 0;
    }

    /**
     * A pool's background hazard (per year) and the stationary distribution of z among its living members,
     * as cumulative probabilities over the equal-probability gamma grid.
     */
    record RiskPool(double backgroundPerYear, double[] cumulative, double[] occupancy, double meanCrisesPerYear) {
        /** Position (0-1) on the gamma(k) probability scale of the living pool's u-quantile. */
        double gammaPosition(double u) {
            int i = java.util.Arrays.binarySearch(cumulative, u);
            i = i >= 0 ? i : -i - 1;
            i = Math.min(i, cumulative.length - 1);
            double before = i == 0 ? 0 : cumulative[i - 1];
            double width = cumulative[i] - before;
            double fraction = width > 0 ? (u - before) / width : 0.5;
            return (i + fraction) / cumulative.length;
        }
    }

    /**
     * The death rate of a group's members living at home, such that together with its care-home residents
     * the group dies at its all-cause rate: the frailty groups' rates (Clegg 2016) cover both.
     */
    static double communityDeathRate(double groupRate, double residentShare, double residentRate) {
        double total = -Math.log(1 - groupRate);
        double resident = -Math.log(1 - residentRate);
        double community = Math.max(0.1 * total, (total - residentShare * resident) / (1 - residentShare));
        return 1 - Math.exp(-community);
    }

    /**
     * Expected share of a 65+ frailty group living in care homes: the initial care-home places spread over the
     * 65+ population by the community-referral frailty weights, as at day 0.
     */
    double residentShare(Scenario s, int cohort) {
        if (!Cohort.isOver65(cohort)) {
            return 0;
        }
        Scenario.PopulationShares sh = s.population().shares();
        double over65 = (sh.age65to74() + sh.age75to84() + sh.age85plus()) * s.population().size();
        double[] weights = s.communityReferrals().frailtyWeights().toArray();
        double weighted = 0;
        for (int f = 0; f < 4; f++) {
            weighted += initialFrailtyShare[f] * weights[f];
        }
        int f = cohort - Cohort.FIRST_OVER65;
        Scenario.Capacity ch = s.services().careHomes().capacity();
        double residents = ch.initialOccupancy() * ch.places(s.population().size());
        double people = initialFrailtyShare[f] * over65;
        return weighted > 0 && people > 0 ? Math.min(0.9, residents * initialFrailtyShare[f] * weights[f] / weighted / people) : 0;
    }

    /**
     * Age-band death multipliers are rescaled within each frailty state so that the state's mean multiplier
     * over its age mix is 1: frail people are older, and without this the frailty states' death rates
     * (Clegg 2016, all ages 65+) would be exceeded. The age mix is the stationary one, found by iterating
     * the normalisation and the structure together; with {@code initial_structure: given}, the scenario's.
     */
    final double[][] ageDeathByFrailty = new double[4][3];
    /** The 65+ structure the initial population is drawn from (null when the scenario gives it). */
    final StationaryStructure structure;
    /** Initial 65+ mix by age band and frailty state (shares of 65+). */
    private double[][] initialMix;
    /** People of each frailty state in the initial 65+ population, as shares of 65+. */
    final double[] initialFrailtyShare = new double[4];

    private StationaryStructure normaliseAgeDeath(Scenario s) {
        Scenario.PopulationShares sh = s.population().shares();
        double[] bandShare = {sh.age65to74(), sh.age75to84(), sh.age85plus()};
        Scenario.FrailtyByAge fa = s.population().initialFrailty();
        double[][] split = {fa.age65to74().toArray(), fa.age75to84().toArray(), fa.age85plus().toArray()};
        double[][] mix = new double[3][4];
        double sum = bandShare[0] + bandShare[1] + bandShare[2];
        for (int b = 0; b < 3; b++) {
            for (int f = 0; f < 4; f++) {
                mix[b][f] = bandShare[b] * split[b][f] / sum;
            }
        }
        boolean stationary = "stationary".equals(s.population().initialStructure());
        StationaryStructure st = null;
        for (int iteration = 0; iteration < (stationary ? 8 : 1); iteration++) {
            normalise(mix);
            if (stationary) {
                st = new StationaryStructure(frailtyPerYear(s), allCauseDeath(), s.population().entrantFrailty().toArray());
                mix = st.byBandAndFrailty();
            }
        }
        for (int b = 0; b < 3; b++) {
            for (int f = 0; f < 4; f++) {
                initialFrailtyShare[f] += mix[b][f];
            }
        }
        initialMix = mix;
        return st;
    }

    private void normalise(double[][] mix) {
        for (int f = 0; f < 4; f++) {
            double weight = 0;
            double mean = 0;
            for (int b = 0; b < 3; b++) {
                weight += mix[b][f];
                mean += mix[b][f] * ageDeath[b];
            }
            mean = weight > 0 ? mean / weight : 1;
            for (int b = 0; b < 3; b++) {
                ageDeathByFrailty[f][b] = mean > 0 ? ageDeath[b] / mean : 1;
            }
        }
    }

    private double[][] allCauseDeath() {
        double[][] d = new double[4][3];
        for (int f = 0; f < 4; f++) {
            double hazard = -Math.log(1 - groups[Cohort.FIRST_OVER65 + f].deathRate());
            for (int b = 0; b < 3; b++) {
                d[f][b] = hazard * ageDeathByFrailty[f][b];
            }
        }
        return d;
    }

    private static double[][] frailtyPerYear(Scenario s) {
        Scenario.FrailtyProgression fp = s.frailtyProgression();
        return new double[][]{fp.fitToMild().toArray(), fp.mildToModerate().toArray(), fp.moderateToSevere().toArray()};
    }

    private double gammaQuantile(double u) {
        return umontreal.ssj.probdist.GammaDist.inverseF(riskShape, riskShape, 12, u);
    }

    /** Expected crises a year of a living member of the group (clustering included, age and season not). */
    double meanCrisesPerYear(int cohort) {
        return pools[cohort].meanCrisesPerYear();
    }

    /** The initial 65+ mix by age band and frailty state, as shares of the 65+. */
    double[][] initialMix() {
        return initialMix;
    }

    /**
     * z of a person already in the population at day 0: the living pool is poorer in high z than gamma(k),
     * because high risk shortens life, so drawing from gamma(k) would start a dying-off transient.
     */
    double initialRiskMultiplier(int cohort, double u) {
        return riskMultiplier(pools[cohort].gammaPosition(u));
    }

    /** The persistent risk multiplier z for a uniform u: gamma with shape k and mean 1 (MODEL.md §2). */
    double riskMultiplier(double u) {
        double x = u * GAMMA_TABLE;
        int i = (int) x;
        if (i >= GAMMA_TABLE - 1) {
            return gammaQuantile(u); // the far tail, exactly
        }
        double w = x - i;
        return gammaQuantiles[i] * (1 - w) + gammaQuantiles[i + 1] * w;
    }

    public Group group(int cohort) {
        return groups[cohort];
    }

    static int ageBand(double age) {
        return age < 75 ? 0 : age < 85 ? 1 : 2;
    }
}
