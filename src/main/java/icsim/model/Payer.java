package icsim.model;

/** Statutory payer of a cost (MODEL.md §4). */
public enum Payer {
    NHS, LOCAL_AUTHORITY, SELF_FUNDER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
