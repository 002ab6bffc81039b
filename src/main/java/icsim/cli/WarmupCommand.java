package icsim.cli;

import icsim.experiment.ReplicationRunner;
import icsim.experiment.WarmupDiagnostic;
import icsim.output.ConsoleTable;
import icsim.output.Csv;
import icsim.output.JsonReport;
import icsim.output.OutputDirectory;
import icsim.output.Provenance;
import icsim.output.ReplicationResult;
import icsim.output.RunSummary;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code icsim warmup SCENARIO}: how long a warm-up the scenario needs. Runs it with no warm-up, averages the
 * daily census of acute beds and of delayed transfers (medically fit patients in acute beds) over replications,
 * finds each series' MSER-5 truncation point and recommends the larger, rounded up to whole months.
 */
@Command(name = "warmup", mixinStandardHelpOptions = true,
        description = {"Warm-up diagnostic: run the scenario from its initial state with no warm-up and find where the "
                + "initial transient ends (MSER-5, White 1997) in the daily acute bed occupancy and delayed-transfer "
                + "beds, averaged over replications; Welch's moving average for plotting.",
                "Recommends a warm-up (the larger truncation point, rounded up to whole months) and says whether the "
                        + "scenario's run.warmup_years covers it.",
                "Writes warmup.csv (day, occupancy_mean, occupancy_moving_average, delayed_mean, "
                        + "delayed_moving_average) and warmup.json (the result) to OUT/NAME/."})
public final class WarmupCommand implements Callable<Integer> {
    static final String CSV = "warmup.csv";
    static final String JSON = "warmup.json";
    static final String OCCUPANCY = "acute_beds";
    static final String DELAYED = "acute_beds_mffd";
    static final int DEFAULT_REPLICATIONS_CAP = 10;
    static final int MIN_HORIZON_YEARS = 3;
    static final double DAYS_PER_MONTH = 365.0 / 12;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file, e.g. scenarios/fragmented.yaml.")
    Path scenarioFile;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    CommonOptions common;

    @Option(names = "--years", paramLabel = "N",
            description = "Whole years to simulate from day 0 (default: the scenario's warm-up + years, at least "
                    + MIN_HORIZON_YEARS + ").")
    Integer years;

    @Option(names = "--replications", paramLabel = "R",
            description = "Replications to average (default: the scenario's run.replications, at most "
                    + DEFAULT_REPLICATIONS_CAP + ").")
    Integer replications;

    @Option(names = "--window", paramLabel = "W", defaultValue = "30",
            description = "Half-window of Welch's moving average in days (default: ${DEFAULT-VALUE}; "
                    + "each value averages 2W+1 days).")
    int window;

