package icsim.model;

import icsim.scenario.Scenario;
import icsim.scenario.Scenario.Group;
import icsim.scenario.Scenario.NeedMix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expected load of each capacity-limited service, arrivals x mean time in service / places, computed from a
 * scenario without running it (MODEL.md §9). It is approximate and errs high (crises lost during stays are
 * ignored): a load at or above 0.95 on a service with a waiting list means a queue that may never clear,
 * which is a scenario error, not a result. Step-up has no list (a full service sends people to A&E), so its
 * load above 1 only means referrals are refused.
 */
public final class LoadEstimate {
    public static final double WARNING = 0.95;
    /** Services without a waiting list: overflow goes elsewhere, so a high load is not a growing queue. */
    public static final java.util.Set<String> NO_LIST = java.util.Set.of("step_up");

    private LoadEstimate() {
    }

    /** Service name -> expected load (occupied share of places at steady state). */
    public static Map<String, Double> of(Scenario s) {
        Rates rates = new Rates(s);
        int n = s.population().size();
        Scenario.PopulationShares sh = s.population().shares();
        double over65 = sh.age65to74() + sh.age75to84() + sh.age85plus();
        double[][] mix = rates.initialMix();
        double[] people = new double[Cohort.COUNT];
        people[0] = sh.under65Well() * n;
        people[1] = sh.under65Ltc() * n;
        Scenario.Discharge d = s.discharge();
        double admissions = 0;
        double bedDays = 0;
        double stepUpArrivals = 0;
        double[] needs = new double[Need.values().length];
        for (int c = 0; c < Cohort.COUNT; c++) {
            Group g = rates.group(c);
            double ageCrisis = 1;
            double ageLos = 1;
            double shift = 1;
            if (Cohort.isOver65(c)) {
                int f = c - Cohort.FIRST_OVER65;
                double weight = 0;
                ageCrisis = 0;
                ageLos = 0;
                for (int b = 0; b < 3; b++) {
                    weight += mix[b][f];
                    ageCrisis += mix[b][f] * rates.ageCrisis[b];
                    ageLos += mix[b][f] * rates.ageLos[b];
                }
                people[c] = over65 > 0 ? weight * over65 * n : 0;
                if (!(people[c] > 0)) {
                    continue; // nobody in this state (e.g. a population without the 65+)
                }
                ageCrisis /= weight;
                ageLos /= weight;
                Scenario.SupportShift ss = d.supportShift();
                double livesAlone = s.population().livesAlone();
                shift = new double[]{ss.fit(), ss.mild(), ss.moderate(), ss.severe()}[f] * (1 - livesAlone + livesAlone * ss.livesAlone());
            }
            double crises = people[c] * rates.meanCrisesPerYear(c) * ageCrisis;
            double admitted = crises * g.pAeGivenCrisis() * g.pAdmitGivenAe();
            double overnight = admitted * (1 - g.sameDayShare());
            NeedMix m = Cohort.isOver65(c) ? d.needMix65plus() : d.needMixUnder65();
            double[] shares = {0, m.restart(), m.reablement() * shift, m.newPackage() * shift, m.stepDown() * shift, m.careHome() * shift};
            double supported = 0;
            for (int i = 1; i < shares.length; i++) {
                needs[i] += overnight * shares[i];
                if (i >= 2) {
                    supported += shares[i];
                }
            }
            double process = supported * (d.assessmentDays().mean() + d.handoffDays().mean() + d.informationDelayDays().mean()
                    + d.reassessmentProb() * d.reassessmentDays()) + m.restart() * d.informationDelayDays().mean()
                    + 2.0 / 7 * (1 - d.weekendFactor()) * 1.5;
            admissions += admitted;
            bedDays += admitted * g.sameDayShare() * 0.5 + overnight * (g.treatmentLosMean() * ageLos + process);
            Scenario.StepUp su = s.stepUp();
            double aeBound = g.pAeGivenCrisis();
            double admitBound = 1 - aeBound * g.pAdmitGivenAe();
            double low = Math.max(1 - aeBound, admitBound - su.band() * (1 - su.substitutionShare()));
            double high = Math.min(1, admitBound + su.band() * su.substitutionShare());
            Scenario.FirstContact fc = g.firstContact();
            double routed = (su.referralRoutes().contains("gp") ? fc.gp() : 0) + (su.referralRoutes().contains("nhs111") ? fc.nhs111() : 0)
                    + (su.referralRoutes().contains("ambulance") ? fc.ambulance() : 0);
            stepUpArrivals += crises * routed * Math.max(0, high - low);
        }
        Scenario.Services sv = s.services();
        // step-ups that replace an admission and do not escalate take those admissions out of the beds
        double stepUpThroughput = Math.min(stepUpArrivals, sv.stepUp().places(n) * Rates.YEAR / s.stepUp().losDays());
        double diverted = Math.min(admissions, stepUpThroughput * s.stepUp().substitutionShare() * (1 - s.stepUp().escalationProb()));
        if (admissions > 0) {
            bedDays *= 1 - diverted / admissions;
        }
        Scenario.CommunityReferrals cr = s.communityReferrals();
        double per100k = n / 100_000.0;
        double reablementIn = needs[Need.REABLEMENT.ordinal()] + cr.reablement() * per100k;
        double packagesIn = needs[Need.NEW_PACKAGE.ordinal()] + reablementIn * sv.reablement().conversionToPackage() + cr.newPackage() * per100k;
        double stepDownIn = needs[Need.STEP_DOWN.ordinal()];
        double careHomesIn = needs[Need.CARE_HOME.ordinal()] + stepDownIn * sv.icBeds().afterStepDown().careHome() + cr.careHome() * per100k;
        // package holders are frail: their packages also end at death (severe-frailty death rate)
        double packageYears = 1 / (Rates.YEAR / (sv.homeCare().meanWeeks() * 7) - Math.log(1 - rates.group(Cohort.OVER65_SEVERE.ordinal()).deathRate()));
        double careHomeYears = 1 / -Math.log(1 - sv.careHomes().deathRate());
        // a shared pool's background adds its own load to acute beds and care homes
        Scenario.SharedPool pool = sv.sharedPool();
        double others = pool.catchment(n) - n;
        bedDays += others * pool.acuteAdmissionsPer1000() / 1000 * pool.acuteMeanStayDays();
        double backgroundResidents = others * pool.careHomeAdmissionsPer1000() / 1000 * pool.careHomeMeanStayDays() / Rates.YEAR;
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("acute_beds", ratio(bedDays / Rates.YEAR, sv.acutePlaces(n)));
        load.put("step_up", ratio(stepUpArrivals * s.stepUp().losDays() / Rates.YEAR, sv.stepUp().places(n)));
        load.put("ic_beds", ratio(stepDownIn * sv.icBeds().stepDownDays().mean() / Rates.YEAR, sv.icBeds().capacity().places(n)));
        load.put("reablement", ratio(reablementIn * sv.reablement().meanDays() / Rates.YEAR, sv.reablement().capacity().places(n)));
        load.put("home_care", ratio(packagesIn * packageYears, sv.homeCare().capacity().places(n)));
        load.put("care_homes", ratio(careHomesIn * careHomeYears + backgroundResidents, sv.careHomePlaces(n)));
        return load;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.POSITIVE_INFINITY;
    }
}
