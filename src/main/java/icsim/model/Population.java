package icsim.model;

import java.util.Arrays;

/**
 * Person state as a structure of arrays indexed by population slot (one array per field, no object per
 * person), so a million people fit in a few hundred MB. A slot is refilled by an entrant when its occupant
 * dies; {@code generation} tells the occupants apart.
 */
final class Population {
    static final byte LIVES_ALONE = 1;
    static final byte HAS_PACKAGE = 2;       // holds a home-care place (running, or held while in hospital)
    static final byte NURSING = 4;           // care-home resident in a nursing bed
    static final byte SELF_FUNDER = 8;       // care-home resident paying for themselves
    static final byte IN_REABLEMENT = 16;
    static final byte PACKAGE_LOST = 32;     // a held package was released during the current stay
    static final byte ESCALATED = 64;        // need escalated once by deconditioning in the current stay
    static final byte RESIDENT = (byte) 0x80; // lives in a care home (keeps the place while in hospital)

    final int size;
    final int[] generation;
    final byte[] cohort;
    final byte[] place;
    final byte[] flags;
    final float[] z;
    /** Age at day 0 (age at t is ageAtZero + t / 365); NaN under 65. */
    final double[] ageAtZero;

    // hazard bookkeeping: remaining Exp(1) budgets, current hazards and when they were last accounted
    final double[] deathBudget;
    final double[] frailtyBudget;
    final double[] deathHazard;
    final double[] frailtyHazard;
    final double[] hazardSince;
    final double[] deathTime;
    final double[] frailtyTime;
    final double[] recomputeTime;
    final double[] nextCandidate;
    final int[] candidateIndex;
    /** Extra candidates inside a post-crisis window (superposed on the base stream): next time, window number, index. */
    final double[] nextExtra;
    final int[] windowCount;
    final int[] extraIndex;
    final byte[] band;               // age band the hazards were last computed for
    final int[] frailtyTransitions;
    final double[] postCrisisUntil;
    final double[] mortalityUntil;

    // the current episode (acute stay, step-up, IC stay)
    final int[] stayStamp;
    final int[] packageStamp;
    final int[] reablementStamp;
    final int[] serviceCount;
    final long[] stayCrisis;         // key of the crisis that started the current episode
    final byte[] stayCohort;         // cohort at the crisis that started the stay
    final double[] crisisTime;
    final double[] bedTime;
    final double[] mffdTime;
    final double[] phaseStart;
    final byte[] phase;              // -1 treatment, else DelayReason ordinal
    final byte[] need;
    final double[] lastDischarge;

    // waiting-list membership: which list (WAIT_*), ticket to recognise stale entries, and since when
    final byte[] waitingFor;
    final int[] ticket;
    final double[] listedSince;

    // outcome tracking
    final double[] firstAdmission;       // first admission in the current period (NaN if none)
    final double[] previousFirstAdmission;
    final byte[] firstAdmissionCohort;
    final byte[] previousFirstAdmissionCohort;
    final float[] acuteCost;             // this period, for the concentration metric

    Population(int size) {
        this.size = size;
        generation = new int[size];
        cohort = new byte[size];
        place = new byte[size];
        flags = new byte[size];
        z = new float[size];
        ageAtZero = new double[size];
        deathBudget = new double[size];
        frailtyBudget = new double[size];
        deathHazard = new double[size];
        frailtyHazard = new double[size];
        hazardSince = new double[size];
        deathTime = new double[size];
        frailtyTime = new double[size];
        recomputeTime = new double[size];
        nextCandidate = new double[size];
        candidateIndex = new int[size];
        nextExtra = new double[size];
        windowCount = new int[size];
        extraIndex = new int[size];
        band = new byte[size];
        frailtyTransitions = new int[size];
        postCrisisUntil = new double[size];
        mortalityUntil = new double[size];
        stayStamp = new int[size];
        packageStamp = new int[size];
        reablementStamp = new int[size];
        serviceCount = new int[size];
        stayCrisis = new long[size];
        stayCohort = new byte[size];
        crisisTime = new double[size];
        bedTime = new double[size];
        mffdTime = new double[size];
        phaseStart = new double[size];
        phase = new byte[size];
        need = new byte[size];
        lastDischarge = new double[size];
        waitingFor = new byte[size];
        ticket = new int[size];
        listedSince = new double[size];
        firstAdmission = new double[size];
        previousFirstAdmission = new double[size];
        firstAdmissionCohort = new byte[size];
        previousFirstAdmissionCohort = new byte[size];
        acuteCost = new float[size];
        Arrays.fill(lastDischarge, Double.NEGATIVE_INFINITY);
        Arrays.fill(firstAdmission, Double.NaN);
        Arrays.fill(previousFirstAdmission, Double.NaN);
    }

    boolean has(int p, byte flag) {
        return (flags[p] & flag) != 0;
    }

    void set(int p, byte flag, boolean on) {
        flags[p] = (byte) (on ? flags[p] | flag : flags[p] & ~flag);
    }

    double age(int p, double t) {
        return ageAtZero[p] + t / Rates.YEAR;
    }

    boolean over65(int p) {
        return Cohort.isOver65(cohort[p]);
    }

    int frailty(int p) {
        return cohort[p] - Cohort.FIRST_OVER65;
    }
}
