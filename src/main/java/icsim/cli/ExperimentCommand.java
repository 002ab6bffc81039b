package icsim.cli;

import icsim.experiment.design.Design;
import icsim.experiment.design.DesignResult;
import icsim.experiment.design.ExperimentRunner;
import icsim.output.Csv;
import icsim.output.ExperimentProvenance;
import icsim.output.OutputDirectory;
import icsim.output.Provenance;
import icsim.output.ProvenanceWriter;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.report.ExperimentReport;
import icsim.scenario.ExperimentLoader;
import icsim.scenario.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code icsim experiment FILE}: runs the design an experiment file names (a Leutz law, the scale thresholds, the
 * evaluation designs or a sweep), prints its verdict and tables, and writes them with every point's metrics.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run an experiment file: a base scenario, the variants it is compared with, and a design "
                + "(sweep, leutz_l1 ... leutz_l5, scale, evaluation) that turns the paired results into tables and a "
                + "verdict computed from them.",
                "Every point runs with the same seed and replications (common random numbers).",
                "Writes OUT/NAME/: verdict.txt, one CSV per table, points.csv, experiment.json, report.html."})
public final class ExperimentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file, e.g. scenarios/leutz/l2.yaml.")
    Path file;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Option(names = "--name", description = "Results folder name (default: the experiment's name).")
    String name;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Override one of the design's parameters, e.g. --param populations=[10000,50000] "
                    + "(read as YAML; repeatable).")
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        ExperimentSpec spec = withCommandLine(ExperimentLoader.load(file));
        return run(spec, file, name, scenarioOptions.overrides().isEmpty() && params.isEmpty(), output, common);
    }

    /** The file's settings with the command line's overrides on top (--replications, --set ...). */
    private ExperimentSpec withCommandLine(ExperimentSpec spec) throws Exception {
        Map<String, Object> set = new LinkedHashMap<>(spec.set());
        set.putAll(scenarioOptions.overrides());
        Map<String, Object> parameters = new LinkedHashMap<>(spec.parameters());
        try {
            parameters.putAll(icsim.scenario.ScenarioLoader.parseOverrides(params));
        } catch (icsim.scenario.ScenarioException e) {
            throw new UserError("--param " + e.yamlPath() + ": " + e.problem().replace("run.seed=42", "populations=[10000,50000]"));
        }
        return new ExperimentSpec(spec.file(), spec.name(), spec.description(), spec.design(), spec.base(), set,
                spec.primaryOutcome(), spec.materiality(), spec.arms(), spec.factors(), parameters);
    }

    /** Runs a loaded experiment and writes its folder; shared with {@code icsim sweep}. */
    static int run(ExperimentSpec spec, Path file, String folderName, boolean asShipped, OutputOptions output,
                   CommonOptions common) throws Exception {
        int threads = output.threadCount();
        String folder = folderName == null ? spec.name() : folderName;
        ScenarioOutputs.folderName(folder, "--name");
        try (OutputDirectory dir = OutputDirectory.prepare(output.out.resolve(folder))) {
            long start = System.nanoTime();
            ExperimentRunner runner = new ExperimentRunner(spec.file(), threads, (point, scenario, capitation, index, total) -> {
                if (!common.quiet) {
                    System.err.printf("icsim: point %d of %d: %s (%,d people, %d replications)%n", index, total,
                            point.name(), scenario.population().size(), scenario.run().replications());
                }
                try (Progress progress = new Progress(point.name(), scenario.run().replications(), common.quiet)) {
                    return ExperimentRunner.runner(threads, capitation).run(scenario, 0, null, progress.listener());
                }
            });
            DesignResult result = Design.of(spec.design()).execute(spec, runner);
            double wall = (System.nanoTime() - start) / 1e9;
            String text = text(spec, result, wall, asShipped);
            Files.writeString(dir.path().resolve("verdict.txt"), text);
            for (Table t : result.tables()) {
                t.write(dir.path());
            }
            writePoints(dir.path(), runner.summaries());
            if (file != null) {
                Files.copy(file, dir.path().resolve("experiment.yaml"));
            }
            ProvenanceWriter.write(dir.path(), provenance(spec, file, result, runner, threads, wall));
            ExperimentReport.write(dir.path(), spec, result, wall, pointsRun(runner));
            dir.commit();
            if (!common.quiet) {
                System.out.print(text);
                System.out.println("Outputs: " + dir.target());
            }
            return 0;
        }
    }

    /** The verdict, the summary and every table, as printed and as verdict.txt. */
    static String text(ExperimentSpec spec, DesignResult result, double wall, boolean asShipped) {
        StringBuilder out = new StringBuilder();
        out.append(spec.name()).append(" (").append(spec.design()).append(")");
        if (result.verdict() != DesignResult.Verdict.NOT_A_LAW) {
            out.append(": ").append(result.verdict().text().toUpperCase(Locale.ROOT));
        }
        out.append("\n").append(result.summary()).append("\n");
        for (Table t : result.tables()) {
            if (t.rows().size() <= 60) {
                out.append("\n").append(t.render());
            } else {
                out.append("\n").append(t.title()).append(": ").append(t.rows().size()).append(" rows in ")
                        .append(t.file()).append("\n");
            }
        }
        out.append(String.format(Locale.ROOT, "%nWall time %.1f s%s.%n", wall,
                asShipped ? "" : " (run size changed on the command line)"));
        return out.toString();
    }

    /** points.csv: every point's mean of every overall metric, with its 95 % interval. */
    private static void writePoints(Path folder, Map<String, RunSummary> summaries) throws IOException {
        Set<String> metrics = new LinkedHashSet<>();
        summaries.values().forEach(s -> metrics.addAll(s.overall().keySet()));
        StringBuilder out = new StringBuilder();
        Csv.row(out, "point", "metric", "mean", "ci_low", "ci_high", "replications");
        for (Map.Entry<String, RunSummary> e : summaries.entrySet()) {
            for (String m : metrics) {
                var est = e.getValue().overall().get(m);
                if (est != null) {
                    Csv.row(out, Csv.field(e.getKey()), m, Csv.num(est.mean()), Csv.num(est.ciLow()),
                            Csv.num(est.ciHigh()), Integer.toString(est.n()));
                }
            }
        }
        Csv.write(folder.resolve("points.csv"), out);
    }

    /** The points that ran, for the report (experiment.json has the same and the files' hashes). */
    private static Table pointsRun(ExperimentRunner runner) {
        Table.Builder t = new Table.Builder("points-run", "Points run (common random numbers: stream offset 0 for all)",
                "point", "scenario", "overrides", "population", "replications", "years", "wall_seconds");
        for (ExperimentRunner.Ran r : runner.ran()) {
            var s = r.scenario();
            t.row(r.point().name(), r.point().scenario().getFileName().toString(), r.point().overrides().toString(),
                    s.population().size(), s.run().replications(), String.format(Locale.ROOT, "%s+%s", plain(s.run().warmupYears()), plain(s.run().years())),
                    r.wallSeconds());
        }
        return t.build();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static ExperimentProvenance provenance(ExperimentSpec spec, Path file, DesignResult result,
                                                   ExperimentRunner runner, int threads, double wall) throws IOException {
        List<ExperimentProvenance.PointEntry> points = new ArrayList<>();
        for (ExperimentRunner.Ran r : runner.ran()) {
            var s = r.scenario();
            points.add(new ExperimentProvenance.PointEntry(r.point().name(), r.point().scenario().toString(),
                    Provenance.sha256(r.point().scenario()), r.point().overrides(), s.run().seed(),
                    s.run().replications(), s.population().size(), s.run().warmupYears(), s.run().years(),
                    r.wallSeconds()));
        }
        return new ExperimentProvenance(Version.current(), Provenance.gitCommit(Path.of(".")), spec.file(),
                file == null ? null : Provenance.sha256(file), spec.name(), spec.design(), result.verdict().text(),
                "common random numbers: stream offset 0 for every point, so replication r of every point sees the "
                        + "same people and health events", points, System.getProperty("java.version"),
                System.getProperty("java.vendor"), Runtime.getRuntime().availableProcessors(), threads, wall,
                Instant.now().toString());
    }
}
