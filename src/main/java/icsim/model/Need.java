package icsim.model;

/** What a person needs at discharge (MODEL.md §3 step 6), in escalation order where it applies. */
public enum Need {
    HOME(CareSystem.WAIT_NONE, null),
    RESTART(CareSystem.WAIT_NONE, null),
    REABLEMENT(CareSystem.WAIT_REABLEMENT, DelayReason.AWAITING_REABLEMENT),
    NEW_PACKAGE(CareSystem.WAIT_PACKAGE, DelayReason.AWAITING_PACKAGE),
    STEP_DOWN(CareSystem.WAIT_IC_BED, DelayReason.AWAITING_IC_BED),
    CARE_HOME(CareSystem.WAIT_CARE_HOME, DelayReason.AWAITING_CARE_HOME),
    RETURN_TO_CARE_HOME(CareSystem.WAIT_NONE, null);

    /** The waiting list a person with this need joins (WAIT_NONE if none). */
    final byte waitCode;
    /** The delayed-transfer reason while waiting on that list. */
    final DelayReason waitReason;

    Need(byte waitCode, DelayReason waitReason) {
        this.waitCode = waitCode;
        this.waitReason = waitReason;
    }

    /** Needs that require an assessment and a funding handoff before a place can be sought. */
    public boolean isNewService() {
        return this == REABLEMENT || this == NEW_PACKAGE || this == STEP_DOWN || this == CARE_HOME;
    }

    /** One level up after deconditioning (MODEL.md §3 step 8): home -> package -> care home. */
    public Need escalated() {
        return switch (this) {
            case HOME, RESTART, REABLEMENT -> NEW_PACKAGE;
            case NEW_PACKAGE, STEP_DOWN, CARE_HOME -> CARE_HOME;
            case RETURN_TO_CARE_HOME -> RETURN_TO_CARE_HOME;
        };
    }
}
