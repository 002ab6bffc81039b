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
    /** Scenario-independent-in-form majorant of the crisis hazard per unit z (MODEL.md §6 thinning). */
    final double[] majorantPerDay = new double[Cohort.COUNT];
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
        Scenario.FrailtyProgression fp = s.frailtyProgression();
        double[][] perYear = {fp.fitToMild().toArray(), fp.mildToModerate().toArray(), fp.moderateToSevere().toArray()};
        for (int f = 0; f < 3; f++) {
            for (int band = 0; band < 3; band++) {
                frailtyPerDay[f][band] = perYear[f][band] / YEAR;
            }
        }
        double maxAgeCrisis = Math.max(ageCrisis[0], Math.max(ageCrisis[1], ageCrisis[2]));
        double careHome = Math.max(1, s.services().careHomes().crisisMultiplier());
        double season = 1 + s.seasonality().amplitude();
        double post = s.postCrisis().multiplier();
        double maxOver65 = 0;
        for (int c = 0; c < Cohort.COUNT; c++) {
            crisisPerDay[c] = groups[c].crisisRate() / YEAR;
            if (Cohort.isOver65(c)) {
                maxOver65 = Math.max(maxOver65, crisisPerDay[c]);
            }
        }
        for (int c = 0; c < Cohort.COUNT; c++) {
            double top = Cohort.isOver65(c) ? maxOver65 * maxAgeCrisis * careHome : crisisPerDay[c];
            majorantPerDay[c] = top * season * post;
            backgroundDeathPerDay[c] = backgroundDeathHazard(s, groups[c], groups[c].deathRate(), 1) / YEAR;
            residentDeathPerDay[c] = backgroundDeathHazard(s, groups[c], s.services().careHomes().deathRate(),
                    s.services().careHomes().crisisMultiplier()) / YEAR;
        }
    }

    /**
     * Annual background hazard h such that h x (1 + (M - 1) f) + admissions x p(in-hospital death) equals the
     * all-cause hazard -ln(1 - q). f is the expected share of time inside a post-crisis mortality window for a
     * person with gamma(k) risk: 1 - E[exp(-z c T)] = 1 - (1 + c T / k)^-k.
     */
    static double backgroundDeathHazard(Scenario s, Group g, double deathRate, double crisisMultiplier) {
        double target = -Math.log(1 - deathRate);
        double k = s.population().riskShape();
        double windowYears = s.postCrisis().mortalityDays() / YEAR;
        double crisisRate = g.crisisRate() * crisisMultiplier;
        double f = 1 - Math.pow(1 + crisisRate * windowYears / k, -k);
        double admissions = crisisRate * g.pAeGivenCrisis() * g.pAdmitGivenAe();
        double inHospital = admissions * g.pDeathInHospital();
        double h = (target - inHospital) / (1 + (s.postCrisis().mortalityMultiplier() - 1) * f);
        return Math.max(h, 0.05 * target);
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
