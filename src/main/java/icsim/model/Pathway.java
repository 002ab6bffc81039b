package icsim.model;

import icsim.engine.CapacityService;
import icsim.engine.Periods;
import icsim.engine.WaitingList;
import icsim.scenario.Scenario;
import icsim.scenario.Scenario.Group;
import icsim.scenario.Scenario.NeedMix;

/**
 * The crisis pathway of MODEL.md §3: first contact, step-up, A&E, the acute stay, the discharge process
 * with its delayed-transfer reasons, deconditioning, and the community and social-care services after it.
 * The skeleton is fixed; scenarios change branch probabilities, delays and capacities.
 */
final class Pathway {
    static final int BED_REQUEST = 1;
    static final int MFFD = 2;
    static final int STEP_DONE = 3;
    static final int LEAVE = 4;
    static final int HOSPITAL_DEATH = 5;
    static final int STEP_UP_END = 6;
    static final int STEP_DOWN_END = 7;
    static final int REABLEMENT_END = 8;
    static final int PACKAGE_END = 9;
    static final int PACKAGE_HOLD_EXPIRY = 10;
    static final int D2A_STEP = 11;
    private static final byte TREATMENT = -1;
    /** First contacts and step-up referral routes (MODEL.md §3 step 2, §5); the A&E front door only refers. */
    static final String[] CONTACTS = {"gp", "nhs111", "ambulance", "case_manager", "ae_front_door"};
    private static final int CASE_MANAGER = 3;
    private static final int AE_FRONT_DOOR = 4;

    private final CareSystem sys;
    private final Population pop;
    private final Scenario sc;
    private final Group[] groups;
    private final Periods periods;
    private final WaitingList.Liveness[] liveness = new WaitingList.Liveness[6];
    private final Mechanisms mech;
    private final Scenario.Integration in;
    private final boolean divertsWhenFull;
    private final boolean exponentialStays;

    Pathway(CareSystem sys) {
        this.sys = sys;
        this.pop = sys.pop;
        this.sc = sys.scenario;
        this.groups = sys.rates.groups;
        this.periods = sys.periods;
        for (byte code = 1; code < 6; code++) {
            final byte c = code;
            liveness[code] = (person, ticket) -> pop.waitingFor[person] == c && pop.ticket[person] == ticket;
        }
        this.mech = sys.mech;
        this.in = sc.integration();
        this.divertsWhenFull = "divert".equals(sc.ae().whenNoBed());
        this.exponentialStays = "exponential".equals(sc.severity().losDistribution());
    }

    private double u(int p, int purpose, long index) {
        return sys.u(p, purpose, index);
    }

    private void tally(Tally t, int cohort, double amount) {
        sys.tally(t, cohort, amount);
    }

    /** Books p's activity to the ledger and to p's own cost (all NHS or local authority). */
    private void cost(int p, CostCategory category, Payer payer, double amount) {
        sys.ledger.post(sys.period(), category, payer, amount);
        sys.personCosts.post(p, amount);
    }

    // ------------------------------------------------------------------------------------- crisis

    /** A crisis for p (MODEL.md §3 steps 1-4); k is its candidate number, which keys all its draws. */
    void crisis(int p, double t, long k) {
        int c = pop.cohort(p);
        Group g = groups[c];
        tally(Tally.CRISES, c, 1);
        sys.coverage.judge(p); // whether integration acts on the episode this crisis starts
        sys.openWindow(p, t);
        double severity = u(p, Purpose.SEVERITY, k);
        int contact = firstContact(g, u(p, Purpose.CONTACT, k));
        boolean enrolled = pop.careHas(p, Population.ENROLLED);
        if (enrolled) {
            tally(Tally.ENROLLED_CRISES, c, 1);
            if (u(p, Purpose.REACH, k) < in.caseManagement().reachability() * mech.maturity(t)) {
                contact = CASE_MANAGER;
            }
        }
        chargeFirstContact(p, c, contact);
        double aeBoundary = 1 - g.pAeGivenCrisis();
        double admitBoundary = 1 - g.pAeGivenCrisis() * Math.min(1, g.pAdmitGivenAe() * admitRr(p, c, t));
        if (severity >= 1 - g.pAeGivenCrisis() * g.pAdmitGivenAe() && severity < admitBoundary) {
            sys.attributeAvertedAdmission(p, c, t); // admission-bound but for a relative risk
        }
        if (severity < aeBoundary) {
            tally(Tally.RESOLVED_AT_FIRST_CONTACT, c, 1);
            sys.log(p, t, "crisis", "home", "resolved_" + CONTACTS[contact]);
            return;
        }
        sys.log(p, t, "crisis", Place.label(pop.place(p)), CONTACTS[contact]);
        boolean admissionBound = severity >= admitBoundary;
        Scenario.StepUp stepUp = sc.stepUp();
        double bandLow = Math.max(aeBoundary, admitBoundary - stepUp.band() * (1 - stepUp.substitutionShare()));
        double bandHigh = admitBoundary + stepUp.band() * stepUp.substitutionShare();
        if (mech.canRefer(contact, p, u(p, Purpose.ROUTE_OPEN, k), t) && severity >= bandLow && severity < bandHigh
                && !pop.has(p, Population.RESIDENT)) {
            if (sys.stepUp.hasFreePlace()) {
                startStepUp(p, t, k, admissionBound);
                pop.careSet(p, Population.STEP_UP_BY_INTEGRATION, admissionBound && !mech.standingRoute(contact));
                return;
            }
            tally(Tally.STEP_UP_REFUSED_FULL, c, 1);
        }
        attendAe(p, t, k, admissionBound);
    }

    /**
     * Relative risk of admission for an A&E attender (MODEL.md §5): case management for the enrolled, enhanced
     * support for care-home residents, the front-door frailty team for frail people. 1 exactly when all are off.
     */
    private double admitRr(int p, int c, double t) {
        double rr = 1;
        if (pop.careHas(p, Population.ENROLLED)) {
            rr *= mech.rr(in.caseManagement().enabled(), in.caseManagement().admitRr(), t);
        }
        Scenario.CareHomeSupport home = in.careHomeSupport();
        if (pop.has(p, Population.RESIDENT) && (home.nursingHomes() || !pop.has(p, Population.NURSING))) {
            rr *= mech.rr(home.enabled(), p, home.admitRr(), t);
        }
        if (isFrail(c)) {
            rr *= mech.rr(in.frontDoorFrailty().enabled(), p, in.frontDoorFrailty().admitRr(), t);
        }
        return rr;
    }

