package icsim.model;

/** What a ledger line pays for, and the sector it belongs to. */
public enum CostCategory {
    ADMISSION(Sector.ACUTE),
    ACUTE_BED_DAY(Sector.ACUTE),
    ACUTE_BED_FIXED(Sector.ACUTE),
    AE_ATTENDANCE(Sector.ACUTE),
    AMBULANCE(Sector.ACUTE),
    NHS111_CALL(Sector.PRIMARY),
    GP_CONSULTATION(Sector.PRIMARY),
    COMMUNITY_NURSE_CONTACT(Sector.COMMUNITY),
    STEP_UP_DAY(Sector.COMMUNITY),
    IC_BED_DAY(Sector.COMMUNITY),
    REABLEMENT_EPISODE(Sector.SOCIAL_CARE),
    HOME_CARE_HOURS(Sector.SOCIAL_CARE),
    CARE_HOME_RESIDENTIAL(Sector.SOCIAL_CARE),
    CARE_HOME_NURSING(Sector.SOCIAL_CARE),
    NURSING_CARE_CONTRIBUTION(Sector.SOCIAL_CARE);

    public static final int COUNT = values().length;
    public final Sector sector;

    CostCategory(Sector sector) {
        this.sector = sector;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