    @Option(names = "--name", description = "Results folder name (default: warmup-<scenario name>).")
    String name;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        if (years != null && years < 1) {
            throw new UserError("--years: must be a whole number of years ≥ 1, got " + years);
        }
        if (replications != null && replications < 1) {
            throw new UserError("--replications: must be ≥ 1, got " + replications);
        }
        if (window < 1) {
            throw new UserError("--window: must be ≥ 1 day, got " + window);
        }
        int threadCount = analysis.threadCount();
        Map<String, Object> overrides = analysis.overrides();
        Scenario asGiven = ScenarioLoader.load(scenarioFile, overrides);
        double scenarioWarmup = asGiven.run().warmupYears();
        int horizon = years != null ? years
                : Math.max(MIN_HORIZON_YEARS, (int) Math.ceil(scenarioWarmup + asGiven.run().years() - 1e-9));
        int reps = replications != null ? replications
                : Math.min(DEFAULT_REPLICATIONS_CAP, asGiven.run().replications());
        overrides.put("run.warmup_years", 0.0);
        overrides.put("run.years", horizon);
        overrides.put("run.replications", reps);
        Scenario scenario = ScenarioLoader.load(scenarioFile, overrides);
        int days = (int) Math.round(horizon * 365.0);
        if (window > days / 4) {
            throw new UserError("--window: " + window + " days is more than a quarter of the " + days
                    + "-day horizon (Welch's rule; choose at most " + days / 4 + " or a longer --years)");
        }
        String folder = name == null ? ScenarioOutputs.folderName("warmup-" + asGiven.name(), scenarioFile + ": name")
                : ScenarioOutputs.folderName(name, "--name");
        try (OutputDirectory dir = OutputDirectory.prepare(analysis.out.resolve(folder))) {
            long start = System.nanoTime();
            ScenarioOutputs.announce(scenario, threadCount, common.quiet);
            boolean integrated = IntegrationProfile.mechanisms(scenario).stream()
                    .anyMatch(IntegrationProfile.Mechanism::enabled);
            if (integrated && !common.quiet) {
                System.err.println("icsim: note: with no warm-up the integration mechanisms start on day 0 and mature "
                        + "over integration.maturity.years: that ramp is a trend, not an initial transient (run the "
                        + "diagnostic on the fragmented baseline, or set integration.maturity.years=0)");
            }
            ReplicationRunner.Outcome outcome = Progress.run(threadCount, scenario, 0, null, common.quiet);
            double wall = (System.nanoTime() - start) / 1e9;
            ReplicationResult.DailySeries mean = new RunSummary(outcome.results()).meanSeries();
            double[] occupancy = series(mean, OCCUPANCY);
            double[] delayed = series(mean, DELAYED);
            Diagnosis result = diagnose(occupancy, delayed, scenarioWarmup);
            double[] occupancyMa = WarmupDiagnostic.movingAverage(occupancy, window);
            double[] delayedMa = WarmupDiagnostic.movingAverage(delayed, window);
            Csv.write(dir.path().resolve(CSV), csv(occupancy, occupancyMa, delayed, delayedMa));
            JsonReport.write(dir.path().resolve(JSON), json(asGiven, scenario, horizon, result, threadCount, wall));
            dir.commit();
            if (!common.quiet) {
                print(scenario, horizon, result, occupancyMa, delayedMa, wall, dir.target());
            }
            return 0;
        }
    }

    /** The two truncation points and the recommendation drawn from them. */
    record Diagnosis(WarmupDiagnostic.Truncation occupancy, WarmupDiagnostic.Truncation delayed, int months,
                     double scenarioWarmupYears) {
        int truncationDays() {
            return Math.max(occupancy.observations(), delayed.observations());
        }

        int recommendedDays() {
            return (int) Math.ceil(months * DAYS_PER_MONTH - 1e-9);
        }

        double recommendedYears() {
            return months / 12.0;
        }

        boolean covered() {
            return scenarioWarmupYears * 12 >= months - 1e-9;
        }

        String verdict() {
            String have = "the scenario's warm-up of " + years(scenarioWarmupYears);
            String need = "the recommended " + years(recommendedYears());
            return covered() ? have + " covers " + need
                    : have + " is shorter than " + need + ": raise run.warmup_years to at least "
                    + plain(Math.ceil(recommendedYears() * 100 - 1e-9) / 100);
        }
    }

    static Diagnosis diagnose(double[] occupancy, double[] delayed, double scenarioWarmupYears) {
        WarmupDiagnostic.Truncation o = WarmupDiagnostic.mser5(occupancy);
        WarmupDiagnostic.Truncation d = WarmupDiagnostic.mser5(delayed);
        int days = Math.max(o.observations(), d.observations());
        int months = (int) Math.ceil(days / DAYS_PER_MONTH - 1e-9);
        return new Diagnosis(o, d, months, scenarioWarmupYears);
    }

    private static double[] series(ReplicationResult.DailySeries mean, String service) {
        int s = mean.services().indexOf(service);
        if (s < 0) {
            throw new IllegalStateException("the daily series has no service " + service + ": " + mean.services());
        }
        double[] values = mean.occupancy()[s].clone();
        for (int d = 0; d < values.length; d++) {
            if (!Double.isFinite(values[d])) {
                throw new IllegalStateException(service + ": no census on day " + d);
            }
        }
        return values;
    }

    private static String csv(double[] occupancy, double[] occupancyMa, double[] delayed, double[] delayedMa) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "day", "occupancy_mean", "occupancy_moving_average", "delayed_mean", "delayed_moving_average");
        for (int d = 0; d < occupancy.length; d++) {
            Csv.row(out, Integer.toString(d), Csv.num(occupancy[d]), Csv.num(occupancyMa[d]), Csv.num(delayed[d]),
                    Csv.num(delayedMa[d]));
        }
        return out.toString();
    }

    private Map<String, Object> json(Scenario asGiven, Scenario run, int horizon, Diagnosis r, int threads,
                                     double wall) throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", asGiven.name());
        m.put("scenario_file", scenarioFile.toString());
        m.put("scenario_sha256", Provenance.sha256(scenarioFile));
        m.put("seed", run.run().seed());
        m.put("population", run.population().size());
        m.put("replications", run.run().replications());
        m.put("horizon_years", horizon);
        m.put("method", "MSER-5 (White 1997) on the daily census averaged over replications, warm-up 0, day 0 = "
                + "first simulated day; truncation searched over the first half of the batches; recommendation = "
                + "the larger truncation, rounded up to whole months");
        m.put("batch_days", WarmupDiagnostic.BATCH);
        m.put("moving_average_half_window_days", window);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put(OCCUPANCY, truncation(r.occupancy()));
        series.put(DELAYED, truncation(r.delayed()));
        m.put("series", series);
        m.put("truncation_days", r.truncationDays());
        m.put("recommended_warmup_months", r.months());
        m.put("recommended_warmup_days", r.recommendedDays());
        m.put("recommended_warmup_years", r.recommendedYears());
        m.put("scenario_warmup_years", r.scenarioWarmupYears());
        m.put("covered", r.covered());
        m.put("verdict", r.verdict());
        m.put("icsim_version", Version.current());
        m.put("git_commit", Provenance.gitCommit(Path.of(".")));
        m.put("java_version", System.getProperty("java.version"));
        m.put("threads", threads);
        m.put("wall_seconds", wall);
        m.put("created", Instant.now().toString());
        return m;
    }

    private static Map<String, Object> truncation(WarmupDiagnostic.Truncation t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("truncation_days", t.observations());
        m.put("truncation_batches", t.batches());
        m.put("batches", t.batchCount());
        m.put("mser", t.statistic());
        m.put("mean_after_truncation", t.truncatedMean());
        m.put("at_search_limit", t.atLimit());
        return m;
    }

    private void print(Scenario scenario, int horizon, Diagnosis r, double[] occupancyMa, double[] delayedMa,
                       double wall, Path target) {
        System.out.printf(Locale.ROOT, "Warm-up diagnostic: %s, %,d people, %d replications of %s from day 0 "
                        + "(no warm-up), mean over replications%n%n", scenario.name(), scenario.population().size(),
                scenario.run().replications(), years(horizon));
        System.out.printf(Locale.ROOT, "Welch's moving average (half-window %d days) at the middle of each month:%n",
                window);
        System.out.printf(Locale.ROOT, "%-7s %18s %18s%n", "month", "acute beds in use", "delayed transfers");
        for (int month = 1; month <= Math.min(12, 12 * horizon); month++) {
            int day = (int) Math.round((month - 0.5) * DAYS_PER_MONTH);
            if (!Double.isFinite(occupancyMa[day])) {
                break; // the last w days have no centred average
            }
            System.out.printf(Locale.ROOT, "%-7d %18s %18s%n", month, ConsoleTable.human(occupancyMa[day]),
                    ConsoleTable.human(delayedMa[day]));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "MSER-5 truncation: acute beds in use %d days (then %s on average), "
                        + "delayed transfers %d days (then %s)%n", r.occupancy().observations(),
                ConsoleTable.human(r.occupancy().truncatedMean()), r.delayed().observations(),
                ConsoleTable.human(r.delayed().truncatedMean()));
        warnAtLimit("acute beds in use", r.occupancy());
        warnAtLimit("delayed transfers", r.delayed());
        System.out.printf(Locale.ROOT, "Recommended warm-up: %d month%s = %d days = %s (run.warmup_years: %s)%n",
                r.months(), r.months() == 1 ? "" : "s", r.recommendedDays(), years(r.recommendedYears()),
                plain(r.scenarioWarmupYears()));
        System.out.println("Verdict: " + r.verdict());
        System.out.printf(Locale.ROOT, "%d replications in %.1f s. Outputs: %s%n", scenario.run().replications(), wall,
                target);
    }

    private static void warnAtLimit(String series, WarmupDiagnostic.Truncation t) {
        if (t.atLimit()) {
            System.err.println("icsim: warning: " + series + ": the MSER-5 minimum is at the end of the search range "
                    + "(half the horizon), so the transient may last longer (rerun with a longer --years)");
        }
    }

    /** "1 year", "2 years", "0.33 years". */
    static String years(double y) {
        return plain(Math.round(y * 100) / 100.0) + (y == 1 ? " year" : " years");
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v).replaceFirst("0$", "");
    }
}
