package icsim.cli;

import icsim.experiment.JourneyStory;
import icsim.experiment.PersonTrace;
import icsim.experiment.ReplicationRunner;
import icsim.output.ComparisonProvenance;
import icsim.output.ConsoleTable;
import icsim.output.CsvReports;
import icsim.output.OutputDirectory;
import icsim.output.PairedComparison;
import icsim.output.Provenance;
import icsim.output.ProvenanceWriter;
import icsim.output.RunSummary;
import icsim.report.HtmlReport;
import icsim.report.StressDesReport;
import icsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code icsim compare BASELINE SCENARIO...}: runs every scenario as {@code run} would, with the same seed and
 * replications, and reports each scenario's paired differences from the baseline, replication by replication.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare scenarios with a baseline: paired differences, replication by replication, with 95%% "
                + "confidence intervals.",
                "Every scenario runs with the same seed and replications, so with common random numbers replication r "
                        + "of each sees the same people and health events.",
                "Writes OUT/NAME/comparison.csv and run.json, and one folder per scenario with what `run` writes."})
public final class CompareCommand implements Callable<Integer> {
    static final String COMMON = "common random numbers";
    static final String INDEPENDENT = "independent streams (offset = scenario index)";

    @Parameters(arity = "1..*", paramLabel = "SCENARIO",
            description = "The baseline scenario file, then one or more scenario files to compare with it.")
    List<Path> files;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Option(names = "--name", defaultValue = "comparison", description = "Comparison folder name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--independent-streams",
            description = "Give scenario i (0 = the baseline) random-number stream offset i instead of common random "
                    + "numbers, to see how much wider the intervals get without them.")
    boolean independentStreams;

