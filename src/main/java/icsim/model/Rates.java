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
        normaliseAgeDeath(s);
        Scenario.FrailtyProgression fp = s.frailtyProgression();
        double[][] perYear = {fp.fitToMild().toArray(), fp.mildToModerate().toArray(), fp.moderateToSevere().toArray()};
        for (int f = 0; f < 3; f++) {
            for (int band = 0; band < 3; band++) {
                frailtyPerDay[f][band] = perYear[f][band] / YEAR;
            }
        }
        double careHome = Math.max(1, s.services().careHomes().crisisMultiplier());
        double season = 1 + s.seasonality().amplitude();
        for (int c = 0; c < Cohort.COUNT; c++) {
            crisisPerDay[c] = groups[c].crisisRate() / YEAR;
            for (int band = 0; band < 3; band++) {
                majorantPerDay[c][band] = crisisPerDay[c] * (Cohort.isOver65(c) ? ageCrisis[band] * careHome : 1) * season;
            }
            double communityRate = communityDeathRate(groups[c].deathRate(), residentShare(s, c), s.services().careHomes().deathRate());
            backgroundDeathPerDay[c] = backgroundDeathHazard(s, groups[c], communityRate, 1) / YEAR;
            residentDeathPerDay[c] = backgroundDeathHazard(s, groups[c], s.services().careHomes().deathRate(),
                    s.services().careHomes().crisisMultiplier()) / YEAR;
        }
    }

    /**
     * Annual background hazard h such that h x (1 + (M - 1) f) + admissions x p(in-hospital death) equals the
     * all-cause hazard -ln(1 - q) (MODEL.md §2). For a person with crisis rate l = z c, windows of length T
     * (crisis multiplier M_c) form an alternating renewal process: outside, crises come at rate l; a window
     * lasts until no crisis comes for T at rate M_c l, i.e. (e^a - 1) / (M_c l) with a = M_c l T, and holds
     * e^a crises. f and the crisis rate follow exactly; both are averaged over the gamma(k) risk z. (Crises
     * discarded during stays are ignored; a mortality window of another length is scaled in proportion.)
     */
    static double backgroundDeathHazard(Scenario s, Group g, double deathRate, double crisisMultiplier) {
        double target = -Math.log(1 - deathRate);
        double k = s.population().riskShape();
        Scenario.PostCrisis pc = s.postCrisis();
        double window = pc.days() / YEAR;
        double windowRatio = pc.days() > 0 ? Math.min(1, pc.mortalityDays() / pc.days()) : 0;
        double base = g.crisisRate() * crisisMultiplier;
        int points = 400;
        double meanRate = 0;
        double meanWindowShare = 0;
        for (int i = 0; i < points; i++) {
            double lambda = umontreal.ssj.probdist.GammaDist.inverseF(k, k, 8, (i + 0.5) / points) * base;
            if (lambda <= 0) {
                continue;
            }
            double inside = pc.multiplier() * lambda;
            double a = Math.min(inside * window, 50);
            double windowLength = window > 0 ? Math.expm1(a) / inside : 0;
            double cycle = windowLength + 1 / lambda;
            meanRate += Math.exp(a) / cycle / points;
            meanWindowShare += windowRatio * windowLength / cycle / points;
        }
        double admissions = meanRate * g.pAeGivenCrisis() * g.pAdmitGivenAe();
        double inHospital = admissions * g.pDeathInHospital();
        double h = (target - inHospital) / (1 + (pc.mortalityMultiplier() - 1) * meanWindowShare);
        return Math.max(h, 0.05 * target);
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
    static double residentShare(Scenario s, int cohort) {
        if (!Cohort.isOver65(cohort)) {
            return 0;
        }
        Scenario.PopulationShares sh = s.population().shares();
        double[] bandShare = {sh.age65to74(), sh.age75to84(), sh.age85plus()};
        Scenario.FrailtyByAge fa = s.population().initialFrailty();
        double[][] split = {fa.age65to74().toArray(), fa.age75to84().toArray(), fa.age85plus().toArray()};
        double[] weights = s.communityReferrals().frailtyWeights().toArray();
        double[] people = new double[4];
        double weighted = 0;
        for (int f = 0; f < 4; f++) {
            for (int b = 0; b < 3; b++) {
                people[f] += bandShare[b] * split[b][f] * s.population().size();
            }
            weighted += people[f] * weights[f];
        }
        int f = cohort - Cohort.FIRST_OVER65;
        Scenario.Capacity ch = s.services().careHomes().capacity();
        double residents = ch.initialOccupancy() * ch.places(s.population().size());
        return weighted > 0 && people[f] > 0 ? Math.min(0.9, residents * people[f] * weights[f] / weighted / people[f]) : 0;
    }

    /**
     * Age-band death multipliers are rescaled within each frailty state so that the state's mean multiplier,
     * over the initial age mix of that state, is 1: frail people are older, and without this the frailty
     * states' death rates (Clegg 2016, all ages 65+) would be exceeded.
     */
    final double[][] ageDeathByFrailty = new double[4][3];

    private void normaliseAgeDeath(Scenario s) {
        Scenario.PopulationShares sh = s.population().shares();
        double[] bandShare = {sh.age65to74(), sh.age75to84(), sh.age85plus()};
        Scenario.FrailtyByAge fa = s.population().initialFrailty();
        double[][] split = {fa.age65to74().toArray(), fa.age75to84().toArray(), fa.age85plus().toArray()};
        for (int f = 0; f < 4; f++) {
            double weight = 0;
            double mean = 0;
            for (int b = 0; b < 3; b++) {
                double w = bandShare[b] * split[b][f];
                weight += w;
                mean += w * ageDeath[b];
            }
            mean = weight > 0 ? mean / weight : 1;
            for (int b = 0; b < 3; b++) {
                ageDeathByFrailty[f][b] = mean > 0 ? ageDeath[b] / mean : 1;
            }
        }
    }

    private double gammaQuantile(double u) {
        return umontreal.ssj.probdist.GammaDist.inverseF(riskShape, riskShape, 12, u);
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
