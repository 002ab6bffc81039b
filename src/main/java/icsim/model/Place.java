package icsim.model;

/** Where a person is. A person holds at most one bed-like place at a time. */
public final class Place {
    public static final byte HOME = 0;
    public static final byte AE = 1;          // in A&E: awaiting decision or boarding for a bed
    public static final byte ACUTE_BED = 2;
    public static final byte STEP_UP = 3;     // urgent community response / virtual ward (at home)
    public static final byte IC_BED = 4;
    public static final byte CARE_HOME = 5;
    public static final byte DEAD = 6;

    private static final String[] LABELS = {"home", "ae", "acute_bed", "step_up", "ic_bed", "care_home", "dead"};

    private Place() {
    }

    public static String label(byte place) {
        return LABELS[place];
    }
}