    @Option(names = "--report", description = "Also write stress-des.md (the STRESS-DES checklist filled in) in every "
            + "scenario's folder, and report.html in the comparison folder (see icsim report).")
    boolean report;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        if (files.size() < 2) {
            throw new UserError(files.get(0) + ": compare needs a baseline and at least one scenario to compare with it "
                    + "(add a second scenario file, e.g. icsim compare " + files.get(0) + " other.yaml)");
        }
        int threadCount = output.threadCount();
        ScenarioOutputs.folderName(name, "--name");
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            scenarios.add(scenarioOptions.load(file));
        }
        List<String> warnings = check(scenarios);
        List<String> folders = folders(scenarios);
        Scenario baseline = scenarios.get(0);
        try (OutputDirectory dir = OutputDirectory.prepare(output.out.resolve(name))) {
            long start = System.nanoTime();
            if (!common.quiet) {
                warnings.forEach(w -> System.err.println("icsim: warning: " + w));
            }
            List<RunSummary> summaries = new ArrayList<>();
            List<ComparisonProvenance.Scenario> entries = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                long offset = independentStreams ? i : 0;
                long scenarioStart = System.nanoTime();
                ScenarioOutputs.announce(scenario, threadCount, common.quiet);
                ReplicationRunner.Outcome outcome = Progress.run(threadCount, scenario, offset, null, common.quiet);
                double wall = (System.nanoTime() - scenarioStart) / 1e9;
                ScenarioOutputs.Report request = !report ? null : new ScenarioOutputs.Report("compare", files,
                        scenarioOptions.overrides(), new StressDesReport.Comparison(folders.get(0),
                        folders.subList(1, folders.size()), folders.get(i), independentStreams ? INDEPENDENT : COMMON));
                summaries.add(ScenarioOutputs.write(dir.path().resolve(folders.get(i)), files.get(i), scenario,
                        outcome.results(), offset, threadCount, wall, request));
                entries.add(new ComparisonProvenance.Scenario(i == 0 ? "baseline" : "scenario", files.get(i).toString(),
                        Provenance.sha256(files.get(i)), scenario.name(), folders.get(i), offset,
                        scenario.run().warmupYears(), scenario.run().years(), scenario.population().size()));
            }
            Map<String, List<PairedComparison.Difference>> differences = new LinkedHashMap<>();
            for (int i = 1; i < scenarios.size(); i++) {
                differences.put(folders.get(i), PairedComparison.compare(summaries.get(0), summaries.get(i)));
            }
            CsvReports.writeComparison(dir.path(), differences);
            Map<String, RunSummary> others = new LinkedHashMap<>();
            for (int i = 1; i < scenarios.size(); i++) {
                others.put(folders.get(i), summaries.get(i));
            }
            CsvReports.writeNetCostByMonth(dir.path(), summaries.get(0), others);
            double wall = (System.nanoTime() - start) / 1e9;
            ProvenanceWriter.write(dir.path(), new ComparisonProvenance(Version.current(),
                    Provenance.gitCommit(Path.of(".")), entries, independentStreams ? INDEPENDENT : COMMON,
                    ScenarioOutputs.STREAMS, baseline.run().seed(), baseline.run().replications(),
                    System.getProperty("java.version"), System.getProperty("java.vendor"),
                    Runtime.getRuntime().availableProcessors(), threadCount, wall, Instant.now().toString(),
                    Map.of("difference", "scenario minus baseline, paired by replication index")));
            if (report) {
                writeJourney(dir.path(), scenarios, files);
                HtmlReport.write(dir.path(), RunCommand.HEADLINE);
            }
            dir.commit();
            for (int i = 0; i < scenarios.size(); i++) {
                ScenarioOutputs.warnQueues(summaries.get(i), folders.get(i) + ": ", common.quiet);
            }
            if (!common.quiet) {
                print(folders, differences, baseline.run().replications(), wall, dir.target());
            }
            return 0;
        }
    }

    /**
     * Paired differences need the baseline's replications and seed (errors); other run settings that differ
     * only make the comparison harder to read (warnings, returned for printing once the run starts).
     */
    private List<String> check(List<Scenario> scenarios) throws UserError {
        Scenario b = scenarios.get(0);
        Path bf = files.get(0);
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Path f = files.get(i);
            if (s.run().replications() != b.run().replications()) {
                throw new UserError(mismatch(f, "run.replications", s.run().replications(), b.run().replications(), bf)
                        + "; paired differences need the same replications (make them equal or pass --replications N)");
            }
            if (s.run().seed() != b.run().seed()) {
                throw new UserError(mismatch(f, "run.seed", s.run().seed(), b.run().seed(), bf)
                        + "; paired differences need the same seed (make them equal or pass --seed N)");
            }
            if (s.run().years() != b.run().years()) {
                warnings.add(mismatch(f, "run.years", s.run().years(), b.run().years(), bf)
                        + "; the differences mix run lengths (make them equal or pass --years N)");
            }
            if (s.run().warmupYears() != b.run().warmupYears()) {
                warnings.add(mismatch(f, "run.warmup_years", s.run().warmupYears(), b.run().warmupYears(), bf)
                        + "; the differences mix warm-ups (make them equal or pass --warmup Y)");
            }
            if (s.population().size() != b.population().size()) {
                warnings.add(mismatch(f, "population.size", s.population().size(), b.population().size(), bf)
                        + "; counts and capacities differ in scale (make them equal or pass --population N)");
            }
        }
        if (b.run().replications() < 2) {
            warnings.add(bf + ": run.replications: 1 replication gives differences without confidence intervals or "
                    + "tests (pass --replications 2 or more)");
        }
        return warnings;
    }

    private static String mismatch(Path file, String key, Object value, Object baseline, Path baselineFile) {
        return file + ": " + key + ": " + plain(value) + " differs from the baseline's " + plain(baseline) + " ("
                + baselineFile + ")";
    }

    private static String plain(Object v) {
        return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
    }

    /** Each scenario's folder: its name, with -2, -3 ... when an earlier scenario took it. */
    private List<String> folders(List<Scenario> scenarios) throws UserError {
        Set<String> taken = new HashSet<>(List.of(CsvReports.COMPARISON, ProvenanceWriter.FILE));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String base = ScenarioOutputs.folderName(scenarios.get(i).name(), files.get(i) + ": name");
            String folder = base;
            for (int k = 2; taken.contains(folder); k++) {
                folder = base + "-" + k;
            }
            taken.add(folder);
            out.add(folder);
        }
        return out;
    }

    private void print(List<String> folders, Map<String, List<PairedComparison.Difference>> differences,
                       int replications, double wall, Path target) {
        for (Map.Entry<String, List<PairedComparison.Difference>> e : differences.entrySet()) {
            System.out.printf("%n%s against %s (baseline), paired by replication, %s:%n", e.getKey(), folders.get(0),
                    independentStreams ? INDEPENDENT : COMMON);
            System.out.print(ConsoleTable.renderDifferences(rows(e.getValue())));
        }
        System.out.println("difference = scenario − baseline, mean over replications with its 95% interval; "
                + "change = difference ÷ baseline; * = the interval excludes 0 (comparison.csv adds p-values and "
                + "Holm-adjusted significance)");
        System.out.printf(Locale.ROOT, "%d scenarios × %d replications in %.1f s. Outputs: %s%n", folders.size(),
                replications, wall, target);
    }

    /** The headline metrics in their order, or with --all every metric in catalogue order. */
    private List<ConsoleTable.DifferenceRow> rows(List<PairedComparison.Difference> differences) {
        Map<String, PairedComparison.Difference> byMetric = new LinkedHashMap<>();
        differences.forEach(d -> byMetric.put(d.metric(), d));
        List<ConsoleTable.DifferenceRow> rows = new ArrayList<>();
        for (String metric : output.all ? byMetric.keySet() : RunCommand.HEADLINE.keySet()) {
            if (byMetric.containsKey(metric)) {
                rows.add(new ConsoleTable.DifferenceRow(RunCommand.HEADLINE.getOrDefault(metric, metric),
                        byMetric.get(metric)));
            }
        }
        return rows;
    }

    /**
     * journey.txt for the report: the seeds' "Mrs Smith" (85+, severe frailty, living alone) through the baseline
     * and the last scenario, replication 0, as icsim trace prints it; left out if no one fits in this population.
     */
    private static void writeJourney(Path folder, List<Scenario> scenarios, List<Path> files) throws IOException {
        int last = scenarios.size() - 1;
        Scenario a = scenarios.get(0);
        Scenario b = scenarios.get(last);
        try {
            PersonTrace.Result trace = PersonTrace.byPersona(a, b, 0, PersonTrace.Persona.named("mrs-smith"));
            Files.writeString(folder.resolve(HtmlReport.JOURNEY), JourneyStory.text(trace, files.get(0).toString(), files.get(last).toString(), 110),
                    StandardCharsets.UTF_8);
        } catch (PersonTrace.NotFound e) {
            // a population too small to hold her: the report simply has no journey section
        }
    }
}
