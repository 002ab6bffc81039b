package icsim.model;

/** Sector of care a cost belongs to (MODEL.md §4 ledger). */
public enum Sector {
    PRIMARY, COMMUNITY, ACUTE, SOCIAL_CARE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
