package icsim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the run's CSV tables into a directory. Every iteration order comes from RunSummary. */
public final class CsvReports {

    public static final String SUMMARY = "summary.csv";
    public static final String REPLICATIONS = "replications.csv";
    public static final String BY_YEAR = "by_year.csv";
    public static final String BY_COHORT = "by_cohort.csv";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String LEDGER = "ledger.csv";
    public static final String COMPARISON = "comparison.csv";
    public static final String MONTHLY_COST = "monthly_cost.csv";
    public static final String NET_COST_BY_MONTH = "net_cost_by_month.csv";

    private CsvReports() {
    }

    /** Writes all six tables. */
    public static void writeAll(Path dir, RunSummary summary) throws IOException {
        writeSummary(dir, summary);
        writeReplications(dir, summary);
        writeByYear(dir, summary);
        writeByCohort(dir, summary);
        writeTimeseries(dir, summary);
        writeLedger(dir, summary);
        Csv.write(dir.resolve(MONTHLY_COST), monthlyCostCsv(summary));
    }

    public static void writeSummary(Path dir, RunSummary summary) throws IOException {
        Csv.write(dir.resolve(SUMMARY), summaryCsv(summary));
    }

    public static void writeReplications(Path dir, RunSummary summary) throws IOException {
        Csv.write(dir.resolve(REPLICATIONS), replicationsCsv(summary));
    }

    public static void writeByYear(Path dir, RunSummary summary) throws IOException {
        Csv.write(dir.resolve(BY_YEAR), byYearCsv(summary));
    }

    public static void writeByCohort(Path dir, RunSummary summary) throws IOException {
        Csv.write(dir.resolve(BY_COHORT), byCohortCsv(summary));
    }

    public static void writeTimeseries(Path dir, RunSummary summary) throws IOException {
        Csv.write(dir.resolve(TIMESERIES), timeseriesCsv(summary));
    }

    public static void writeLedger(Path dir, RunSummary summary) throws IOException {
        Csv.write(dir.resolve(LEDGER), ledgerCsv(summary));
    }