    /** Frail: 65+ with at least mild frailty (eFI). */
    private static boolean isFrail(int c) {
        return c >= Cohort.OVER65_MILD.ordinal();
    }

    private static int firstContact(Group g, double u) {
        Scenario.FirstContact f = g.firstContact();
        return u < f.gp() ? 0 : u < f.gp() + f.nhs111() ? 1 : 2;
    }

    private void chargeFirstContact(int p, int c, int contact) {
        Scenario.Costs costs = sc.costs();
        switch (contact) {
            case 0 -> {
                tally(Tally.GP_CONTACTS, c, 1);
                cost(p, CostCategory.GP_CONSULTATION, Payer.NHS, costs.gpConsultation());
            }
            case 1 -> {
                tally(Tally.NHS111_CALLS, c, 1);
                cost(p, CostCategory.NHS111_CALL, Payer.NHS, costs.nhs111Call());
            }
            case CASE_MANAGER -> tally(Tally.CASE_MANAGER_CONTACTS, c, 1); // paid for by the caseload's FTE
            default -> {
                tally(Tally.AMBULANCE_CALLS, c, 1);
                cost(p, CostCategory.AMBULANCE, Payer.NHS, costs.ambulanceSeeAndTreat());
            }
        }
    }

    private void attendAe(int p, double t, long k, boolean admit) {
        int c = pop.cohort(p);
        tally(Tally.AE_ATTENDANCES, c, 1);
        cost(p, CostCategory.AE_ATTENDANCE, Payer.NHS, sc.costs().aeAttendance());
        pop.acuteCost[p] += (float) sc.costs().aeAttendance();
        if (!admit) {
            sys.log(p, t, "ae_attendance", "ae", "sent_home");
            return;
        }
        if (frontDoorDiverts(p, c, t, k)) {
            tally(Tally.FRONT_DOOR_DIVERSIONS, c, 1);
            sys.log(p, t, "ae_attendance", "ae", "frailty_team_to_step_up");
            startStepUp(p, t, k, true);
            pop.careSet(p, Population.STEP_UP_BY_INTEGRATION, true);
            return;
        }
        tally(Tally.AE_ADMITTED, c, 1);
        sys.log(p, t, "ae_attendance", "ae", "admitted");
        beginEpisode(p, t, k);
        sys.moveTo(p, t, Place.AE);
        sys.countInAe++;
        sys.at(t + sc.ae().hoursToDecision() / 24.0, BED_REQUEST, p, pop.stayStamp[p]);
    }

    /** The front-door frailty team sends a frail admission-bound attender to step-up (MODEL.md §3 step 4). */
    private boolean frontDoorDiverts(int p, int c, double t, long k) {
        Scenario.FrontDoorFrailty team = in.frontDoorFrailty();
        return isFrail(c) && !pop.has(p, Population.RESIDENT)
                && mech.canRefer(AE_FRONT_DOOR, p, u(p, Purpose.ROUTE_OPEN, k), t)
                && mech.acts(team.enabled(), p, u(p, Purpose.FRONT_DOOR, k), team.diversionShare(), t)
                && sys.stepUp.hasFreePlace();
    }

    private void beginEpisode(int p, double t, long k) {
        if (pop.careHas(p, Population.IN_D2A) && pop.place(p) == Place.HOME) {
            endD2A(p, t);
        }
        leaveList(p, t);
        pop.stayStamp[p]++;
        pop.stayCrisis[p] = k;
        pop.stayCohort[p] = pop.cohort(p);
    }

    // ------------------------------------------------------------------------------------ step-up

    void startStepUp(int p, double t, long k, boolean substitutes) {
        int c = pop.cohort(p);
        sys.stepUp.occupy(t, p);
        beginEpisode(p, t, k);
        sys.moveTo(p, t, Place.STEP_UP);
        tally(Tally.STEP_UPS, c, 1);
        if (substitutes) {
            tally(Tally.STEP_UP_SUBSTITUTIONS, c, 1);
        }
        double days = sc.stepUp().losDays() * -Math.log(u(p, Purpose.STEP_UP_DAYS, k));
        sys.at(t + days, STEP_UP_END, p, pop.stayStamp[p]);
        sys.log(p, t, "step_up_start", "step_up", substitutes ? "instead_of_admission" : "");
    }

    private void endStepUp(int p, double t) {
        long k = pop.stayCrisis[p];
        sys.stepUp.release(t, p);
        boolean byIntegration = pop.careHas(p, Population.STEP_UP_BY_INTEGRATION);
        pop.careSet(p, Population.STEP_UP_BY_INTEGRATION, false);
        sys.moveTo(p, t, pop.has(p, Population.RESIDENT) ? Place.CARE_HOME : Place.HOME);
        if (u(p, Purpose.STEP_UP_ESCALATION, k) < sc.stepUp().escalationProb()) {
            tally(Tally.STEP_UP_ESCALATIONS, pop.cohort(p), 1);
            tally(Tally.DIRECT_ADMISSIONS, pop.cohort(p), 1);
            sys.log(p, t, "step_up_end", "step_up", "escalated_to_admission");
            pop.stayStamp[p]++;
            sys.moveTo(p, t, Place.AE);
            sys.countInAe++;
            requestBed(p, t);
        } else {
            sys.log(p, t, "step_up_end", "step_up", "home");
            if (byIntegration) {
                sys.attributeAvertedAdmission(p, pop.cohort(p), t);
            }
        }
    }

    // ---------------------------------------------------------------------------------- acute stay

    private void requestBed(int p, double t) {
        pop.listedSince[p] = t;
        if (sys.acuteBeds.hasFreePlace() && sys.acuteBeds.waiting() == 0) {
            startStay(p, t, 1.0);
        } else if (divertsWhenFull) {
            // a loss system: admitted elsewhere, outside the model (verification against Erlang B)
            tally(Tally.ADMISSIONS_DIVERTED, pop.stayCohort[p], 1);
            sys.countInAe--;
            pop.stayStamp[p]++;
            sys.moveTo(p, t, pop.has(p, Population.RESIDENT) ? Place.CARE_HOME : Place.HOME);
            sys.log(p, t, "diverted", "ae", "no_bed");
        } else {
            tally(Tally.BOARDED, pop.stayCohort[p], 1);
            enqueue(sys.acuteBeds, CareSystem.WAIT_ACUTE_BED, p, t);
            sys.log(p, t, "boarding", "ae", "no_bed");
        }
    }

