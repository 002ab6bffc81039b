package icsim.model;

/**
 * What a keyed uniform is for (MODEL.md §6). Person draws are indexed by the crisis key k (the base
 * candidate number, or a negative number for a candidate of a post-crisis window's extra stream)
 * (so "severity of crisis k" is the same number in every scenario) or by a per-person counter; system
 * streams use negative keys. Adding a purpose never changes the numbers of the others.
 */
final class Purpose {
    // population set-up and entrants (index 0)
    static final int INIT_GROUP = 1;
    static final int INIT_AGE = 2;
    static final int INIT_FRAILTY = 3;
    static final int LIVES_ALONE = 4;
    static final int RISK_Z = 5;
    static final int DEATH_BUDGET = 6;
    // index = number of frailty transitions so far
    static final int FRAILTY_BUDGET = 7;
    // index = crisis candidate k
    static final int CANDIDATE_GAP = 10;
    static final int CANDIDATE_ACCEPT = 11;
    static final int SEVERITY = 12;
    static final int CONTACT = 13;
    static final int LOS_NOISE = 14;
    static final int IN_HOSPITAL_DEATH = 15;
    static final int DEATH_POINT = 16;
    static final int NEED = 17;
    static final int DECONDITION = 18;
    static final int ASSESSMENT_DAYS = 19;
    static final int HANDOFF_DAYS = 20;
    static final int INFORMATION_DAYS = 21;
    static final int REASSESSMENT = 22;
    static final int WEEKEND = 23;
    static final int STEP_UP_DAYS = 24;
    static final int STEP_UP_ESCALATION = 25;
    static final int STEP_DOWN_DAYS = 26;
    static final int STEP_DOWN_OUTCOME = 27;
    // index = window number x 2^20 + extra candidate number in the window
    static final int EXTRA_GAP = 28;
    static final int EXTRA_ACCEPT = 29;
    // index = a per-person service counter
    static final int REABLEMENT_DAYS = 30;
    static final int REABLEMENT_OUTCOME = 31;
    static final int PACKAGE_WEEKS = 32;
    static final int CARE_HOME_NURSING = 33;
    static final int CARE_HOME_SELF_FUNDER = 34;
    // integration mechanisms (MODEL.md §5), index = crisis key k: switches act when the uniform < maturity
    static final int REACH = 50;
    static final int ROUTE_OPEN = 51;
    static final int FRONT_DOOR = 52;
    static final int TRUSTED_ASSESSMENT = 53;
    static final int D2A = 54;
    static final int POOLED_BUDGET = 55;
    static final int ELIGIBILITY = 56;
    static final int FOLLOW_UP = 57;
    // case-finding, index = month of integration
    static final int RISK_SCORE_NOISE = 60;
    // a stay in progress at day 0, index 0..3
    static final int INITIAL_STAY = 61;
    // system streams: key = SYSTEM_KEY - stream, index = arrival number (and attempt)
    static final long SYSTEM_KEY = -1_000_000L;
    static final int ARRIVAL_GAP = 40;
    static final int PICK_SLOT = 41;
    static final int PICK_ACCEPT = 42;
    // a shared pool's background (key = BACKGROUND_KEY - stream): stay of admission i, or of initial occupant -1 - i
    static final long BACKGROUND_KEY = -2_000_000L;
    static final int BACKGROUND_STAY = 43;
    static final int BACKGROUND_ELAPSED = 44;

    private Purpose() {
    }
}
