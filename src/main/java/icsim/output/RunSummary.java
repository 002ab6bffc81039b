package icsim.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cross-replication summary of a run. All maps iterate in a fixed order (catalogue order for metrics,
 * ascending years, first-result order for cohorts) so that writers are deterministic.
 */
public final class RunSummary {

    private final List<ReplicationResult> results;
    private final List<String> metrics;
    private final Map<String, Estimate> overall;
    private final SortedMap<Integer, Map<String, Estimate>> byYear;
    private final Map<String, Map<String, Estimate>> byCohort;
    private final ReplicationResult.DailySeries meanSeries;
    /** 5th and 95th percentiles of daily occupancy across replications, [service][day], as in meanSeries. */
    private final double[][] occupancyP05;
    private final double[][] occupancyP95;
    private final List<LedgerSummary> ledger;

    public RunSummary(List<ReplicationResult> results) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("no replication results to summarise");
        }
        List<ReplicationResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(ReplicationResult::replication));
        this.results = List.copyOf(sorted);
        this.metrics = List.copyOf(sorted.get(0).metrics().keySet());
        this.overall = Collections.unmodifiableMap(estimates(this.results, ReplicationResult::metrics));
        this.byYear = Collections.unmodifiableSortedMap(summariseByYear());
        this.byCohort = Collections.unmodifiableMap(summariseByCohort());
        this.meanSeries = summariseSeries();
        this.occupancyP05 = occupancyPercentile(0.05);
        this.occupancyP95 = occupancyPercentile(0.95);
        this.ledger = List.copyOf(summariseLedger());
    }

    /** Results sorted by replication index. */
    public List<ReplicationResult> results() {
        return results;
    }

    public int replications() {
        return results.size();
    }

    /** Metric ids in catalogue order (the first result's metrics map). */
    public List<String> metrics() {
        return metrics;
    }

    /** Metric id -> estimate, catalogue order. */
    public Map<String, Estimate> overall() {
        return overall;
    }

    /** Estimate for one metric, or null if the catalogue has no such metric. */
    public Estimate overall(String metric) {
        return overall.get(metric);
    }

    /** Year ascending -> metric (catalogue order, then extras alphabetically) -> estimate. */
    public SortedMap<Integer, Map<String, Estimate>> byYear() {
        return byYear;
    }

    /** Cohort (first result's order, later-only cohorts appended alphabetically) -> metric -> estimate. */
    public Map<String, Map<String, Estimate>> byCohort() {
        return byCohort;
    }

    /** Per service and day, the mean across replications; services in the first result's order. */
    public ReplicationResult.DailySeries meanSeries() {
        return meanSeries;
    }

    /** Ledger cells sorted by year, perspective, sector, payer, fund, category. */
    public List<LedgerSummary> ledger() {
        return ledger;
    }

    private interface MetricMap {
        Map<String, Double> of(ReplicationResult r);
    }

    /** Estimates for catalogue metrics plus any extras found; a metric missing in a replication is skipped. */
    private Map<String, Estimate> estimates(List<ReplicationResult> rs, MetricMap source) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        TreeSet<String> extras = new TreeSet<>();
        for (ReplicationResult r : rs) {
            Map<String, Double> m = source.of(r);
            if (m != null) {
                extras.addAll(m.keySet());
            }
        }
        for (String id : metrics) {
            if (extras.remove(id)) {
                ids.add(id);
            }
        }
        ids.addAll(extras);
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (String id : ids) {
            double[] values = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                Map<String, Double> m = source.of(rs.get(i));
                Double v = m == null ? null : m.get(id);
                values[i] = v == null ? Double.NaN : v;
            }
            out.put(id, Estimates.of(values));
        }
        return out;
    }

    private SortedMap<Integer, Map<String, Estimate>> summariseByYear() {
        TreeSet<Integer> years = new TreeSet<>();
        for (ReplicationResult r : results) {
            if (r.byYear() != null) {
                years.addAll(r.byYear().keySet());
            }
        }
        SortedMap<Integer, Map<String, Estimate>> out = new TreeMap<>();
        for (int year : years) {
            out.put(year, Collections.unmodifiableMap(
                    estimates(results, r -> r.byYear() == null ? null : r.byYear().get(year))));
        }
        return out;
    }

    private Map<String, Map<String, Estimate>> summariseByCohort() {
        LinkedHashSet<String> cohorts = new LinkedHashSet<>();
        Map<String, Map<String, Double>> first = results.get(0).byCohort();
        if (first != null) {
            cohorts.addAll(first.keySet());
        }
        TreeSet<String> later = new TreeSet<>();
        for (ReplicationResult r : results) {
            if (r.byCohort() != null) {
                for (String c : r.byCohort().keySet()) {
                    if (!cohorts.contains(c)) {
                        later.add(c);
                    }
                }
            }
        }
        cohorts.addAll(later);
        Map<String, Map<String, Estimate>> out = new LinkedHashMap<>();
        for (String cohort : cohorts) {
            out.put(cohort, Collections.unmodifiableMap(
                    estimates(results, r -> r.byCohort() == null ? null : r.byCohort().get(cohort))));
        }
        return out;
    }

    /** Services matched by name, so replications may list them in any order; absent days are skipped. */
    private ReplicationResult.DailySeries summariseSeries() {
        ReplicationResult.DailySeries first = results.get(0).series();
        List<String> services = first == null ? List.of() : List.copyOf(first.services());
        int days = 0;
        for (ReplicationResult r : results) {
            if (r.series() != null) {
                days = Math.max(days, r.series().days());
            }
        }
        double[][] occ = new double[services.size()][days];
        double[][] wait = new double[services.size()][days];
        for (int s = 0; s < services.size(); s++) {
            double[] occSum = new double[days];
            double[] waitSum = new double[days];
            int[] occN = new int[days];
            int[] waitN = new int[days];
            for (ReplicationResult r : results) {
                ReplicationResult.DailySeries ds = r.series();
                int idx = ds == null ? -1 : ds.services().indexOf(services.get(s));
                if (idx < 0) {
                    continue;
                }
                accumulate(row(ds.occupancy(), idx), occSum, occN);
                accumulate(row(ds.waiting(), idx), waitSum, waitN);
            }
            for (int d = 0; d < days; d++) {
                occ[s][d] = occN[d] == 0 ? Double.NaN : occSum[d] / occN[d];
                wait[s][d] = waitN[d] == 0 ? Double.NaN : waitSum[d] / waitN[d];
            }
        }
        return new ReplicationResult.DailySeries(services, occ, wait);
    }

    /** The q-quantile across replications of each service's daily occupancy (linear between order statistics). */
    private double[][] occupancyPercentile(double q) {
        List<String> services = meanSeries.services();
        double[][] out = new double[services.size()][meanSeries.days()];
        double[] values = new double[results.size()];
        for (int s = 0; s < services.size(); s++) {
            for (int d = 0; d < meanSeries.days(); d++) {
                int n = 0;
                for (ReplicationResult r : results) {
                    ReplicationResult.DailySeries ds = r.series();
                    int idx = ds == null ? -1 : ds.services().indexOf(services.get(s));
                    double[] row = idx < 0 ? new double[0] : row(ds.occupancy(), idx);
                    if (d < row.length && Double.isFinite(row[d])) {
                        values[n++] = row[d];
                    }
                }
                out[s][d] = quantile(values, n, q);
            }
        }
        return out;
    }

    static double quantile(double[] values, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(sorted);
        double position = q * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(n - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** 5th percentile across replications of daily occupancy, [service][day] (services as in meanSeries). */
    public double[][] occupancyP05() {
        return occupancyP05;
    }

    public double[][] occupancyP95() {
        return occupancyP95;
    }

    private static double[] row(double[][] m, int idx) {
        return m == null || idx >= m.length || m[idx] == null ? new double[0] : m[idx];
    }

    private static void accumulate(double[] values, double[] sum, int[] n) {
        for (int d = 0; d < values.length && d < sum.length; d++) {
            if (Double.isFinite(values[d])) {
                sum[d] += values[d];
                n[d]++;
            }
        }
    }

    private List<LedgerSummary> summariseLedger() {
        int reps = results.size();
        TreeMap<LedgerKey, double[][]> cells = new TreeMap<>(); // key -> {cost[rep], discounted[rep]}
        for (int i = 0; i < reps; i++) {
            List<ReplicationResult.LedgerLine> lines = results.get(i).ledger();
            if (lines == null) {
                continue;
            }
            for (ReplicationResult.LedgerLine line : lines) {
                double[][] cell = cells.computeIfAbsent(LedgerKey.of(line), k -> new double[2][reps]);
                // Duplicate lines for one key within a replication are summed, as a ledger would.
                cell[0][i] += line.cost();
                cell[1][i] += line.discounted();
            }
        }
        List<LedgerSummary> out = new ArrayList<>(cells.size());
        for (Map.Entry<LedgerKey, double[][]> e : cells.entrySet()) {
            double[][] cell = e.getValue();
            out.add(new LedgerSummary(e.getKey(), Estimates.of(cell[0]), Estimates.of(cell[1]).mean()));
        }
        return out;
    }
}