    /** p takes an acute bed. residualFraction < 1 only for patients already in hospital at day 0. */
    void startStay(int p, double t, double residualFraction) {
        int c = pop.stayCohort[p];
        long k = pop.stayCrisis[p];
        sys.acuteBeds.occupy(t, p); // first: what follows may free and refill other places
        if (pop.place(p) == Place.AE) {
            sys.countInAe--;
            tally(Tally.BOARDING_HOURS, c, (t - pop.listedSince[p]) * 24);
        }
        if (pop.has(p, Population.IN_REABLEMENT)) {
            endReablement(p, t, false);
        }
        sys.moveTo(p, t, Place.ACUTE_BED);
        pop.bedTime[p] = t;
        pop.phase[p] = TREATMENT;
        pop.set(p, Population.ESCALATED, false);
        pop.set(p, Population.PACKAGE_LOST, false);
        tally(Tally.ADMISSIONS, c, 1);
        if (pop.careHas(p, Population.ENROLLED)) {
            tally(Tally.ENROLLED_ADMISSIONS, c, 1);
        }
        if (sys.caseFinding != null) {
            sys.caseFinding.recordAdmission(p, t);
        }
        if (t - pop.lastDischarge[p] <= 30) {
            tally(Tally.READMISSIONS_30D, c, 1);
        }
        if (Double.isNaN(pop.firstAdmission[p])) {
            pop.firstAdmission[p] = t;
            pop.firstAdmissionCohort[p] = (byte) c;
            if (t >= periods.warmupDays() && t + Periods.YEAR <= periods.endDay()) {
                tally(Tally.FIRST_ADMISSIONS_FOLLOWED, c, 1);
            }
        }
        cost(p, CostCategory.ADMISSION, Payer.NHS, sc.costs().admission());
        pop.acuteCost[p] += (float) sc.costs().admission();

        Group g = groups[c];
        double severity = u(p, Purpose.SEVERITY, k);
        double admitShare = g.pAeGivenCrisis() * g.pAdmitGivenAe();
        double position = residualFraction < 1 ? severity : (severity - (1 - admitShare)) / Math.max(admitShare, 1e-9);
        double rho = sc.severity().losCorrelation();
        double x = rho * CareSystem.normalQuantile(clamp(position))
                + Math.sqrt(1 - rho * rho) * CareSystem.normalQuantile(u(p, Purpose.LOS_NOISE, k));
        double v = clamp(CareSystem.normalCdf(x));
        double sameDay = g.sameDayShare();
        double mult = Cohort.isOver65(c) ? sys.rates.ageLos[Rates.ageBand(pop.age(p, t))] : 1;
        double los;
        boolean overnight;
        if (residualFraction < 1) {
            double whole = stayInProgress(p, g, mult);
            overnight = whole >= 1; // same-day stays are under 0.75 days
            los = whole * residualFraction;
        } else {
            overnight = v >= sameDay;
            if (!overnight) {
                los = 0.25 + 0.5 * v / sameDay;
            } else {
                los = overnightStay(g, mult, clamp((v - sameDay) / (1 - sameDay)));
            }
        }
        if (!overnight) {
            tally(Tally.SAME_DAY_ADMISSIONS, c, 1);
        }
        int stamp = pop.stayStamp[p];
        // in-hospital death rises with age like other deaths (Moore 2018: ~5x at 85+), within the group's mean
        double ageFactor = Cohort.isOver65(c) ? sys.rates.ageDeathByFrailty[c - Cohort.FIRST_OVER65][Rates.ageBand(pop.age(p, t))] : 1;
        double pDeath = overnight ? Math.min(1, g.pDeathInHospital() * ageFactor / (1 - sameDay)) : 0;
        if (u(p, Purpose.IN_HOSPITAL_DEATH, k) < pDeath) {
            sys.at(t + u(p, Purpose.DEATH_POINT, k) * los, HOSPITAL_DEATH, p, stamp);
        } else {
            sys.at(t + los, MFFD, p, stamp);
        }
        if (pop.has(p, Population.HAS_PACKAGE)) {
            sys.at(t + sc.discharge().packageHoldDays(), PACKAGE_HOLD_EXPIRY, p, stamp);
        }
        sys.log(p, t, "admission", "acute_bed", overnight ? "overnight" : "same_day");
    }

    /** An overnight stay at quantile q: 1 day + lognormal (MODEL.md §3), or exponential (verification). */
    private double overnightStay(Group g, double mult, double q) {
        if (exponentialStays) {
            return g.treatmentLosMean() * mult * -Math.log(1 - q);
        }
        double[] muSigma = lognormal(g, mult);
        return 1 + Math.exp(muSigma[0] + muSigma[1] * CareSystem.normalQuantile(q));
    }

