package icsim.model;

/**
 * Why a medically-fit person is still in an acute bed: the first unmet step of the discharge process
 * (MODEL.md §3 step 7). WEEKEND_DISCHARGE covers days held only because discharges run at a reduced rate
 * at weekends.
 */
public enum DelayReason {
    ASSESSMENT, HANDOFF, AWAITING_PACKAGE, AWAITING_REABLEMENT, AWAITING_IC_BED, AWAITING_CARE_HOME,
    WEEKEND_DISCHARGE;

    public static final int COUNT = values().length;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
