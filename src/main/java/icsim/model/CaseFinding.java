package icsim.model;

import icsim.engine.Periods;
import icsim.scenario.Scenario;

import java.util.Arrays;

/**
 * Case-finding for case management (MODEL.md §5): monthly, ends enrolments that have run their course and
 * fills the free caseload with the highest-ranked eligible people among those integration covers (the caseload
 * is never more than the people covered). prior_admissions ranks people with at least n emergency admissions in
 * the window (as Evercare did); predicted_risk ranks the {@link RiskScore}, a noisy score of each person's true
 * admission hazard whose AUC for an admission within a year matches the scenario (PARR-30: 0.70). Prior-use
 * targeting picks people at a transient peak of risk, so part of their later fall is regression to the mean:
 * that is reproduced, not assumed.
 */
final class CaseFinding {
    static final double MONTH = Periods.YEAR / 12;

    private final CareSystem sys;
    private final Population pop;
    private final Coverage coverage;
    private final Scenario.CaseFinding rule;
    private final boolean byPriorAdmissions;
    private final int n;
    private final int caseload;
    /** Day each enrolment ends (NaN when not enrolled). */
    private final float[] enrolledUntil;
    /** The last n admission times of each person, a ring (NaN = none); only for prior_admissions. */
    private final float[] admissions;
    private final byte[] ringNext;
    private int enrolled;
    /** The predicted-risk score; null for prior_admissions. */
    private final RiskScore score;

    CaseFinding(CareSystem sys) {
        this.sys = sys;
        this.pop = sys.pop;
        this.coverage = sys.coverage;
        Scenario.Integration in = sys.scenario.integration();
        this.rule = in.caseFinding();
        this.byPriorAdmissions = "prior_admissions".equals(rule.rule());
        this.n = rule.priorAdmissions();
        Scenario.CaseManagement cm = in.caseManagement();
        this.caseload = (int) Math.round(cm.ftePer100k() * cm.caseloadPerFte() * pop.size / 100_000.0);
        this.enrolledUntil = new float[pop.size];
        Arrays.fill(enrolledUntil, Float.NaN);
        this.admissions = byPriorAdmissions ? new float[pop.size * n] : new float[0];
        this.ringNext = byPriorAdmissions ? new byte[pop.size] : new byte[0];
        Arrays.fill(admissions, Float.NaN);
        this.score = byPriorAdmissions ? null : new RiskScore(sys, rule.auc());
    }

    /** Remembers an emergency admission for the prior-admissions rule. */
    void recordAdmission(int p, double t) {
        if (!byPriorAdmissions) {
            return;
        }
        admissions[p * n + ringNext[p]] = (float) t;
        ringNext[p] = (byte) ((ringNext[p] + 1) % n);
    }

    /** p died at t: the slot's next occupant starts with no history and no enrolment. */
    void forget(int p, double t) {
        if (pop.careHas(p, Population.ENROLLED)) {
            enrolled--;
            sys.enrolledOverTime.set(t, enrolled);
        }
        enrolledUntil[p] = Float.NaN;
        if (byPriorAdmissions) {
            Arrays.fill(admissions, p * n, p * n + n, Float.NaN);
            ringNext[p] = 0;
        }
    }

    /** AUC the predicted-risk score achieved at the first case-finding (NaN for prior_admissions). */
    double achievedAuc() {
        return score == null ? Double.NaN : score.achievedAuc();
    }

    /** The monthly run at t (month = 0, 1, … from the start of integration). */
    void monthly(double t, int month) {
        for (int p = 0; p < pop.size; p++) {
            if (pop.careHas(p, Population.ENROLLED) && t >= enrolledUntil[p] - 1e-6) {
                pop.careSet(p, Population.ENROLLED, false);
                enrolledUntil[p] = Float.NaN;
                enrolled--;
            }
        }
        int free = coverage.caseload(caseload) - enrolled;
        if (free <= 0) {
            sys.enrolledOverTime.set(t, enrolled);
            return;
        }
        if (score != null && !score.calibrated()) {
            score.calibrate(t, this::eligible);
        }
        int[] chosen = RiskScore.top(pop.size, free, p -> key(p, t, month));
        float until = (float) (t + rule.enrolmentMonths() * MONTH);
        for (int p : chosen) {
            pop.careSet(p, Population.ENROLLED, true);
            enrolledUntil[p] = until;
            enrolled++;
            sys.tally(Tally.ENROLMENTS, pop.cohort(p), 1);
            sys.log(p, t, "case_management_enrolment", Place.label(pop.place(p)), rule.rule());
        }
        sys.enrolledOverTime.set(t, enrolled);
    }

    private boolean eligible(int p) {
        byte place = pop.place(p);
        return place != Place.DEAD && !pop.careHas(p, Population.ENROLLED) && !pop.has(p, Population.RESIDENT)
                && ("all".equals(rule.ages()) || pop.over65(p));
    }

    /** The rank key of a person (higher = enrolled first), or NaN if the rule does not pick them now. */
    private double key(int p, double t, int month) {
        if (byPriorAdmissions) {
            // the admission history is a dense array, cheaper to test than eligibility
            float oldest = admissions[p * n + ringNext[p]]; // the n-th latest admission
            boolean recent = !Float.isNaN(oldest) && oldest >= t - rule.windowMonths() * MONTH;
            return recent && eligible(p) && coverage.covered(p) ? oldest : Double.NaN;
        }
        return eligible(p) && coverage.covered(p) ? score.key(p, t, month) : Double.NaN;
    }
}
