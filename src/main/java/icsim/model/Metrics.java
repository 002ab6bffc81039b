package icsim.model;

import icsim.engine.CapacityService;
import icsim.engine.Periods;
import icsim.output.ReplicationResult;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a finished replication's tallies into the stable metric ids of MODEL.md §7. Counts are per year
 * (annual means over the measured years); shares and rates are fractions (0-1); durations are days;
 * money is £ a year unless the id says otherwise.
 */
final class Metrics {
    private final CareSystem sys;
    private final double end;

    Metrics(CareSystem sys) {
        this.sys = sys;
        this.end = sys.periods.endDay();
    }

    ReplicationResult result() {
        int years = sys.periods.measuredYears();
        Map<String, Double> overall = system(1, years);
        double[] los = sys.measuredLos.toArray();
        Percentile percentile = new Percentile();
        overall.put("median_los_days", los.length == 0 ? Double.NaN : percentile.evaluate(los, 50));
        overall.put("p95_los_days", los.length == 0 ? Double.NaN : percentile.evaluate(los, 95));
        Map<Integer, Map<String, Double>> byYear = new LinkedHashMap<>();
        for (int y = 1; y <= years; y++) {
            byYear.put(y, system(y, y));
        }
        Map<String, Map<String, Double>> byCohort = new LinkedHashMap<>();
        for (Cohort c : Cohort.values()) {
            byCohort.put(c.label(), cohort(c.ordinal(), years));
        }
        double personYears = 0;
        for (int p = 0; p < sys.periods.count(); p++) {
            personYears += sum(Tally.PERSON_DAYS, p, p, 0, Cohort.COUNT) / Periods.YEAR;
        }
        return new ReplicationResult(sys.replication, overall, byYear, byCohort,
                new ReplicationResult.DailySeries(sys.serviceNames(), sys.dailyOccupancy, sys.dailyWaiting),
                sys.ledger.lines(), sys.events, personYears, sys.cumulativeCost, sys.personCosts.result());
    }

