package icsim.model;

/**
 * One person as the model holds them at one instant ({@link CareSystem#snapshot}), for describing and choosing
 * people (icsim trace); nothing in the model reads it.
 *
 * @param slot             population slot
 * @param person           person id as in the event log: slot + generation x population size
 * @param time             days since the end of warm-up (0 at the end of warm-up)
 * @param group            cohort label ({@code under65_well} ... {@code over65_severe})
 * @param age              age in years; NaN under 65 (the model keeps no age there)
 * @param frailty          0 fit, 1 mild, 2 moderate, 3 severe (eFI); -1 under 65
 * @param livesAlone       lives alone
 * @param place            where they are ({@code home}, {@code ae}, {@code acute_bed}, {@code step_up},
 *                         {@code ic_bed}, {@code care_home}, {@code dead})
 * @param careHomeResident permanent care-home resident (keeps the place while in hospital)
 * @param homeCarePackage  holds a home-care package
 * @param inReablement     receiving reablement
 * @param caseManaged      on a case manager's caseload
 * @param risk             persistent risk multiplier z of their crisis hazard (1 = their group's average)
 * @param delayReason      if in an acute bed and medically fit, why they are still there; else null
 */
public record PersonSnapshot(int slot, long person, double time, String group, double age, int frailty,
                             boolean livesAlone, String place, boolean careHomeResident, boolean homeCarePackage,
                             boolean inReablement, boolean caseManaged, double risk, String delayReason) {

    public boolean alive() {
        return !"dead".equals(place);
    }

    public boolean over65() {
        return frailty >= 0;
    }
}
