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
 * @param capitation   each measured year's cost per person by capitation cell (MODEL.md §8.4); null unless recorded
 *                     (ReplicationRunner#recordingCapitation, CareSystem#recordCapitation)
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
        double[][] cumulativeCost,
        Capitation capitation) {

    /** A result without capitation data. */
    public ReplicationResult(int replication, Map<String, Double> metrics, Map<Integer, Map<String, Double>> byYear,
                             Map<String, Map<String, Double>> byCohort, DailySeries series, List<LedgerLine> ledger,
                             long events, double personYears, double[][] cumulativeCost) {
        this(replication, metrics, byYear, byCohort, series, ledger, events, personYears, cumulativeCost, null);
    }

    /** A result without a monthly cost series or capitation data. */
    public ReplicationResult(int replication, Map<String, Double> metrics, Map<Integer, Map<String, Double>> byYear,
                             Map<String, Map<String, Double>> byCohort, DailySeries series, List<LedgerLine> ledger,
                             long events, double personYears) {
        this(replication, metrics, byYear, byCohort, series, ledger, events, personYears, new double[2][0], null);
    }

    /** Measured months in the cumulative cost series. */
    public int months() {
        return cumulativeCost == null || cumulativeCost.length == 0 ? 0 : cumulativeCost[0].length;
    }

    /**
     * Per measured year, the people alive at its start (day 0 of the year) by cell, and their cost to the NHS and
     * the local authority over the year, up to death if they die (economic, undiscounted £: the activity the ledger
     * books to them, routine care included; integration set-up and running costs left out). Arrays are
     * [year - 1][cell]; entrants during a year are not in its cells.
     *
     * @param cells       cell labels: {@code under65_well}, {@code under65_ltc}, then each 65+ cohort by age band
     *                    on day 0 of the year, e.g. {@code over65_mild_75_84}
     * @param stopLoss    the threshold of sumCapped (costing.stop_loss_threshold)
     * @param count       people in the cell
     * @param sum         sum of their costs
     * @param sumCapped   sum of min(cost, stopLoss)
     * @param sumSquares  sum of cost squared
     * @param entrants    [year - 1]: people who entered during the year (replacing deaths)
     * @param entrantCost [year - 1]: their cost in that year
     */
    public record Capitation(List<String> cells, double stopLoss, int[][] count, double[][] sum,
                             double[][] sumCapped, double[][] sumSquares, int[] entrants, double[] entrantCost) {
        public int years() {
            return count.length;
        }

        /** People counted in year y (1-based), all cells. */
        public int people(int year) {
            int n = 0;
            for (int c : count[year - 1]) {
                n += c;
            }
            return n;
        }

        /** Cost of the people counted in year y (1-based), all cells. */
        public double total(int year) {
            double s = 0;
            for (double v : sum[year - 1]) {
                s += v;
            }
            return s;
        }
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
