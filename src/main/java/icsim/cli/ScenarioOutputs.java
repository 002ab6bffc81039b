package icsim.cli;

import icsim.output.Csv;
import icsim.output.CsvReports;
import icsim.output.Provenance;
import icsim.output.ProvenanceWriter;
import icsim.output.QueueGrowth;
import icsim.output.ReplicationResult;
import icsim.output.RunSummary;
import icsim.report.StressDesReport;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;
import icsim.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code run} and {@code compare} write and print for one scenario: the same files in its folder
 * (summary.csv, replications.csv, by_year.csv, by_cohort.csv, timeseries.csv, ledger.csv, integration.csv,
 * scenario.yaml, run.json, and with --report stress-des.md) and the same lines on stderr.
 */
final class ScenarioOutputs {
    static final String INTEGRATION = "integration.csv";
    static final String SCENARIO_YAML = "scenario.yaml";

    static final String STREAMS = "Counter-based common random numbers: every uniform is SplitMix64(seed, replication, "
            + "person slot and generation, purpose, index); index = crisis-candidate number for crisis draws. "
            + "Crises by thinning a per-person majorant; death and frailty by inverting the cumulative hazard "
            + "against one Exp(1) per person and transition.";

    private ScenarioOutputs() {
    }

    /** Checks that name can be a folder; source says where it came from (an option, or a file and YAML path). */
    static String folderName(String name, String source) throws UserError {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new UserError(source + ": '" + name + "' is not a folder name (use letters, digits, - and _)");
        }
        return name;
    }

    /** Unless quiet, two lines on stderr before a scenario runs: its size and run settings, and its integration. */
    static void announce(Scenario scenario, int threads, boolean quiet) {
        if (quiet) {
            return;
        }
        System.err.printf("icsim: %s, %,d people, %d replications of %.0f+%.0f years on %d threads%n", scenario.name(),
                scenario.population().size(), scenario.run().replications(), scenario.run().warmupYears(),
                scenario.run().years(), threads);
        System.err.println("icsim: " + scenario.name() + ": " + IntegrationProfile.summary(scenario));
    }

    /** Unless quiet, a warning line on stderr for every waiting list still growing at the end of the run. */
    static void warnQueues(RunSummary summary, String prefix, boolean quiet) {
        if (quiet) {
            return;
        }
        for (String warning : QueueGrowth.warnings(summary)) {
            System.err.println("icsim: warning: " + prefix + warning);
        }
    }

    /**
     * Writes every output of one scenario's run into folder (created if absent) and returns its summary.
     *
     * @param streamOffset the offset the replications ran with (0: common random numbers)
     * @param wall         the run's wall time in seconds
     */
    static RunSummary write(Path folder, Path scenarioFile, Scenario scenario, List<ReplicationResult> results,
                            long streamOffset, int threads, double wall) throws IOException, ScenarioException {
        return write(folder, scenarioFile, scenario, results, streamOffset, threads, wall, null);
    }

    /**
     * As above, and with a report request also the STRESS-DES report (stress-des.md).
     *
     * @param report null for no report
     */
    static RunSummary write(Path folder, Path scenarioFile, Scenario scenario, List<ReplicationResult> results,
                            long streamOffset, int threads, double wall, Report report)
            throws IOException, ScenarioException {
        Files.createDirectories(folder);
        RunSummary summary = new RunSummary(results);
        CsvReports.writeAll(folder, summary);
        Csv.write(folder.resolve(INTEGRATION), integrationCsv(scenario));
        Files.writeString(folder.resolve(SCENARIO_YAML), ScenarioLoader.toYaml(scenario), StandardCharsets.UTF_8);
        Provenance provenance = provenance(scenarioFile, scenario, streamOffset, threads, wall);
        ProvenanceWriter.write(folder, provenance);
        if (report != null) {
            StressDesReport.write(folder, new StressDesReport.Context(report.command(), report.files(), scenarioFile,
                    scenario, report.overrides(), summary, provenance, RunCommand.HEADLINE, report.comparison()));
        }
        return summary;
    }

    /**
     * What --report needs beyond the run: the command, the files given to it, the overrides every scenario was
     * loaded with, and for compare the comparison this scenario belongs to (null for run).
     */
    record Report(String command, List<Path> files, Map<String, ?> overrides, StressDesReport.Comparison comparison) {
    }

    /** One row per integration mechanism, in MODEL.md §5 order, with the dimensions it belongs to. */
    static String integrationCsv(Scenario scenario) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, "mechanism", "enabled", "dimensions", "setup_cost", "running_cost_per_year", "sector", "nhs_share");
        for (IntegrationProfile.Mechanism m : IntegrationProfile.mechanisms(scenario)) {
            Csv.row(out, Csv.field(m.key()), Boolean.toString(m.enabled()), Csv.field(String.join(";", m.dimensions())),
                    Csv.num(m.setupCost()), Csv.num(m.runningCostPerYear()), Csv.field(m.sector()), Csv.num(m.nhsShare()));
        }
        return out.toString();
    }

    private static Provenance provenance(Path scenarioFile, Scenario scenario, long streamOffset, int threads,
                                         double wall) throws IOException {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("event_list", "binary heap (icsim.engine.BinaryHeapEventList) under SSJ Simulator");
        extra.put("day_zero", "Monday 1 January of the warm-up year");
        extra.put("stream_offset", Long.toString(streamOffset));
        return new Provenance(Version.current(), Provenance.gitCommit(Path.of(".")), scenarioFile.toString(),
                Provenance.sha256(scenarioFile), scenario.name(), scenario.run().seed(), scenario.run().replications(),
                scenario.run().warmupYears(), scenario.run().years(), scenario.population().size(),
                STREAMS, System.getProperty("java.version"), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), threads, wall, Instant.now().toString(), extra);
    }
}
