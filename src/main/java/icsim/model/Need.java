package icsim.model;

/** What a person needs at discharge (MODEL.md §3 step 6), in escalation order where it applies. */
public enum Need {
    HOME, RESTART, REABLEMENT, NEW_PACKAGE, STEP_DOWN, CARE_HOME, RETURN_TO_CARE_HOME;

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