    public static String summaryCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "metric", "mean", "sd", "ci_low", "ci_high", "n");
        for (Map.Entry<String, Estimate> e : summary.overall().entrySet()) {
            Csv.row(out, withEstimate(List.of(Csv.field(e.getKey())), e.getValue()));
        }
        return out.toString();
    }

    public static String replicationsCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("replication");
        for (String m : summary.metrics()) {
            header.add(Csv.field(m));
        }
        Csv.row(out, header);
        for (ReplicationResult r : summary.results()) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(r.replication()));
            for (String m : summary.metrics()) {
                Double v = r.metrics().get(m);
                cells.add(v == null ? "" : Csv.num(v));
            }
            Csv.row(out, cells);
        }
        return out.toString();
    }

    public static String byYearCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "year", "metric", "mean", "sd", "ci_low", "ci_high", "n");
        for (Map.Entry<Integer, Map<String, Estimate>> y : summary.byYear().entrySet()) {
            for (Map.Entry<String, Estimate> e : y.getValue().entrySet()) {
                Csv.row(out, withEstimate(List.of(Integer.toString(y.getKey()), Csv.field(e.getKey())), e.getValue()));
            }
        }
        return out.toString();
    }

    public static String byCohortCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "cohort", "metric", "mean", "sd", "ci_low", "ci_high", "n");
        for (Map.Entry<String, Map<String, Estimate>> c : summary.byCohort().entrySet()) {
            for (Map.Entry<String, Estimate> e : c.getValue().entrySet()) {
                Csv.row(out, withEstimate(List.of(Csv.field(c.getKey()), Csv.field(e.getKey())), e.getValue()));
            }
        }
        return out.toString();
    }

    public static String timeseriesCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "day", "service", "occupancy_mean", "waiting_mean", "occupancy_p05", "occupancy_p95");
        ReplicationResult.DailySeries s = summary.meanSeries();
        List<String> services = s.services();
        for (int d = 0; d < s.days(); d++) {
            for (int i = 0; i < services.size(); i++) {
                Csv.row(out, Integer.toString(d), Csv.field(services.get(i)),
                        Csv.num(s.occupancy()[i][d]), Csv.num(s.waiting()[i][d]),
                        Csv.num(summary.occupancyP05()[i][d]), Csv.num(summary.occupancyP95()[i][d]));
            }
        }
        return out.toString();
    }

    public static final List<String> PERSPECTIVE_NAMES = List.of("economic", "financial");
    private static final String[] PERSPECTIVES = PERSPECTIVE_NAMES.toArray(String[]::new);

    /** monthly_cost.csv: cost since the start of integration at the end of each measured month, with its 95 % CI. */
    public static String monthlyCostCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "perspective", "month", "cumulative_cost_mean", "cumulative_cost_ci_low", "cumulative_cost_ci_high");
        int months = summary.results().get(0).months();
        for (int s = 0; s < PERSPECTIVES.length; s++) {
            for (int m = 0; m < months; m++) {
                Estimate e = Estimates.of(cumulative(summary, s, m));
                Csv.row(out, PERSPECTIVES[s], Integer.toString(m + 1), Csv.num(e.mean()), Csv.num(e.ciLow()),
                        Csv.num(e.ciHigh()));
            }
        }
        return out.toString();
    }

    /** Each replication's cost since the start of integration at the end of month (0-based); perspective 0 economic, 1 financial. */
    public static double[] cumulative(RunSummary summary, int perspective, int month) {
        return summary.results().stream().mapToDouble(r -> month < r.months() ? r.cumulativeCost()[perspective][month]
                : Double.NaN).toArray();
    }

    /**
     * net_cost_by_month.csv: each scenario's cumulative cost since the start of integration minus the baseline's,
     * paired by replication, at the end of each measured month, with the 95 % CI (Leutz's second law).
     */
    public static String netCostByMonthCsv(RunSummary baseline, Map<String, RunSummary> scenarios) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "scenario", "perspective", "month", "diff_mean", "diff_ci_low", "diff_ci_high");
        int months = baseline.results().get(0).months();
        for (Map.Entry<String, RunSummary> e : scenarios.entrySet()) {
            for (int s = 0; s < PERSPECTIVES.length; s++) {
                for (int m = 0; m < months; m++) {
                    PairedComparison.Difference d = PairedComparison.difference("cumulative_cost",
                            cumulative(baseline, s, m), cumulative(e.getValue(), s, m));
                    Csv.row(out, Csv.field(e.getKey()), PERSPECTIVES[s], Integer.toString(m + 1), Csv.num(d.diffMean()),
                            Csv.num(d.ciLow()), Csv.num(d.ciHigh()));
                }
            }
        }
        return out.toString();
    }

    public static String ledgerCsv(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "year", "perspective", "sector", "payer", "fund", "category",
                "cost_mean", "cost_sd", "cost_ci_low", "cost_ci_high", "discounted_mean");
        for (LedgerSummary l : summary.ledger()) {
            LedgerKey k = l.key();
            Estimate c = l.cost();
            Csv.row(out, Integer.toString(k.year()), Csv.field(k.perspective()), Csv.field(k.sector()),
                    Csv.field(k.payer()), Csv.field(k.fund()), Csv.field(k.category()),
                    Csv.num(c.mean()), Csv.num(c.sd()), Csv.num(c.ciLow()), Csv.num(c.ciHigh()),
                    Csv.num(l.discountedMean()));
        }
        return out.toString();
    }

    /** Writes net_cost_by_month.csv (see {@link #netCostByMonthCsv}). */
    public static void writeNetCostByMonth(Path dir, RunSummary baseline, Map<String, RunSummary> scenarios)
            throws IOException {
        Csv.write(dir.resolve(NET_COST_BY_MONTH), netCostByMonthCsv(baseline, scenarios));
    }

    /** Writes comparison.csv: scenario (its output folder name) -> its differences from the baseline. */
    public static void writeComparison(Path dir, Map<String, List<PairedComparison.Difference>> byScenario)
            throws IOException {
        Csv.write(dir.resolve(COMPARISON), comparisonCsv(byScenario));
    }

    /** One row per scenario and metric, scenarios in map order, metrics in the order given. */
    public static String comparisonCsv(Map<String, List<PairedComparison.Difference>> byScenario) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "scenario", "metric", "n", "baseline_mean", "mean", "diff_mean", "diff_sd", "diff_ci_low",
                "diff_ci_high", "rel_change", "significant", "p_value", "significant_holm");
        for (Map.Entry<String, List<PairedComparison.Difference>> e : byScenario.entrySet()) {
            for (PairedComparison.Difference d : e.getValue()) {
                Csv.row(out, Csv.field(e.getKey()), Csv.field(d.metric()), Integer.toString(d.n()),
                        Csv.num(d.baselineMean()), Csv.num(d.mean()), Csv.num(d.diffMean()), Csv.num(d.diffSd()),
                        Csv.num(d.ciLow()), Csv.num(d.ciHigh()), Csv.num(d.relChange()),
                        Boolean.toString(d.significant()), Csv.num(d.pValue()), Boolean.toString(d.significantHolm()));
            }
        }
        return out.toString();
    }

    private static List<String> withEstimate(List<String> lead, Estimate e) {
        List<String> cells = new ArrayList<>(lead);
        cells.add(Csv.num(e.mean()));
        cells.add(Csv.num(e.sd()));
        cells.add(Csv.num(e.ciLow()));
        cells.add(Csv.num(e.ciHigh()));
        cells.add(Integer.toString(e.n()));
        return cells;
    }
}