    private double sum(Tally t, int from, int to, int cFrom, int cTo) {
        double s = 0;
        for (int c = cFrom; c < cTo; c++) {
            for (int p = from; p <= to; p++) {
                s += sys.tallies[t.ordinal()][c][p];
            }
        }
        return s;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private double serviceIntegral(CapacityService s, int from, int to) {
        double v = 0;
        for (int p = from; p <= to; p++) {
            v += s.occupancyIntegral(end, p);
        }
        return v;
    }

    private double meanWait(CapacityService s, int from, int to) {
        double wait = 0;
        double served = 0;
        for (int p = from; p <= to; p++) {
            wait += s.waitDaysServed(p);
            served += s.servedFromList(p);
        }
        return served == 0 ? 0 : wait / served;
    }

    /** Mean days a place was held, over the holders whose stays ended in the periods. */
    private static double meanStay(CapacityService s, int from, int to) {
        double days = 0;
        double stays = 0;
        for (int p = from; p <= to; p++) {
            days += s.stayDays(p);
            stays += s.staysEnded(p);
        }
        return ratio(days, stays);
    }

    private double occupancy(CapacityService s, int from, int to) {
        double places = 0;
        for (int p = from; p <= to; p++) {
            places += s.capacityIntegral(end, p);
        }
        return ratio(serviceIntegral(s, from, to), places);
    }

    /** System-wide metrics over measured periods from..to (inclusive). */
    private Map<String, Double> system(int from, int to) {
        int all = Cohort.COUNT;
        int o = Cohort.FIRST_OVER65;
        double years = to - from + 1;
        double personYears = sum(Tally.PERSON_DAYS, from, to, 0, all) / Periods.YEAR;
        double personYears65 = sum(Tally.PERSON_DAYS, from, to, o, all) / Periods.YEAR;
        double admissions = sum(Tally.ADMISSIONS, from, to, 0, all);
        double bedDays = 0; // the population's: a shared pool's background is in the occupancy only
        for (int p = from; p <= to; p++) {
            bedDays += sys.acuteBeds.peopleOccupancyIntegral(end, p);
        }
        double delayed = 0;
        double[] byReason = new double[DelayReason.COUNT];
        for (DelayReason r : DelayReason.values()) {
            for (int p = from; p <= to; p++) {
                byReason[r.ordinal()] += sys.delayedByReason[r.ordinal()][p];
            }
            delayed += byReason[r.ordinal()];
        }
        double census = 0;
        double[] bands = new double[3];
        for (int p = from; p <= to; p++) {
            double total = sys.ageBandCensus[p][0] + sys.ageBandCensus[p][1] + sys.ageBandCensus[p][2] + sys.ageBandCensus[p][3];
            for (int b = 0; b < 3; b++) {
                bands[b] += ratio(sys.ageBandCensus[p][b + 1], total);
            }
            census++;
        }
        double days = 0;
        double above92 = 0;
        double above95 = 0;
        double full = 0;
        double top1 = 0;
        double los85 = 0;
        double los85n = 0;
        for (int p = from; p <= to; p++) {
            days += sys.daysCounted[p];
            above92 += sys.acuteDaysAbove92[p];
            above95 += sys.acuteDaysAbove95[p];
            full += sys.acuteDaysFull[p];
            top1 += sys.top1pctShare[p];
            los85 += sys.overnightLos85Sum[p];
            los85n += sys.overnightLos85Count[p];
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("population_mean", personYears / years);
        m.put("share_65_74", bands[0] / census);
        m.put("share_75_84", bands[1] / census);
        m.put("share_85plus", bands[2] / census);
        String[] frailty = {"fit", "mild", "moderate", "severe"};
        for (int f = 0; f < 4; f++) {
            m.put("frailty_" + frailty[f] + "_share_65plus", ratio(sum(Tally.PERSON_DAYS, from, to, o + f, o + f + 1) / Periods.YEAR, personYears65));
        }
        double deaths = sum(Tally.DEATHS, from, to, 0, all);
        m.put("deaths", deaths / years);
        m.put("deaths_per_1000", 1000 * ratio(deaths, personYears));
        m.put("death_rate_65plus", ratio(sum(Tally.DEATHS, from, to, o, all), personYears65));
        m.put("deaths_in_hospital", sum(Tally.DEATHS_IN_HOSPITAL, from, to, 0, all) / years);
        m.put("crises", sum(Tally.CRISES, from, to, 0, all) / years);
        m.put("resolved_at_first_contact", sum(Tally.RESOLVED_AT_FIRST_CONTACT, from, to, 0, all) / years);
        m.put("nhs111_calls", sum(Tally.NHS111_CALLS, from, to, 0, all) / years);
        m.put("ambulance_calls", sum(Tally.AMBULANCE_CALLS, from, to, 0, all) / years);
        double ae = sum(Tally.AE_ATTENDANCES, from, to, 0, all);
        m.put("ae_attendances", ae / years);
        m.put("ae_attendances_per_1000", 1000 * ratio(ae, personYears));
        m.put("ae_admitted_share_65plus", ratio(sum(Tally.AE_ADMITTED, from, to, o, all), sum(Tally.AE_ATTENDANCES, from, to, o, all)));
        m.put("emergency_admissions", admissions / years);
        m.put("direct_admissions", sum(Tally.DIRECT_ADMISSIONS, from, to, 0, all) / years);
        m.put("emergency_admissions_per_1000", 1000 * ratio(admissions, personYears));
        m.put("emergency_admissions_per_1000_65plus", 1000 * ratio(sum(Tally.ADMISSIONS, from, to, o, all), personYears65));
        double boarding = sum(Tally.BOARDING_HOURS, from, to, 0, all);
        m.put("ae_boarding_hours", boarding / years);
        m.put("ae_boarding_hours_per_admission", ratio(boarding, admissions));
        m.put("ae_boarded_share", ratio(sum(Tally.BOARDED, from, to, 0, all), admissions));
        double diverted = sum(Tally.ADMISSIONS_DIVERTED, from, to, 0, all);
        m.put("admissions_diverted", diverted / years);
        m.put("acute_blocking_probability", ratio(diverted, admissions + diverted));
        m.put("step_up_episodes", sum(Tally.STEP_UPS, from, to, 0, all) / years);
        m.put("step_up_substitutions", sum(Tally.STEP_UP_SUBSTITUTIONS, from, to, 0, all) / years);
        m.put("step_up_escalations", sum(Tally.STEP_UP_ESCALATIONS, from, to, 0, all) / years);
        m.put("step_up_refused_full", sum(Tally.STEP_UP_REFUSED_FULL, from, to, 0, all) / years);
        m.put("acute_bed_days", bedDays / years);
        m.put("treatment_bed_days", (bedDays - delayed) / years);
        m.put("delayed_transfer_bed_days", delayed / years);
        for (DelayReason r : DelayReason.values()) {
            m.put("delayed_days_" + r.label(), byReason[r.ordinal()] / years);
        }
        m.put("mffd_bed_share", ratio(delayed, bedDays));
        m.put("mean_los_days", ratio(sum(Tally.LOS_SUM, from, to, 0, all), sum(Tally.STAYS_ENDED, from, to, 0, all)));
        m.put("mean_los_days_overnight", ratio(sum(Tally.OVERNIGHT_LOS_SUM, from, to, 0, all), sum(Tally.OVERNIGHT_STAYS_ENDED, from, to, 0, all)));
        m.put("mean_los_days_85plus", ratio(los85, los85n));
        int severe = Cohort.OVER65_SEVERE.ordinal();
        m.put("mean_los_days_severe", ratio(sum(Tally.OVERNIGHT_LOS_SUM, from, to, severe, severe + 1),
                sum(Tally.OVERNIGHT_STAYS_ENDED, from, to, severe, severe + 1)));
        m.put("same_day_share", ratio(sum(Tally.SAME_DAY_ADMISSIONS, from, to, 0, all), admissions));
        m.put("acute_occupancy_mean", occupancy(sys.acuteBeds, from, to));
        m.put("acute_days_above_92pct", ratio(above92, days));
        m.put("acute_days_above_95pct", ratio(above95, days));
        m.put("acute_days_full", ratio(full, days));
        m.put("readmission_30d_rate", ratio(sum(Tally.READMISSIONS_30D, from, to, 0, all), sum(Tally.DISCHARGES_ALIVE, from, to, 0, all)));
        m.put("mortality_1y_after_admission", ratio(sum(Tally.DEATHS_WITHIN_1Y_OF_ADMISSION, from, to, 0, all),
                sum(Tally.FIRST_ADMISSIONS_FOLLOWED, from, to, 0, all)));
        m.put("top1pct_acute_cost_share", top1 / years);
        m.put("days_at_home_per_person_65plus", Periods.YEAR * ratio(sum(Tally.PERSON_DAYS_AT_HOME, from, to, o, all),
                sum(Tally.PERSON_DAYS, from, to, o, all)));
        double fromHospital = sum(Tally.CARE_HOME_FROM_HOSPITAL, from, to, 0, all);
        double fromIc = sum(Tally.CARE_HOME_FROM_IC, from, to, 0, all);
        double fromCommunity = sum(Tally.CARE_HOME_FROM_COMMUNITY, from, to, 0, all);
        m.put("care_home_admissions", (fromHospital + fromIc + fromCommunity) / years);
        m.put("care_home_admissions_from_hospital", (fromHospital + fromIc) / years);
        m.put("care_home_admissions_from_community", fromCommunity / years);
        m.put("home_care_packages_started", sum(Tally.PACKAGES_STARTED, from, to, 0, all) / years);
        m.put("reablement_episodes", sum(Tally.REABLEMENT_STARTED, from, to, 0, all) / years);
        m.put("step_down_episodes", sum(Tally.STEP_DOWN_STARTED, from, to, 0, all) / years);
        m.put("deconditioned", sum(Tally.DECONDITIONED, from, to, 0, all) / years);
        m.put("step_up_occupancy_mean", occupancy(sys.stepUp, from, to));
        m.put("ic_bed_occupancy_mean", occupancy(sys.icBeds, from, to));
        m.put("reablement_occupancy_mean", occupancy(sys.reablement, from, to));
        m.put("home_care_occupancy_mean", occupancy(sys.homeCare, from, to));
        m.put("care_home_occupancy_mean", occupancy(sys.careHomes, from, to));
        for (CapacityService s : sys.services) {
            if (s != sys.acuteBeds) {
                m.put(s.name() + "_mean_stay_days", meanStay(s, from, to));
            }
        }
        m.put("wait_days_reablement", meanWait(sys.reablement, from, to));
        m.put("wait_days_home_care", meanWait(sys.homeCare, from, to));
        m.put("wait_days_ic_bed", meanWait(sys.icBeds, from, to));
        m.put("wait_days_care_home", meanWait(sys.careHomes, from, to));
        m.put("community_wait_days_per_1000", 1000 * ratio(sum(Tally.COMMUNITY_WAIT_DAYS, from, to, 0, all), personYears));
        m.put("gp_consultations", sum(Tally.GP_CONTACTS, from, to, 0, all) / years);
        integration(m, from, to, years);
        costs(m, from, to, years, personYears);
        return m;
    }

    /** What the integration mechanisms did (MODEL.md §5, §7). */
    private void integration(Map<String, Double> m, int from, int to, double years) {
        int all = Cohort.COUNT;
        m.put("coverage_share", sys.coverage.share(from, to));
        m.put("case_manager_contacts", sum(Tally.CASE_MANAGER_CONTACTS, from, to, 0, all) / years);
        m.put("front_door_diversions", sum(Tally.FRONT_DOOR_DIVERSIONS, from, to, 0, all) / years);
        m.put("d2a_episodes", sum(Tally.D2A_EPISODES, from, to, 0, all) / years);
        m.put("d2a_occupancy_mean", occupancy(sys.d2a, from, to));
        m.put("follow_ups", sum(Tally.FOLLOW_UPS, from, to, 0, all) / years);
        m.put("case_management_enrolments", sum(Tally.ENROLMENTS, from, to, 0, all) / years);
        double enrolledDays = 0;
        for (int p = from; p <= to; p++) {
            enrolledDays += sys.enrolledOverTime.integral(end, p);
        }
        m.put("case_management_caseload_mean", enrolledDays / (years * Periods.YEAR));
        double enrolledYears = enrolledDays / Periods.YEAR;
        m.put("enrolled_crises_per_1000", 1000 * ratio(sum(Tally.ENROLLED_CRISES, from, to, 0, all), enrolledYears));
        m.put("enrolled_admissions_per_1000", 1000 * ratio(sum(Tally.ENROLLED_ADMISSIONS, from, to, 0, all), enrolledYears));
        m.put("case_finding_auc", sys.caseFinding == null ? Double.NaN : sys.caseFinding.achievedAuc());
        m.put("reinvested_places", sys.reinvestedPlaces[to]);
        double averted = 0;
        double saved = 0;
        double saving = 0;
        for (int p = from; p <= to; p++) {
            averted += sys.avertedAdmissions[p];
            saved += sys.savedBedDays[p] + sys.avertedAdmissionDays[p];
            saving += sys.attributedSaving(p);
        }
        m.put("attributed_admissions_averted", averted / years);
        m.put("attributed_bed_days_saved", saved / years);
        m.put("attributed_financial_saving", saving / years);
    }

    private void costs(Map<String, Double> m, int from, int to, double years, double personYears) {
        Ledger l = sys.ledger;
        double economic = 0;
        double financial = 0;
        double discounted = 0;
        double[] payers = new double[Payer.values().length];
        double[] sectors = new double[Sector.values().length];
        for (int p = from; p <= to; p++) {
            double e = l.periodTotal(p, Ledger.ECONOMIC, null, null);
            economic += e;
            financial += l.periodTotal(p, Ledger.FINANCIAL, null, null);
            discounted += e * l.discountFactor(p);
            for (Payer y : Payer.values()) {
                payers[y.ordinal()] += l.periodTotal(p, Ledger.ECONOMIC, null, y);
            }
            for (Sector s : Sector.values()) {
                sectors[s.ordinal()] += l.periodTotal(p, Ledger.ECONOMIC, s, null);
            }
        }
        double setup = 0;
        double running = 0;
        double pooled = 0;
        for (int p = from; p <= to; p++) {
            setup += l.integrationTotal(p, true);
            running += l.integrationTotal(p, false);
            pooled += l.pooledTotal(p, Ledger.ECONOMIC);
        }
        m.put("integration_setup_cost_total", setup);
        m.put("integration_running_cost", running / years);
        m.put("integration_cost", (setup + running) / years);
        m.put("cost_fund_pooled", pooled / years);
        m.put("total_cost", economic / years);
        m.put("total_cost_financial", financial / years);
        m.put("total_cost_discounted", discounted);
        m.put("cost_per_capita", ratio(economic, personYears));
        for (Payer y : Payer.values()) {
            m.put("cost_" + y.label(), payers[y.ordinal()] / years);
        }
        for (Sector s : Sector.values()) {
            m.put("cost_" + s.label(), sectors[s.ordinal()] / years);
        }
        for (Sector s : Sector.values()) {
            double income = 0;
            for (int p = from; p <= to; p++) {
                income += l.income(p, s);
            }
            m.put("income_" + s.label(), income / years);
            m.put("margin_" + s.label(), (income - sectors[s.ordinal()]) / years);
        }
    }

    private Map<String, Double> cohort(int c, int years) {
        int from = 1;
        int to = years;
        int next = c + 1;
        double personYears = sum(Tally.PERSON_DAYS, from, to, c, next) / Periods.YEAR;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("population_mean", personYears / years);
        m.put("crises_per_1000", 1000 * ratio(sum(Tally.CRISES, from, to, c, next), personYears));
        m.put("ae_attendances_per_1000", 1000 * ratio(sum(Tally.AE_ATTENDANCES, from, to, c, next), personYears));
        m.put("emergency_admissions_per_1000", 1000 * ratio(sum(Tally.ADMISSIONS, from, to, c, next), personYears));
        m.put("step_up_episodes_per_1000", 1000 * ratio(sum(Tally.STEP_UPS, from, to, c, next), personYears));
        m.put("deaths_per_1000", 1000 * ratio(sum(Tally.DEATHS, from, to, c, next), personYears));
        m.put("acute_bed_days_per_1000", 1000 * ratio(sum(Tally.BED_DAYS, from, to, c, next), personYears));
        m.put("delayed_transfer_bed_days_per_1000", 1000 * ratio(sum(Tally.DELAYED_DAYS, from, to, c, next), personYears));
        m.put("mean_los_days_overnight", ratio(sum(Tally.OVERNIGHT_LOS_SUM, from, to, c, next), sum(Tally.OVERNIGHT_STAYS_ENDED, from, to, c, next)));
        m.put("readmission_30d_rate", ratio(sum(Tally.READMISSIONS_30D, from, to, c, next), sum(Tally.DISCHARGES_ALIVE, from, to, c, next)));
        m.put("mortality_1y_after_admission", ratio(sum(Tally.DEATHS_WITHIN_1Y_OF_ADMISSION, from, to, c, next),
                sum(Tally.FIRST_ADMISSIONS_FOLLOWED, from, to, c, next)));
        m.put("care_home_admissions_per_1000", 1000 * ratio(sum(Tally.CARE_HOME_FROM_HOSPITAL, from, to, c, next)
                + sum(Tally.CARE_HOME_FROM_IC, from, to, c, next) + sum(Tally.CARE_HOME_FROM_COMMUNITY, from, to, c, next), personYears));
        m.put("days_at_home_per_person", Periods.YEAR * ratio(sum(Tally.PERSON_DAYS_AT_HOME, from, to, c, next),
                sum(Tally.PERSON_DAYS, from, to, c, next)));
        m.put("community_wait_days_per_1000", 1000 * ratio(sum(Tally.COMMUNITY_WAIT_DAYS, from, to, c, next), personYears));
        return m;
    }
}
