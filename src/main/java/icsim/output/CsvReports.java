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
        Csv.row(out, "day", "service", "occupancy_mean", "waiting_mean");
        ReplicationResult.DailySeries s = summary.meanSeries();
        List<String> services = s.services();
        for (int d = 0; d < s.days(); d++) {
            for (int i = 0; i < services.size(); i++) {
                Csv.row(out, Integer.toString(d), Csv.field(services.get(i)),
                        Csv.num(s.occupancy()[i][d]), Csv.num(s.waiting()[i][d]));
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
