package icsim.output;

/**
 * One row of the person-level event log.
 *
 * @param time        simulation time in days since the start of the measured period
 * @param replication replication index
 * @param person      person id within the replication
 * @param cohort      cohort label, may be null
 * @param age         age in years at the event, NaN if unknown
 * @param event       event type
 * @param place       where the person is after the event, may be null
 * @param reason      why, may be null
 */
public record EventRecord(double time, int replication, long person, String cohort, double age, String event,
                          String place, String reason) {
}
