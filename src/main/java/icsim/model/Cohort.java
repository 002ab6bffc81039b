package icsim.model;

/** The six groups of MODEL.md §2. For people aged 65+ the cohort is their frailty state. */
public enum Cohort {
    UNDER65_WELL, UNDER65_LTC, OVER65_FIT, OVER65_MILD, OVER65_MODERATE, OVER65_SEVERE;

    public static final int COUNT = values().length;
    /** Index of the first 65+ cohort; 65+ cohort = FIRST_OVER65 + frailty (0 fit .. 3 severe). */
    public static final int FIRST_OVER65 = 2;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isOver65(int cohort) {
        return cohort >= FIRST_OVER65;
    }
}
