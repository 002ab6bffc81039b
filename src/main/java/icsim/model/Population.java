package icsim.model;

import java.util.Arrays;

/**
 * Person state in primitive arrays indexed by population slot, no object per person, so a million people
 * fit in about 300 MB: the fields every health event touches in one strided array, the rest (episodes,
 * waiting lists, outcomes) one array per field. A slot is refilled by an entrant when its occupant dies;
 * {@code generation} tells the occupants apart.
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

    // integration state (byte care): MODEL.md §5 mechanisms acting on this person
    static final byte ENROLLED = 1;          // on a case manager's caseload
    static final byte FOLLOWED_UP = 2;       // had integrated follow-up after the discharge of the current window
    static final byte IN_D2A = 4;            // holds a discharge-to-assess place (at home) or an IC bed for assessment
    static final byte STEP_UP_BY_INTEGRATION = 8; // in a step-up that replaces an admission and that integration opened
    static final byte COVERED = 16;          // in the top share by predicted risk at the last ranking (integration.coverage)
    static final byte COVERED_EPISODE = 32;  // covered at the crisis that started the current episode

    final int size;
    /*
     * The fields a health event touches, packed per person in one strided array so that an event costs one
     * or two cache misses instead of one per field (a million people do not fit in cache). Counters are
     * stored as doubles, which hold them exactly.
     */
    private static final int STRIDE = 23;
    private static final int DEATH_BUDGET = 0;
    private static final int FRAILTY_BUDGET = 1;
    private static final int DEATH_HAZARD = 2;
    private static final int FRAILTY_HAZARD = 3;
    private static final int HAZARD_SINCE = 4;
    private static final int DEATH_TIME = 5;
    private static final int FRAILTY_TIME = 6;
    private static final int RECOMPUTE_TIME = 7;
    private static final int NEXT_CANDIDATE = 8;
    private static final int NEXT_EXTRA = 9;
    private static final int POST_CRISIS_UNTIL = 10;
    private static final int MORTALITY_UNTIL = 11;
    private static final int AGE_AT_ZERO = 12;
    private static final int Z = 13;
    private static final int CANDIDATE_INDEX = 14;
    private static final int EXTRA_INDEX = 15;
    private static final int WINDOW_COUNT = 16;
    private static final int GENERATION = 17;
    private static final int COHORT = 18;
    private static final int PLACE = 19;
    private static final int FLAGS = 20;
    private static final int BAND = 21;
    /** Capitation: this year's cost to the NHS and local authority, less the time-accrued rate x days (PersonCosts). */
    private static final int COST_BASE = 22;
    private final double[] hot;

    final int[] frailtyTransitions;

    // the current episode (acute stay, step-up, IC stay)
    final int[] stayStamp;
    final int[] packageStamp;
    final int[] reablementStamp;
    final int[] serviceCount;
    final long[] stayCrisis;         // key of the crisis that started the current episode
    final byte[] stayCohort;         // cohort at the crisis that started the stay
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
    final byte[] listedCohort;           // cohort when p joined the list they are on

    // outcome tracking
    final double[] firstAdmission;       // first admission in the current period (NaN if none)
    final double[] previousFirstAdmission;
    final byte[] firstAdmissionCohort;
    final byte[] previousFirstAdmissionCohort;
    final float[] acuteCost;             // this period, for the concentration metric
    final byte[] care;

    Population(int size) {
        this.size = size;
        hot = new double[size * STRIDE];
        frailtyTransitions = new int[size];
        stayStamp = new int[size];
        packageStamp = new int[size];
        reablementStamp = new int[size];
        serviceCount = new int[size];
        stayCrisis = new long[size];
        stayCohort = new byte[size];
        bedTime = new double[size];
        mffdTime = new double[size];
        phaseStart = new double[size];
        phase = new byte[size];
        need = new byte[size];
        lastDischarge = new double[size];
        waitingFor = new byte[size];
        ticket = new int[size];
        listedSince = new double[size];
        listedCohort = new byte[size];
        firstAdmission = new double[size];
        previousFirstAdmission = new double[size];
        firstAdmissionCohort = new byte[size];
        previousFirstAdmissionCohort = new byte[size];
        acuteCost = new float[size];
        care = new byte[size];
        Arrays.fill(lastDischarge, Double.NEGATIVE_INFINITY);
        Arrays.fill(firstAdmission, Double.NaN);
        Arrays.fill(previousFirstAdmission, Double.NaN);
    }

    /** Remaining Exp(1) budget of the death clock. */
    double deathBudget(int p) {
        return hot[p * STRIDE + DEATH_BUDGET];
    }

    void deathBudget(int p, double value) {
        hot[p * STRIDE + DEATH_BUDGET] = value;
    }

    /** Remaining Exp(1) budget of the next frailty transition. */
    double frailtyBudget(int p) {
        return hot[p * STRIDE + FRAILTY_BUDGET];
    }

    void frailtyBudget(int p, double value) {
        hot[p * STRIDE + FRAILTY_BUDGET] = value;
    }

    /** Death hazard per day in force since hazardSince. */
    double deathHazard(int p) {
        return hot[p * STRIDE + DEATH_HAZARD];
    }

    void deathHazard(int p, double value) {
        hot[p * STRIDE + DEATH_HAZARD] = value;
    }

    /** Frailty transition hazard per day in force since hazardSince. */
    double frailtyHazard(int p) {
        return hot[p * STRIDE + FRAILTY_HAZARD];
    }

    void frailtyHazard(int p, double value) {
        hot[p * STRIDE + FRAILTY_HAZARD] = value;
    }

    /** When the budgets were last brought up to date. */
    double hazardSince(int p) {
        return hot[p * STRIDE + HAZARD_SINCE];
    }

    void hazardSince(int p, double value) {
        hot[p * STRIDE + HAZARD_SINCE] = value;
    }

    /** When the death clock runs out at current hazards. */
    double deathTime(int p) {
        return hot[p * STRIDE + DEATH_TIME];
    }

    void deathTime(int p, double value) {
        hot[p * STRIDE + DEATH_TIME] = value;
    }

    /** When the next frailty transition happens at current hazards. */
    double frailtyTime(int p) {
        return hot[p * STRIDE + FRAILTY_TIME];
    }

    void frailtyTime(int p, double value) {
        hot[p * STRIDE + FRAILTY_TIME] = value;
    }

    /** Next time the hazards change by themselves (age band, end of a mortality window). */
    double recomputeTime(int p) {
        return hot[p * STRIDE + RECOMPUTE_TIME];
    }

    void recomputeTime(int p, double value) {
        hot[p * STRIDE + RECOMPUTE_TIME] = value;
    }

    /** Time of the next base crisis candidate. */
    double nextCandidate(int p) {
        return hot[p * STRIDE + NEXT_CANDIDATE];
    }

    void nextCandidate(int p, double value) {
        hot[p * STRIDE + NEXT_CANDIDATE] = value;
    }

    /** Time of the next extra candidate in the current post-crisis window. */
    double nextExtra(int p) {
        return hot[p * STRIDE + NEXT_EXTRA];
    }

    void nextExtra(int p, double value) {
        hot[p * STRIDE + NEXT_EXTRA] = value;
    }

    /** End of the current post-crisis window (crisis hazard raised). */
    double postCrisisUntil(int p) {
        return hot[p * STRIDE + POST_CRISIS_UNTIL];
    }

    void postCrisisUntil(int p, double value) {
        hot[p * STRIDE + POST_CRISIS_UNTIL] = value;
    }

    /** End of the current post-crisis mortality window. */
    double mortalityUntil(int p) {
        return hot[p * STRIDE + MORTALITY_UNTIL];
    }

    void mortalityUntil(int p, double value) {
        hot[p * STRIDE + MORTALITY_UNTIL] = value;
    }

    /** Age at day 0 (age at t is this + t / 365); NaN under 65. */
    double ageAtZero(int p) {
        return hot[p * STRIDE + AGE_AT_ZERO];
    }

    void ageAtZero(int p, double value) {
        hot[p * STRIDE + AGE_AT_ZERO] = value;
    }

    /** Persistent risk multiplier. */
    double z(int p) {
        return hot[p * STRIDE + Z];
    }

    void z(int p, double value) {
        hot[p * STRIDE + Z] = value;
    }

    /** Number of base candidates drawn so far (keys the next one). */
    int candidateIndex(int p) {
        return (int) hot[p * STRIDE + CANDIDATE_INDEX];
    }

    void candidateIndex(int p, int value) {
        hot[p * STRIDE + CANDIDATE_INDEX] = value;
    }

    /** Number of extra candidates drawn in the current window. */
    int extraIndex(int p) {
        return (int) hot[p * STRIDE + EXTRA_INDEX];
    }

    void extraIndex(int p, int value) {
        hot[p * STRIDE + EXTRA_INDEX] = value;
    }

    /** Number of post-crisis windows opened so far. */
    int windowCount(int p) {
        return (int) hot[p * STRIDE + WINDOW_COUNT];
    }

    void windowCount(int p, int value) {
        hot[p * STRIDE + WINDOW_COUNT] = value;
    }

    /** How many times the slot has been refilled by an entrant. */
    int generation(int p) {
        return (int) hot[p * STRIDE + GENERATION];
    }

    void generation(int p, int value) {
        hot[p * STRIDE + GENERATION] = value;
    }

    /** Cohort index ({@link Cohort}); for the 65+, FIRST_OVER65 + frailty. */
    byte cohort(int p) {
        return (byte) hot[p * STRIDE + COHORT];
    }

    void cohort(int p, int value) {
        hot[p * STRIDE + COHORT] = value;
    }

    /** Where p is ({@link Place}). */
    byte place(int p) {
        return (byte) hot[p * STRIDE + PLACE];
    }

    void place(int p, int value) {
        hot[p * STRIDE + PLACE] = value;
    }

    /** Flag bits (LIVES_ALONE, HAS_PACKAGE, ...). */
    byte flags(int p) {
        return (byte) hot[p * STRIDE + FLAGS];
    }

    void flags(int p, int value) {
        hot[p * STRIDE + FLAGS] = (byte) value;
    }

    /** Age band the hazards were last computed for. */
    byte band(int p) {
        return (byte) hot[p * STRIDE + BAND];
    }

    void band(int p, int value) {
        hot[p * STRIDE + BAND] = value;
    }

    /** PersonCosts' base of p's cost this year: here, in the record the events that cost something touch anyway. */
    double costBase(int p) {
        return hot[p * STRIDE + COST_BASE];
    }

    void costBase(int p, double value) {
        hot[p * STRIDE + COST_BASE] = value;
    }

    boolean has(int p, byte flag) {
        return (flags(p) & flag) != 0;
    }

    void set(int p, byte flag, boolean on) {
        flags(p, on ? flags(p) | flag : flags(p) & ~flag);
    }

    double age(int p, double t) {
        return ageAtZero(p) + t / Rates.YEAR;
    }

    boolean over65(int p) {
        return Cohort.isOver65(cohort(p));
    }

    int frailty(int p) {
        return cohort(p) - Cohort.FIRST_OVER65;
    }

    boolean careHas(int p, byte flag) {
        return (care[p] & flag) != 0;
    }

    void careSet(int p, byte flag, boolean on) {
        care[p] = (byte) (on ? care[p] | flag : care[p] & ~flag);
    }
}
