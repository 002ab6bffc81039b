package icsim.cli;

import icsim.experiment.ReplicationRunner;
import icsim.experiment.ReplicationsNeeded;
import icsim.output.ConsoleTable;
import icsim.output.Csv;
import icsim.output.Estimates;
import icsim.output.JsonReport;
import icsim.output.OutputDirectory;
import icsim.output.Provenance;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code icsim replications SCENARIO --precision P}: how many replications the scenario needs for its headline
 * results to be known within ±P (relative half-width of the 95 % interval), by the confidence-interval method.
 */
@Command(name = "replications", mixinStandardHelpOptions = true,
        description = {"How many replications a scenario needs: runs N of them and, for each metric, follows the "
                + "cumulative mean and its 95%% confidence interval for n = 2..N (the confidence-interval method, "
                + "Robinson).",
                "A metric needs the smallest n from which the interval's half-width stays within --precision of the "
                        + "mean for every larger n; the recommendation is the most any metric needs.",
                "Writes replications.csv (metric, n, mean, half_width, relative_half_width) and replications.json "
                        + "(the result) to OUT/NAME/."})
public final class ReplicationsCommand implements Callable<Integer> {
    static final String CSV = "replications.csv";
    static final String JSON = "replications.json";
    static final int DEFAULT_MAX = 50;
    static final int LIMIT = 10_000;
    static final List<String> DEFAULT_METRICS = List.of("emergency_admissions", "acute_bed_days",
            "delayed_transfer_bed_days", "acute_occupancy_mean", "ae_boarding_hours", "total_cost",
            "days_at_home_per_person_65plus");
    /** Replication counts shown as columns on the terminal (those ≤ N, then N). */
    private static final int[] SHOWN = {5, 10, 20, 30};

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file, e.g. scenarios/fragmented.yaml.")
    Path scenarioFile;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    CommonOptions common;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "0.05",
            description = "Largest acceptable half-width of the 95%% interval relative to the mean, between 0 and 1 "
                    + "(default: ${DEFAULT-VALUE}, i.e. ±5%%).")
    double precision;

    @Option(names = "--max", paramLabel = "N",
            description = "Replications to run (default: " + DEFAULT_MAX + ", or run.replications if larger).")
    Integer max;

    @Option(names = "--metrics", paramLabel = "METRIC", split = ",",
            description = "Metric ids to follow, comma-separated (default: " + "emergency_admissions, acute_bed_days, "
                    + "delayed_transfer_bed_days, acute_occupancy_mean, ae_boarding_hours, total_cost, "
                    + "days_at_home_per_person_65plus).")
    List<String> metrics;

    @Option(names = "--years", description = "Measured years after warm-up (overrides run.years).")
    Double years;

    @Option(names = "--warmup", description = "Warm-up in years (overrides run.warmup_years).")
    Double warmup;

    @Option(names = "--name", description = "Results folder name (default: replications-<scenario name>).")
    String name;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        if (!(precision > 0 && precision < 1)) {
            throw new UserError("--precision: must be between 0 and 1, exclusive (e.g. 0.05 for ±5 %), got "
                    + plain(precision));
        }
        if (max != null && (max < 2 || max > LIMIT)) {
            throw new UserError("--max: must be at least 2 (the method follows the interval from 2 replications "
                    + "on) and at most " + LIMIT + ", got " + max);
        }
        List<String> wanted = wantedMetrics();
        int threadCount = analysis.threadCount();
        Map<String, Object> overrides = analysis.overrides();
        if (years != null) {
            overrides.put("run.years", years);
        }
        if (warmup != null) {
            overrides.put("run.warmup_years", warmup);
        }
        Scenario asGiven = ScenarioLoader.load(scenarioFile, overrides);
        int n = max != null ? max : Math.max(DEFAULT_MAX, asGiven.run().replications());
        overrides.put("run.replications", n);
        Scenario scenario = ScenarioLoader.load(scenarioFile, overrides);
        checkMetricIds(scenario, wanted);
        String folder = name == null
                ? ScenarioOutputs.folderName("replications-" + asGiven.name(), scenarioFile + ": name")
                : ScenarioOutputs.folderName(name, "--name");
        try (OutputDirectory dir = OutputDirectory.prepare(analysis.out.resolve(folder))) {
            long start = System.nanoTime();
            ScenarioOutputs.announce(scenario, threadCount, common.quiet);
            List<ReplicationResult> results = Progress.run(threadCount, scenario, 0, null, common.quiet).results();
            double wall = (System.nanoTime() - start) / 1e9;
            Map<String, ReplicationsNeeded.Result> byMetric = new LinkedHashMap<>();
            List<String> undefined = new ArrayList<>();
            for (String metric : wanted) {
                double[] values = values(results, metric);
                if (values == null) {
                    undefined.add(metric);
                } else {
                    byMetric.put(metric, ReplicationsNeeded.of(values, precision));
                }
            }
            Recommendation rec = new Recommendation(byMetric, undefined, n, asGiven.run().replications(), precision);
            Csv.write(dir.path().resolve(CSV), csv(byMetric));
            JsonReport.write(dir.path().resolve(JSON), json(asGiven, scenario, rec, threadCount, wall));
            dir.commit();
            if (!common.quiet) {
                print(scenario, rec, wall, dir.target());
            }
            return 0;
        }
    }

    /** --metrics without blanks and repeats, or the default headline set. */
    private List<String> wantedMetrics() throws UserError {
        if (metrics == null) {
            return DEFAULT_METRICS;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String m : metrics) {
            if (!m.isBlank()) {
                out.add(m.strip());
            }
        }
        if (out.isEmpty()) {
            throw new UserError("--metrics: no metric given (e.g. --metrics acute_bed_days,total_cost)");
        }
        return List.copyOf(out);
    }

    /**
     * Unknown metric ids are a mistake to report before the long run: the ids are those one replication of the
     * scenario produces, so a one-year replication of a small population (1,000 people) finds them in a moment.
     */
    private void checkMetricIds(Scenario scenario, List<String> wanted) throws Exception {
        if (wanted == DEFAULT_METRICS) {
            return;
        }
        Map<String, Object> probe = analysis.overrides();
        probe.put("population.size", Math.min(1000, scenario.population().size()));
        probe.put("run.years", 1);
        probe.put("run.warmup_years", 0.0);
        probe.put("run.replications", 1);
        Scenario small = ScenarioLoader.load(scenarioFile, probe);
        Set<String> known = new TreeSet<>(new ReplicationRunner(1).run(small, 0, null, null).results().get(0)
                .metrics().keySet());
        for (String m : wanted) {
            if (!known.contains(m)) {
                throw new UserError("--metrics: unknown metric '" + m + "'" + nearest(m, known)
                        + " (the ids are the rows of summary.csv, listed in the README)");
            }
        }
    }

    private static String nearest(String id, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(id, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, id.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The metric's value in each replication, in replication order; null if any replication lacks it. */
    private static double[] values(List<ReplicationResult> results, String metric) {
        double[] out = new double[results.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = results.get(i).metrics().get(metric);
            if (v == null || !Double.isFinite(v)) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** Every metric's result, and what they add up to. */
    record Recommendation(Map<String, ReplicationsNeeded.Result> byMetric, List<String> undefined, int max,
                          int scenarioReplications, double precision) {
        List<String> notReached() {
            return byMetric.entrySet().stream().filter(e -> !e.getValue().reached()).map(Map.Entry::getKey).toList();
        }

        /** The most replications any metric needs; -1 when some metric did not reach the precision within max. */
        int needed() {
            if (!notReached().isEmpty() || byMetric.isEmpty()) {
                return -1;
            }
            return neededByReached();
        }

        /** The most replications the metrics that reached the precision need; -1 if none did. */
        int neededByReached() {
            return byMetric.values().stream().filter(ReplicationsNeeded.Result::reached)
                    .mapToInt(ReplicationsNeeded.Result::needed).max().orElse(-1);
        }

        String verdict() {
            String p = percent(precision);
            if (byMetric.isEmpty()) {
                return "no metric was defined in every replication";
            }
            if (needed() < 0) {
                List<String> missed = new ArrayList<>();
                for (String m : notReached()) {
                    int projected = byMetric.get(m).projected();
                    missed.add(m + (projected > 0 ? " (about " + projected + ")" : ""));
                }
                int others = neededByReached();
                return "±" + p + " not reached within " + max + " replications for " + String.join(", ", missed)
                        + ", projecting from the interval" + (missed.size() > 1 ? "s" : "") + " at " + max
                        + (others > 0 ? "; the other metrics need at most " + others : "")
                        + ": rerun with a larger --max, or accept a wider --precision";
            }
            String have = "the scenario's run.replications of " + scenarioReplications;
            return scenarioReplications >= needed()
                    ? have + " is enough for ±" + p + " (" + needed() + " needed)"
                    : have + " is fewer than the " + needed() + " needed for ±" + p + ": raise run.replications to "
                    + needed();
        }
    }

    private static String csv(Map<String, ReplicationsNeeded.Result> byMetric) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "metric", "n", "mean", "half_width", "relative_half_width");
        for (Map.Entry<String, ReplicationsNeeded.Result> e : byMetric.entrySet()) {
            for (ReplicationsNeeded.Step s : e.getValue().steps()) {
                Csv.row(out, Csv.field(e.getKey()), Integer.toString(s.n()), Csv.num(s.mean()), Csv.num(s.halfWidth()),
                        Csv.num(s.relativeHalfWidth()));
            }
        }
        return out.toString();
    }

    private Map<String, Object> json(Scenario asGiven, Scenario run, Recommendation rec, int threads, double wall)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", asGiven.name());
        m.put("scenario_file", scenarioFile.toString());
        m.put("scenario_sha256", Provenance.sha256(scenarioFile));
        m.put("seed", run.run().seed());
        m.put("population", run.population().size());
        m.put("warmup_years", run.run().warmupYears());
        m.put("years", run.run().years());
        m.put("replications_run", rec.max());
        m.put("precision", rec.precision());
        m.put("confidence", Estimates.DEFAULT_CONFIDENCE);
        m.put("method", "confidence-interval method (Robinson): for n = 2..N, cumulative mean and 95% Student-t "
                + "half-width relative to |mean|; a metric needs the smallest n from which that stays <= precision "
                + "for every larger n up to N");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, ReplicationsNeeded.Result> e : rec.byMetric().entrySet()) {
            ReplicationsNeeded.Result r = e.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", e.getKey());
            row.put("replications_needed", r.reached() ? r.needed() : null);
            row.put("reached", r.reached());
            row.put("projected_replications", r.projected() < 0 ? null : r.projected());
            row.put("mean", r.last().mean());
            row.put("half_width", r.last().halfWidth());
            row.put("relative_half_width", r.last().relativeHalfWidth());
            rows.add(row);
        }
        m.put("metrics", rows);
        m.put("undefined_metrics", rec.undefined());
        m.put("recommended_replications", rec.needed() < 0 ? null : rec.needed());
        m.put("recommended_replications_for_metrics_reached", rec.neededByReached() < 0 ? null : rec.neededByReached());
        m.put("scenario_replications", rec.scenarioReplications());
        m.put("verdict", rec.verdict());
        m.put("icsim_version", Version.current());
        m.put("git_commit", Provenance.gitCommit(Path.of(".")));
        m.put("java_version", System.getProperty("java.version"));
        m.put("threads", threads);
        m.put("wall_seconds", wall);
        m.put("created", Instant.now().toString());
        return m;
    }

    private void print(Scenario scenario, Recommendation rec, double wall, Path target) {
        System.out.printf(Locale.ROOT, "Replications needed: %s, %,d people, %s+%s years, up to %d replications, "
                        + "95%% intervals, precision ±%s of the mean%n%n", scenario.name(), scenario.population().size(),
                plain(scenario.run().warmupYears()), plain(scenario.run().years()), rec.max(), percent(rec.precision()));
        List<Integer> shown = new ArrayList<>();
        for (int s : SHOWN) {
            if (s < rec.max()) {
                shown.add(s);
            }
        }
        shown.add(rec.max());
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric", "mean"));
        shown.forEach(s -> header.add("±% n=" + s));
        header.add("needed");
        cells.add(header.toArray(String[]::new));
        for (Map.Entry<String, ReplicationsNeeded.Result> e : rec.byMetric().entrySet()) {
            ReplicationsNeeded.Result r = e.getValue();
            List<String> row = new ArrayList<>(List.of(e.getKey(), ConsoleTable.human(r.last().mean())));
            for (int s : shown) {
                row.add(percent(r.steps().get(s - 2).relativeHalfWidth()));
            }
            row.add(r.reached() ? Integer.toString(r.needed())
                    : "> " + rec.max() + (r.projected() > 0 ? " (~" + r.projected() + ")" : ""));
            cells.add(row.toArray(String[]::new));
        }
        for (String u : rec.undefined()) {
            List<String> row = new ArrayList<>(List.of(u, "n/a"));
            shown.forEach(s -> row.add(""));
            row.add("undefined in some replications");
            cells.add(row.toArray(String[]::new));
        }
        System.out.print(layout(cells));
        System.out.println("±% = half-width of the 95% interval after n replications, as a share of the mean; needed = "
                + "the smallest n from which it stays within ±" + percent(rec.precision()) + " up to " + rec.max());
        int needed = rec.needed();
        System.out.println(needed > 0 ? "Recommended replications: " + needed + " (the most any metric needs)"
                : "Recommended replications: not reached within " + rec.max() + " (~ = projected: N × (±% at N ÷ "
                + percent(rec.precision()) + ")²)");
        System.out.println("Verdict: " + rec.verdict());
        System.out.printf(Locale.ROOT, "%d replications in %.1f s. Outputs: %s%n", rec.max(), wall, target);
    }

    /** First column left-aligned, the others right-aligned, a rule under the header. */
    private static String layout(List<String[]> cells) {
        int[] width = new int[cells.get(0).length];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String c = cells.get(r)[i];
                String pad = " ".repeat(width[i] - c.length());
                line.append(i == 0 ? "" : "  ").append(i == 0 ? c + pad : pad + c);
            }
            String text = line.toString().stripTrailing();
            out.append(text).append('\n');
            if (r == 0) {
                out.append("-".repeat(text.length())).append('\n');
            }
        }
        return out.toString();
    }

    /** 0.05 → "5%", 0.0123 → "1.2%", infinite → "n/a". */
    static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "n/a";
        }
        double p = 100 * share;
        return (p >= 10 || Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.valueOf(v);
    }
}
