package icsim.model;

import icsim.engine.TimeWeighted;
import icsim.scenario.Scenario;

/**
 * Who the person-level integration mechanisms act on (integration.coverage; MODEL.md §8, L1 and L3): everyone
 * (rule all), the top share of the living by the case-finding risk score, ranked at the start of integration and
 * re-ranked every 12 months (predicted_risk), or people in the listed cohorts (cohorts). Coverage is judged
 * at each crisis and holds for the episode the crisis starts, so every step of one stay gets the same answer.
 * Under rule all (and predicted_risk with share 1) nothing here touches the model's state.
 */
final class Coverage {
    private final CareSystem sys;
    private final Population pop;
    private final boolean everyone;
    private final boolean byRisk;
    private final double share;
    private final boolean[] cohortCovered = new boolean[Cohort.COUNT];
    /** The risk score of the ranking; null unless ranking by predicted risk. */
    private final RiskScore score;
    /** People the ranking covers, over time (predicted_risk). */
    private final TimeWeighted rankedOverTime;
    private int ranked;

    Coverage(CareSystem sys) {
        this.sys = sys;
        this.pop = sys.pop;
        Scenario.Coverage c = sys.scenario.integration().coverage();
        this.share = c.share();
        this.byRisk = "predicted_risk".equals(c.rule());
        this.everyone = "all".equals(c.rule()) || byRisk && share >= 1;
        for (Cohort cohort : Cohort.values()) {
            cohortCovered[cohort.ordinal()] = c.cohorts().contains(cohort.label());
        }
        this.score = byRisk && !everyone ? new RiskScore(sys, sys.scenario.integration().caseFinding().auc()) : null;
        this.rankedOverTime = new TimeWeighted(sys.periods);
    }

    /** Whether everyone is covered (rule all, or the top 100 % by risk). */
    boolean everyone() {
        return everyone;
    }

    /** Whether p is covered now. */
    boolean covered(int p) {
        if (everyone) {
            return true;
        }
        return score != null ? pop.careHas(p, Population.COVERED) : cohortCovered[pop.cohort(p)];
    }

    /** At a crisis: whether the mechanisms act on the episode it starts. */
    void judge(int p) {
        if (!everyone) {
            pop.careSet(p, Population.COVERED_EPISODE, covered(p));
        }
    }

    /** Whether the mechanisms act on p's current episode (judged at its crisis). */
    boolean coversEpisode(int p) {
        return everyone || pop.careHas(p, Population.COVERED_EPISODE);
    }

    /**
     * predicted_risk: covers the top share of the living by the risk score of this month (month = 0, 12, 24 … of
     * integration), with the noise calibrated, once, on the living.
     */
    void rank(double t, int month) {
        if (score == null) {
            return;
        }
        if (!score.calibrated()) {
            score.calibrate(t, p -> pop.place(p) != Place.DEAD);
        }
        int k = (int) Math.round(share * living());
        int[] chosen = RiskScore.top(pop.size, k,
                p -> pop.place(p) != Place.DEAD ? score.key(p, t, month) : Double.NaN);
        for (int p = 0; p < pop.size; p++) {
            pop.careSet(p, Population.COVERED, false);
        }
        for (int p : chosen) {
            pop.careSet(p, Population.COVERED, true);
        }
        ranked = chosen.length;
        rankedOverTime.set(t, ranked);
    }

    /** p died: the slot's next occupant is not covered until the next ranking. */
    void forget(int p, double t) {
        if (score != null && pop.careHas(p, Population.COVERED)) {
            ranked--;
            rankedOverTime.set(t, ranked);
        }
    }

    private double living() {
        double n = 0;
        for (int c = 0; c < Cohort.COUNT; c++) {
            n += sys.alive[c].level();
        }
        return n;
    }

    /** Living people covered now. */
    double coveredNow() {
        if (everyone) {
            return living();
        }
        if (score != null) {
            return ranked;
        }
        double n = 0;
        for (int c = 0; c < Cohort.COUNT; c++) {
            if (cohortCovered[c]) {
                n += sys.alive[c].level();
            }
        }
        return n;
    }

    /** Share of the living covered now (1 under rule all). */
    double shareNow() {
        if (everyone) {
            return 1;
        }
        double living = living();
        return living > 0 ? coveredNow() / living : 0;
    }

    /** The case-management caseload: the configured one, or fewer when fewer people are covered. */
    int caseload(int configured) {
        return everyone ? configured : (int) Math.min(configured, Math.round(coveredNow()));
    }

    /** Case managers employed: the configured FTE, or the covered people ÷ caseload per FTE when fewer. */
    double caseManagerFte(double configured, int caseloadPerFte) {
        return everyone ? configured : Math.min(configured, coveredNow() / caseloadPerFte);
    }

    /** Time-averaged share of the living covered over periods from..to (1 under rule all). */
    double share(int from, int to) {
        if (everyone) {
            return 1;
        }
        double covered = 0;
        double alive = 0;
        for (int p = from; p <= to; p++) {
            for (int c = 0; c < Cohort.COUNT; c++) {
                double days = sys.tallies[Tally.PERSON_DAYS.ordinal()][c][p];
                alive += days;
                if (score == null && cohortCovered[c]) {
                    covered += days;
                }
            }
            if (score != null) {
                covered += rankedOverTime.integral(sys.periods.endDay(), p);
            }
        }
        return alive > 0 ? covered / alive : Double.NaN;
    }
}