    /** mu and sigma of the lognormal part of an overnight stay. */
    private static double[] lognormal(Group g, double mult) {
        double mean = Math.max(0.05, g.treatmentLosMean() * mult - 1);
        double sd = g.treatmentLosSd() * mult;
        double sigma2 = Math.log(1 + sd * sd / (mean * mean));
        return new double[]{Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2)};
    }

    /**
     * The whole length of a stay found in progress at day 0. A census finds long stays more often than short
     * ones (length bias), so the stay is drawn with density proportional to length x the admission density:
     * same-day or overnight in proportion to their bed days; 1 day + lognormal becomes a mixture of the
     * lognormal and the lognormal with mu + sigma^2; an exponential becomes a gamma(2). The caller takes a
     * uniform fraction of it as what is left.
     */
    private double stayInProgress(int p, Group g, double mult) {
        double sameDay = g.sameDayShare();
        double overnightMean = g.treatmentLosMean() * mult;
        double[] u = new double[4];
        for (int i = 0; i < u.length; i++) {
            u[i] = clamp(u(p, Purpose.INITIAL_STAY, i));
        }
        if (u[0] < 0.5 * sameDay / (0.5 * sameDay + (1 - sameDay) * overnightMean)) {
            return Math.sqrt(0.25 * 0.25 + u[1] * (0.75 * 0.75 - 0.25 * 0.25)); // density proportional to s on [0.25, 0.75]
        }
        if (exponentialStays) {
            return overnightMean * (-Math.log(u[1]) - Math.log(u[2]));
        }
        double[] muSigma = lognormal(g, mult);
        double mean = Math.exp(muSigma[0] + muSigma[1] * muSigma[1] / 2);
        double mu = u[1] < 1 / (1 + mean) ? muSigma[0] : muSigma[0] + muSigma[1] * muSigma[1];
        return 1 + Math.exp(mu + muSigma[1] * CareSystem.normalQuantile(u[2]));
    }

    private static double clamp(double u) {
        return Math.min(1 - 1e-9, Math.max(1e-9, u));
    }

    // --------------------------------------------------------------------------- discharge process

    private void mffd(int p, double t) {
        if (t - pop.bedTime[p] < 1) {
            pop.need[p] = (byte) (pop.has(p, Population.RESIDENT) ? Need.RETURN_TO_CARE_HOME : Need.HOME).ordinal();
            leave(p, t);
            return;
        }
        pop.mffdTime[p] = t;
        long k = pop.stayCrisis[p];
        boolean trusted = trustedAssessment(p, k);
        Need need = pop.has(p, Population.RESIDENT) ? Need.RETURN_TO_CARE_HOME
                : drawNeed(p, trusted ? in.trustedAssessment().careHomeRr() : 1);
        if (pop.has(p, Population.HAS_PACKAGE)) {
            if (need == Need.HOME || need == Need.NEW_PACKAGE || need == Need.REABLEMENT) {
                need = Need.RESTART;
            }
        } else if (need == Need.RESTART && pop.has(p, Population.PACKAGE_LOST)) {
            need = Need.NEW_PACKAGE;
        }
        pop.need[p] = (byte) need.ordinal();
        sys.log(p, t, "mffd", "acute_bed", need.name().toLowerCase(java.util.Locale.ROOT));
        if (need.isNewService()) {
            if (holdsD2APlace(p, t, need, k)) {
                readyToLeave(p, t); // assessed after leaving
            } else if (trusted) {
                setPhase(p, t, DelayReason.HANDOFF); // assessed during treatment: done at MFFD
                sys.attributeSavedBedDays(assessmentDays(p, k));
                sys.at(t + handoffInHospital(p, need, k, t), STEP_DONE, p, pop.stayStamp[p]);
            } else {
                setPhase(p, t, DelayReason.ASSESSMENT);
                sys.at(t + assessmentDays(p, k), STEP_DONE, p, pop.stayStamp[p]);
            }
        } else if (need == Need.RESTART) {
            setPhase(p, t, DelayReason.HANDOFF);
            double days = informationDelay(p, k, t);
            sys.attributeSavedBedDays(sc.discharge().informationDelayDays().at(u(p, Purpose.INFORMATION_DAYS, k)) - days);
            sys.at(t + days, STEP_DONE, p, pop.stayStamp[p]);
        } else {
            readyToLeave(p, t);
        }
    }

    /** Whether trusted assessment acts on this stay (decided at MFFD, so the same whenever asked). */
    private boolean trustedAssessment(int p, long k) {
        return mech.acts(in.trustedAssessment().enabled(), p, u(p, Purpose.TRUSTED_ASSESSMENT, k), pop.mffdTime[p]);
    }

    private double assessmentDays(int p, long k) {
        return sc.discharge().assessmentDays().at(u(p, Purpose.ASSESSMENT_DAYS, k));
    }

    /** Information delay of a handoff: fragmented, moving to the shared-records value as it matures. */
    private double informationDelay(int p, long k, double t) {
        double u = u(p, Purpose.INFORMATION_DAYS, k);
        Scenario.SharedRecords shared = in.sharedRecords();
        return mech.delay(shared.enabled(), p, sc.discharge().informationDelayDays().at(u), shared.informationDelayDays().at(u), t);
    }

    /**
     * The handoff between organisations after assessment (MODEL.md §3 step 7.2): funding approval (none under a
     * pooled budget), the information delay, and a reassessment by the other organisation (none once
     * eligibility is aligned).
     */
    private double handoffDays(int p, Need need, long k, double t) {
        Scenario.Discharge d = sc.discharge();
        double funding = (need == Need.CARE_HOME ? d.careHomeFundingDays() : d.handoffDays()).at(u(p, Purpose.HANDOFF_DAYS, k));
        double days = mech.acts(in.pooledBudget().enabled(), p, u(p, Purpose.POOLED_BUDGET, k), t) ? 0 : funding;
        days += informationDelay(p, k, t);
        if (u(p, Purpose.REASSESSMENT, k) < d.reassessmentProb()
                && !mech.acts(in.eligibilityAlignment().enabled(), p, u(p, Purpose.ELIGIBILITY, k), t)) {
            days += d.reassessmentDays();
        }
        return days;
    }

    /** The same handoff in fragmented care: the counterfactual for the savings a mechanism can claim. */
    private double fragmentedHandoffDays(int p, Need need, long k) {
        Scenario.Discharge d = sc.discharge();
        double days = (need == Need.CARE_HOME ? d.careHomeFundingDays() : d.handoffDays()).at(u(p, Purpose.HANDOFF_DAYS, k))
                + d.informationDelayDays().at(u(p, Purpose.INFORMATION_DAYS, k));
        return u(p, Purpose.REASSESSMENT, k) < d.reassessmentProb() ? days + d.reassessmentDays() : days;
    }

    /** A handoff run while p holds an acute bed: the days integration took off it are bed days saved. */
    private double handoffInHospital(int p, Need need, long k, double t) {
        double days = handoffDays(p, need, k, t);
        sys.attributeSavedBedDays(fragmentedHandoffDays(p, need, k) - days);
        return days;
    }

    // ---------------------------------------------------------------------------- discharge to assess

    /** The D2A place a need uses: home with interim support for reablement or a package, else an IC bed. */
    private CapacityService d2aPlaceFor(Need need) {
        return need == Need.REABLEMENT || need == Need.NEW_PACKAGE ? sys.d2a : sys.icBeds;
    }

    /** At MFFD: if D2A acts and a place is free, p takes it now and will leave at once (MODEL.md §5). */
    private boolean holdsD2APlace(int p, double t, Need need, long k) {
        if (!mech.acts(in.d2a().enabled(), p, u(p, Purpose.D2A, k), t)) {
            return false;
        }
        CapacityService place = d2aPlaceFor(need);
        if (!place.hasFreePlace() || place.waiting() > 0) {
            return false;
        }
        place.occupy(t, p);
        pop.careSet(p, Population.IN_D2A, true);
        tally(Tally.D2A_EPISODES, pop.stayCohort[p], 1);
        return true;
    }

    /** p leaves hospital to the D2A place already held: assessed there, then the handoff, then the list. */
    private void startD2A(int p, double t, Need need) {
        if (need == Need.STEP_DOWN) {
            pop.careSet(p, Population.IN_D2A, false); // the IC stay is the step-down itself
            startStepDown(p, t);
            return;
        }
        sys.moveTo(p, t, need == Need.CARE_HOME ? Place.IC_BED : Place.HOME);
        long k = pop.stayCrisis[p];
        // the assessment and handoff no longer held a bed (the wait for a place it would have held is not counted)
        sys.attributeSavedBedDays((trustedAssessment(p, k) ? 0 : assessmentDays(p, k)) + fragmentedHandoffDays(p, need, k));
        if (trustedAssessment(p, k)) {
            pop.phase[p] = (byte) DelayReason.HANDOFF.ordinal();
            sys.at(t + handoffDays(p, need, k, t), D2A_STEP, p, pop.stayStamp[p]);
        } else {
            pop.phase[p] = (byte) DelayReason.ASSESSMENT.ordinal();
            sys.at(t + assessmentDays(p, k), D2A_STEP, p, pop.stayStamp[p]);
        }
        sys.log(p, t, "d2a_start", Place.label(pop.place(p)), need.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The next step of a D2A assessment outside hospital (its days are not delayed-transfer days). */
    private void d2aStep(int p, double t) {
        Need need = Need.values()[pop.need[p]];
        long k = pop.stayCrisis[p];
        if (pop.phase[p] == DelayReason.ASSESSMENT.ordinal()) {
            pop.phase[p] = (byte) DelayReason.HANDOFF.ordinal();
            sys.at(t + handoffDays(p, need, k, t), D2A_STEP, p, pop.stayStamp[p]);
            return;
        }
        pop.phase[p] = TREATMENT;
        if (need == Need.CARE_HOME) {
            requestFromIc(p, t); // keeps the IC bed until a care-home place is free
        } else {
            requestFromHome(p, t, need.waitCode); // keeps the D2A place until the service starts
        }
    }

    /** p leaves the D2A place at home (service started, admitted, or died). */
    private void endD2A(int p, double t) {
        pop.careSet(p, Population.IN_D2A, false);
        sys.d2a.release(t, p);
    }

    /**
     * Draws the discharge need from the mix, shifted toward support by living alone and frailty; careHomeRr
     * (trusted assessment) moves part of the care-home share to a new package.
     */
    private Need drawNeed(int p, double careHomeRr) {
        int c = pop.stayCohort[p];
        boolean old = Cohort.isOver65(c);
        Scenario.Discharge d = sc.discharge();
        double shift = 1;
        if (old) {
            Scenario.SupportShift s = d.supportShift();
            shift = new double[]{s.fit(), s.mild(), s.moderate(), s.severe()}[c - Cohort.FIRST_OVER65];
            if (pop.has(p, Population.LIVES_ALONE)) {
                shift *= s.livesAlone();
            }
        }
        return pickNeed(old ? d.needMix65plus() : d.needMixUnder65(), shift, careHomeRr, u(p, Purpose.NEED, pop.stayCrisis[p]));
    }

    /**
     * Picks from a need mix whose support shares are multiplied by shift (home absorbs the rest) and whose
     * care-home share is multiplied by careHomeRr, the difference going to a new package.
     */
    static Need pickNeed(NeedMix m, double shift, double careHomeRr, double u) {
        double careHome = m.careHome() * shift;
        double averted = careHomeRr == 1 ? 0 : careHome * (1 - careHomeRr);
        double[] shares = {0, m.restart(), m.reablement() * shift, m.newPackage() * shift + averted, m.stepDown() * shift,
                careHome - averted};
        double support = 0;
        for (double s : shares) {
            support += s;
        }
        if (support > 1) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] /= support;
            }
        }
        double acc = 0;
        for (int i = shares.length - 1; i >= 1; i--) {
            acc += shares[i];
            if (u >= 1 - acc) {
                return Need.values()[i];
            }
        }
        return Need.HOME;
    }

    private void stepDone(int p, double t) {
        byte phase = pop.phase[p];
        Need need = Need.values()[pop.need[p]];
        if (phase == DelayReason.ASSESSMENT.ordinal()) {
            setPhase(p, t, DelayReason.HANDOFF);
            sys.at(t + handoffInHospital(p, need, pop.stayCrisis[p], t), STEP_DONE, p, pop.stayStamp[p]);
        } else if (need == Need.RESTART) {
            readyToLeave(p, t);
        } else {
            seekPlace(p, t);
        }
    }

    /** p (in an acute bed) looks for a place in the service its need requires. */
    private void seekPlace(int p, double t) {
        Need need = Need.values()[pop.need[p]];
        if (!need.isNewService()) {
            readyToLeave(p, t);
            return;
        }
        setPhase(p, t, need.waitReason);
        CapacityService service = serviceFor(need.waitCode);
        if (service.hasFreePlace() && service.waiting() == 0) {
            takePlace(p, t, service);
        } else {
            enqueue(service, need.waitCode, p, t);
        }
    }

    /** Returns false if p's need escalated instead, so the place goes to the next person. */
    private boolean takePlace(int p, double t, CapacityService service) {
        if (deconditions(p, t)) {
            seekPlace(p, t);
            return false;
        }
        service.occupy(t, p);
        readyToLeave(p, t);
        return true;
    }

    /** MODEL.md §3 step 8: one uniform drawn at MFFD against 1 - (1 - d)^D, D = delayed days so far. */
    private boolean deconditions(int p, double t) {
        Need need = Need.values()[pop.need[p]];
        if (pop.has(p, Population.ESCALATED) || need == Need.RETURN_TO_CARE_HOME || need == Need.CARE_HOME) {
            return false;
        }
        double delayed = t - pop.mffdTime[p];
        double chance = 1 - Math.pow(1 - sc.deconditioning().perDay(), delayed);
        if (delayed <= 0 || u(p, Purpose.DECONDITION, pop.stayCrisis[p]) >= chance) {
            return false;
        }
        pop.set(p, Population.ESCALATED, true);
        Need escalated = need.escalated();
        if (need == Need.RESTART && pop.has(p, Population.HAS_PACKAGE)) {
            releasePackage(p, t);
        }
        pop.need[p] = (byte) escalated.ordinal();
        tally(Tally.DECONDITIONED, pop.stayCohort[p], 1);
        sys.log(p, t, "deconditioned", "acute_bed", escalated.name().toLowerCase(java.util.Locale.ROOT));
        return true;
    }

    private void readyToLeave(int p, double t) {
        Need need = Need.values()[pop.need[p]];
        if (!need.isNewService() && deconditions(p, t)) {
            seekPlace(p, t);
            return;
        }
        int day = (int) Math.floor(t);
        int weekday = day % 7;
        if (weekday >= 5 && u(p, Purpose.WEEKEND, pop.stayCrisis[p]) >= sc.discharge().weekendFactor()) {
            setPhase(p, t, DelayReason.WEEKEND_DISCHARGE);
            sys.at(t + (7 - weekday), LEAVE, p, pop.stayStamp[p]);
            return;
        }
        leave(p, t);
    }

    private void setPhase(int p, double t, DelayReason reason) {
        if (pop.phase[p] == TREATMENT) {
            sys.medicallyFitInBed++;
        }
        accountPhase(p, t);
        pop.phase[p] = (byte) reason.ordinal();
        pop.phaseStart[p] = t;
        sys.log(p, t, "delay", "acute_bed", reason.label());
    }

    /** Books the days since the phase began to its delayed-transfer reason. */
    private void accountPhase(int p, double t) {
        byte phase = pop.phase[p];
        if (phase == TREATMENT) {
            return;
        }
        double start = pop.phaseStart[p];
        periods.addInterval(sys.delayedByReason[phase], start, t, 1);
        periods.addInterval(sys.tallies[Tally.DELAYED_DAYS.ordinal()][pop.stayCohort[p]], start, t, 1);
        pop.phaseStart[p] = t;
    }

    /** p leaves the acute bed for the destination its need names (a place there is already held). */
    private void leave(int p, double t) {
        endStay(p, t);
        tally(Tally.DISCHARGES_ALIVE, pop.stayCohort[p], 1);
        pop.lastDischarge[p] = t;
        followUp(p, t);
        Need need = Need.values()[pop.need[p]];
        if (pop.careHas(p, Population.IN_D2A)) {
            startD2A(p, t, need);
            sys.log(p, t, "discharge", "acute_bed", "d2a");
            serve(sys.acuteBeds, t);
            return;
        }
        switch (need) {
            case HOME, RESTART -> sys.moveTo(p, t, Place.HOME);
            case RETURN_TO_CARE_HOME -> sys.moveTo(p, t, Place.CARE_HOME);
            case REABLEMENT -> {
                sys.moveTo(p, t, Place.HOME);
                startReablement(p, t);
            }
            case NEW_PACKAGE -> {
                sys.moveTo(p, t, Place.HOME);
                startPackage(p, t);
            }
            case STEP_DOWN -> startStepDown(p, t);
            case CARE_HOME -> enterCareHome(p, t, Tally.CARE_HOME_FROM_HOSPITAL);
        }
        sys.log(p, t, "discharge", "acute_bed", need.name().toLowerCase(java.util.Locale.ROOT));
        serve(sys.acuteBeds, t);
    }

    /** Integrated follow-up after a discharge (MODEL.md §5): damps the post-crisis factor of this window. */
    private void followUp(int p, double t) {
        Scenario.IntegratedFollowUp f = in.integratedFollowUp();
        if (mech.acts(f.enabled(), p, u(p, Purpose.FOLLOW_UP, pop.stayCrisis[p]), t)) {
            pop.careSet(p, Population.FOLLOWED_UP, true);
            tally(Tally.FOLLOW_UPS, pop.stayCohort[p], 1);
            sys.postIntegration(sys.period(), sys.followUpMechanism, false, f.costPerDischarge());
            sys.personCosts.post(p, f.costPerDischarge());
        }
    }

    /** Closes the stay's books (bed days, LOS, delays) and frees the bed; does not move p. */
    private void endStay(int p, double t) {
        if (pop.phase[p] != TREATMENT) {
            sys.medicallyFitInBed--;
        }
        accountPhase(p, t);
        int c = pop.stayCohort[p];
        double bed = pop.bedTime[p];
        double los = t - bed;
        sys.acuteBeds.release(t, p);
        periods.addInterval(sys.tallies[Tally.BED_DAYS.ordinal()][c], bed, t, 1);
        tally(Tally.STAYS_ENDED, c, 1);
        tally(Tally.LOS_SUM, c, los);
        if (los >= 1) {
            tally(Tally.OVERNIGHT_STAYS_ENDED, c, 1);
            tally(Tally.OVERNIGHT_LOS_SUM, c, los);
            if (Cohort.isOver65(c) && pop.age(p, t) >= 85) {
                sys.overnightLos85Sum[sys.period()] += los;
                sys.overnightLos85Count[sys.period()]++;
            }
        }
        if (t >= periods.warmupDays()) {
            sys.measuredLos.add(los);
        }
        pop.stayStamp[p]++;
        pop.phase[p] = TREATMENT;
    }

    /** At the end of the run: book the delays and bed days of people still in hospital, and the waits of those listed. */
    void closeOpenStays(double t) {
        for (int p = 0; p < pop.size; p++) {
            if (pop.waitingFor[p] != CareSystem.WAIT_NONE) {
                endWait(p, pop.waitingFor[p], t);
            }
            if (pop.place(p) == Place.ACUTE_BED) {
                accountPhase(p, t);
                periods.addInterval(sys.tallies[Tally.BED_DAYS.ordinal()][pop.stayCohort[p]], pop.bedTime[p], t, 1);
            }
        }
    }

    // ------------------------------------------------------------------------ services after hospital

    private CapacityService serviceFor(byte waitCode) {
        return switch (waitCode) {
            case CareSystem.WAIT_ACUTE_BED -> sys.acuteBeds;
            case CareSystem.WAIT_REABLEMENT -> sys.reablement;
            case CareSystem.WAIT_PACKAGE -> sys.homeCare;
            case CareSystem.WAIT_IC_BED -> sys.icBeds;
            default -> sys.careHomes;
        };
    }

    private void enqueue(CapacityService service, byte code, int p, double t) {
        pop.waitingFor[p] = code;
        pop.ticket[p]++;
        pop.listedSince[p] = t;
        pop.listedCohort[p] = (byte) pop.cohort(p);
        service.enqueue(t, p, pop.ticket[p]);
    }

    private void leaveList(int p, double t) {
        byte code = pop.waitingFor[p];
        if (code != CareSystem.WAIT_NONE) {
            endWait(p, code, t);
            serviceFor(code).leftList(t);
            pop.waitingFor[p] = CareSystem.WAIT_NONE;
            pop.ticket[p]++;
        }
    }

    /** Books p's days on a community or social-care list (A&E boarding is counted apart) to their cohort on joining. */
    private void endWait(int p, byte code, double t) {
        if (code != CareSystem.WAIT_ACUTE_BED) {
            periods.addInterval(sys.tallies[Tally.COMMUNITY_WAIT_DAYS.ordinal()][pop.listedCohort[p]], pop.listedSince[p], t, 1);
        }
    }

    /** After a capacity rise: gives the new places to the list. */
    void serveList(CapacityService service, double t) {
        serve(service, t);
    }

    /** Gives free places to the people at the head of the service's list, first come first served. */
    private void serve(CapacityService service, double t) {
        byte code = service == sys.acuteBeds ? CareSystem.WAIT_ACUTE_BED
                : service == sys.reablement ? CareSystem.WAIT_REABLEMENT
                : service == sys.homeCare ? CareSystem.WAIT_PACKAGE
                : service == sys.icBeds ? CareSystem.WAIT_IC_BED
                : service == sys.careHomes ? CareSystem.WAIT_CARE_HOME : CareSystem.WAIT_NONE;
        if (code == CareSystem.WAIT_NONE) {
            return;
        }
        while (service.hasFreePlace()) {
            int q = service.pollWaiting(t, liveness[code], pop.listedSince);
            if (q == CapacityService.ANONYMOUS) {
                sys.background.admit(service, t);
                continue;
            }
            if (q < 0) {
                return;
            }
            endWait(q, code, t);
            pop.waitingFor[q] = CareSystem.WAIT_NONE;
            give(service, code, q, t);
        }
    }

    private void give(CapacityService service, byte code, int q, double t) {
        byte place = pop.place(q);
        if (code == CareSystem.WAIT_ACUTE_BED) {
            startStay(q, t, 1.0);
        } else if (place == Place.ACUTE_BED) {
            takePlace(q, t, service);
        } else if (place == Place.IC_BED) {
            service.occupy(t, q);
            leaveStepDown(q, t);
            enterCareHome(q, t, Tally.CARE_HOME_FROM_IC);
        } else {
            service.occupy(t, q);
            startCommunityService(q, t, code);
        }
    }

    private void startCommunityService(int p, double t, byte code) {
        if (pop.careHas(p, Population.IN_D2A)) {
            endD2A(p, t);
        }
        switch (code) {
            case CareSystem.WAIT_REABLEMENT -> startReablement(p, t);
            case CareSystem.WAIT_PACKAGE -> startPackage(p, t);
            default -> enterCareHome(p, t, Tally.CARE_HOME_FROM_COMMUNITY);
        }
    }

    /** p, at home, asks for a service: takes a free place or joins the list. */
    private void requestFromHome(int p, double t, byte code) {
        CapacityService service = serviceFor(code);
        if (service.hasFreePlace() && service.waiting() == 0) {
            service.occupy(t, p);
            startCommunityService(p, t, code);
        } else {
            enqueue(service, code, p, t);
            sys.log(p, t, "waiting", "home", service.name());
        }
    }

    void startReablement(int p, double t) {
        int n = ++pop.serviceCount[p];
        pop.set(p, Population.IN_REABLEMENT, true);
        pop.reablementStamp[p]++;
        double days = sc.services().reablement().meanDays() * (0.5 + u(p, Purpose.REABLEMENT_DAYS, n));
        sys.at(t + days, REABLEMENT_END, p, pop.reablementStamp[p]);
        tally(Tally.REABLEMENT_STARTED, pop.cohort(p), 1);
        cost(p, CostCategory.REABLEMENT_EPISODE, Payer.LOCAL_AUTHORITY, sc.costs().reablementEpisode());
        sys.log(p, t, "reablement_start", Place.label(pop.place(p)), "");
    }

    private void endReablement(int p, double t, boolean completed) {
        pop.set(p, Population.IN_REABLEMENT, false);
        pop.reablementStamp[p]++;
        sys.reablement.release(t, p);
        serve(sys.reablement, t);
        if (completed && !pop.has(p, Population.HAS_PACKAGE)
                && u(p, Purpose.REABLEMENT_OUTCOME, pop.serviceCount[p]) < sc.services().reablement().conversionToPackage()) {
            requestFromHome(p, t, CareSystem.WAIT_PACKAGE);
        }
    }

    void startPackage(int p, double t) {
        int n = ++pop.serviceCount[p];
        pop.set(p, Population.HAS_PACKAGE, true);
        pop.packageStamp[p]++;
        double days = sc.services().homeCare().meanWeeks() * 7 * -Math.log(u(p, Purpose.PACKAGE_WEEKS, n));
        sys.at(t + days, PACKAGE_END, p, pop.packageStamp[p]);
        tally(Tally.PACKAGES_STARTED, pop.cohort(p), 1);
        sys.log(p, t, "package_start", Place.label(pop.place(p)), "");
    }

    private void releasePackage(int p, double t) {
        pop.set(p, Population.HAS_PACKAGE, false);
        pop.packageStamp[p]++;
        sys.homeCare.release(t, p);
        serve(sys.homeCare, t);
    }

    void startStepDown(int p, double t) {
        sys.moveTo(p, t, Place.IC_BED);
        long k = pop.stayCrisis[p];
        pop.stayStamp[p]++;
        double days = sc.services().icBeds().stepDownDays().at(u(p, Purpose.STEP_DOWN_DAYS, k));
        sys.at(t + days, STEP_DOWN_END, p, pop.stayStamp[p]);
        tally(Tally.STEP_DOWN_STARTED, pop.cohort(p), 1);
    }

    private void endStepDown(int p, double t) {
        Need next = pickNeed(sc.services().icBeds().afterStepDown(), 1, 1, u(p, Purpose.STEP_DOWN_OUTCOME, pop.stayCrisis[p]));
        if (next == Need.CARE_HOME) {
            requestFromIc(p, t);
            return;
        }
        leaveStepDown(p, t);
        sys.moveTo(p, t, Place.HOME);
        sys.log(p, t, "step_down_end", "ic_bed", next.name().toLowerCase(java.util.Locale.ROOT));
        if (next == Need.REABLEMENT) {
            requestFromHome(p, t, CareSystem.WAIT_REABLEMENT);
        } else if (next == Need.NEW_PACKAGE && !pop.has(p, Population.HAS_PACKAGE)) {
            requestFromHome(p, t, CareSystem.WAIT_PACKAGE);
        }
    }

    private void requestFromIc(int p, double t) {
        if (sys.careHomes.hasFreePlace() && sys.careHomes.waiting() == 0) {
            sys.careHomes.occupy(t, p);
            leaveStepDown(p, t);
            enterCareHome(p, t, Tally.CARE_HOME_FROM_IC);
        } else {
            enqueue(sys.careHomes, CareSystem.WAIT_CARE_HOME, p, t);
        }
    }

    private void leaveStepDown(int p, double t) {
        pop.careSet(p, Population.IN_D2A, false);
        pop.stayStamp[p]++;
        sys.icBeds.release(t, p);
        serve(sys.icBeds, t);
    }

    /** p moves into a care-home place already held for them; permanent (MODEL.md §3 step 9). */
    void enterCareHome(int p, double t, Tally source) {
        sys.accountHazards(p, t);
        int n = ++pop.serviceCount[p];
        Scenario.CareHomes ch = sc.services().careHomes();
        pop.set(p, Population.RESIDENT, true);
        pop.set(p, Population.NURSING, u(p, Purpose.CARE_HOME_NURSING, n) < ch.nursingShare());
        pop.set(p, Population.SELF_FUNDER, u(p, Purpose.CARE_HOME_SELF_FUNDER, n) < ch.selfFunderShare());
        sys.careHomeByType[careHomeType(pop, p)].add(t, 1);
        sys.personCosts.careHome(p, t, true);
        if (pop.has(p, Population.HAS_PACKAGE)) {
            releasePackage(p, t);
        }
        if (pop.has(p, Population.IN_REABLEMENT)) {
            endReablement(p, t, false);
        }
        sys.moveTo(p, t, Place.CARE_HOME);
        tally(source, pop.cohort(p), 1);
        sys.updateHazards(p, t);
        sys.log(p, t, "care_home_admission", "care_home",
                source == Tally.CARE_HOME_FROM_HOSPITAL ? "from_hospital" : source == Tally.CARE_HOME_FROM_IC ? "from_ic" : "from_community");
    }

    /** Residential LA-funded 0, residential self-funded 1, nursing LA-funded 2, nursing self-funded 3. */
    static int careHomeType(Population pop, int p) {
        return (pop.has(p, Population.NURSING) ? 2 : 0) + (pop.has(p, Population.SELF_FUNDER) ? 1 : 0);
    }

    // ---------------------------------------------------------------------------- community referrals

    /** A referral from the community (MODEL.md §3 step 10): picks a 65+ person at home, weighted by frailty. */
    void communityReferral(int stream, long index, double t) {
        double[] weights = sc.communityReferrals().frailtyWeights().toArray();
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        if (max <= 0) {
            return;
        }
        long key = Purpose.SYSTEM_KEY - stream;
        for (int attempt = 0; attempt < 1000; attempt++) {
            long draw = index * 1000 + attempt;
            int p = (int) (sys.random.uniform(key, Purpose.PICK_SLOT, draw) * pop.size);
            if (!eligibleForReferral(p, stream)) {
                continue;
            }
            if (sys.random.uniform(key, Purpose.PICK_ACCEPT, draw) * max >= weights[pop.frailty(p)]) {
                continue;
            }
            byte code = stream == CareSystem.REFERRAL_REABLEMENT ? CareSystem.WAIT_REABLEMENT
                    : stream == CareSystem.REFERRAL_PACKAGE ? CareSystem.WAIT_PACKAGE : CareSystem.WAIT_CARE_HOME;
            sys.log(p, t, "community_referral", "home", serviceFor(code).name());
            requestFromHome(p, t, code);
            return;
        }
    }

    private boolean eligibleForReferral(int p, int stream) {
        if (!pop.over65(p) || pop.place(p) != Place.HOME || pop.waitingFor[p] != CareSystem.WAIT_NONE
                || pop.careHas(p, Population.IN_D2A)) {
            return false;
        }
        return switch (stream) {
            case CareSystem.REFERRAL_REABLEMENT -> !pop.has(p, Population.IN_REABLEMENT);
            case CareSystem.REFERRAL_PACKAGE -> !pop.has(p, Population.HAS_PACKAGE);
            default -> true;
        };
    }

    // ----------------------------------------------------------------------------------- dispatch

    void onPersonEvent(int kind, int p, int stamp, double t) {
        switch (kind) {
            case REABLEMENT_END -> {
                if (stamp == pop.reablementStamp[p]) {
                    endReablement(p, t, true);
                }
            }
            case PACKAGE_END -> {
                if (stamp == pop.packageStamp[p] && pop.has(p, Population.HAS_PACKAGE)) {
                    releasePackage(p, t);
                }
            }
            default -> {
                if (stamp == pop.stayStamp[p]) {
                    onStayEvent(kind, p, t);
                }
            }
        }
    }

    private void onStayEvent(int kind, int p, double t) {
        switch (kind) {
            case BED_REQUEST -> requestBed(p, t);
            case MFFD -> mffd(p, t);
            case STEP_DONE -> stepDone(p, t);
            case LEAVE -> leave(p, t);
            case HOSPITAL_DEATH -> {
                sys.accountHazards(p, t);
                sys.die(p, t);
            }
            case STEP_UP_END -> endStepUp(p, t);
            case STEP_DOWN_END -> endStepDown(p, t);
            case D2A_STEP -> d2aStep(p, t);
            case PACKAGE_HOLD_EXPIRY -> {
                if (pop.has(p, Population.HAS_PACKAGE) && pop.place(p) == Place.ACUTE_BED) {
                    releasePackage(p, t);
                    pop.set(p, Population.PACKAGE_LOST, true);
                }
            }
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    // ---------------------------------------------------------------------------------------- death

    /** Frees every place p holds or waits for (MODEL.md §3 step 11). */
    void releaseEverything(int p, double t) {
        leaveList(p, t);
        switch (pop.place(p)) {
            case Place.AE -> sys.countInAe--;
            case Place.ACUTE_BED -> {
                Need need = Need.values()[pop.need[p]];
                boolean placeHeld = pop.phase[p] == DelayReason.WEEKEND_DISCHARGE.ordinal() && need.isNewService();
                endStay(p, t);
                if (placeHeld) {
                    CapacityService held = pop.careHas(p, Population.IN_D2A) ? d2aPlaceFor(need) : serviceFor(need.waitCode);
                    held.release(t, p);
                    serve(held, t);
                }
                serve(sys.acuteBeds, t);
            }
            case Place.STEP_UP -> sys.stepUp.release(t, p);
            case Place.HOME -> {
                if (pop.careHas(p, Population.IN_D2A)) {
                    endD2A(p, t);
                }
            }
            case Place.IC_BED -> {
                sys.icBeds.release(t, p);
                serve(sys.icBeds, t);
            }
            default -> {
            }
        }
        if (pop.has(p, Population.RESIDENT)) {
            sys.careHomeByType[careHomeType(pop, p)].add(t, -1);
            sys.personCosts.careHome(p, t, false);
            sys.careHomes.release(t, p);
            serve(sys.careHomes, t);
        }
        if (pop.has(p, Population.IN_REABLEMENT)) {
            pop.set(p, Population.IN_REABLEMENT, false);
            sys.reablement.release(t, p);
            serve(sys.reablement, t);
        }
        if (pop.has(p, Population.HAS_PACKAGE)) {
            releasePackage(p, t);
        }
        pop.flags(p, 0);
    }
}
