package icsim.output;

import java.util.List;
import java.util.Map;

/**
 * Everything one replication measured, as plain numbers: no model objects, so summaries and writers
 * depend on nothing above this package.
 *
 * @param replication  replication index, 0-based
 * @param metrics      metric id -> value over the measured period, in the catalogue's fixed order
 * @param byYear       measured year (1-based, warm-up excluded) -> metric id -> value
 * @param byCohort     cohort label -> metric id -> value
 * @param series       daily occupancy and waiting-list length of every service
 * @param ledger       cost lines (one per year x sector x payer x fund x category)
 * @param events       number of events the engine executed (for the bench)
 * @param personYears  simulated person-years, warm-up included (for the bench)
 * @param cumulativeCost cost since the start of integration (the end of warm-up) at the end of each measured
 *                     month, [perspective: 0 economic, 1 financial][month - 1], £ undiscounted
 */
public record ReplicationResult(
        int replication,
        Map<String, Double> metrics,
        Map<Integer, Map<String, Double>> byYear,
        Map<String, Map<String, Double>> byCohort,
        DailySeries series,
        List<LedgerLine> ledger,
        long events,
        double personYears,
        double[][] cumulativeCost) {

    /** A result without a monthly cost series. */
    public ReplicationResult(int replication, Map<String, Double> metrics, Map<Integer, Map<String, Double>> byYear,
                             Map<String, Map<String, Double>> byCohort, DailySeries series, List<LedgerLine> ledger,
                             long events, double personYears) {
        this(replication, metrics, byYear, byCohort, series, ledger, events, personYears, new double[2][0]);
    }

    /** Measured months in the cumulative cost series. */
    public int months() {
        return cumulativeCost == null || cumulativeCost.length == 0 ? 0 : cumulativeCost[0].length;
    }

    /** Daily values per service, day 0 = first measured day. occupancy[s][d], waiting[s][d]. */
    public record DailySeries(List<String> services, double[][] occupancy, double[][] waiting) {
        public int days() {
            return occupancy.length == 0 ? 0 : occupancy[0].length;
        }
    }

    /**
     * One cell of the cost ledger. year is 1-based (measured years only); perspective is "economic" or
     * "financial"; cost is undiscounted £, discounted is the same discounted to the start of year 1.
     */
    public record LedgerLine(int year, String perspective, String sector, String payer, String fund,
                             String category, double cost, double discounted) {
    }
}
