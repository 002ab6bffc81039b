package icsim.cli;

import icsim.experiment.ReplicationRunner;
import icsim.output.ConsoleTable;
import icsim.output.EventLogWriter;
import icsim.output.OutputDirectory;
import icsim.output.RunSummary;
import icsim.report.HtmlReport;
import icsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code icsim run SCENARIO}: R replications of one scenario, a table on the terminal, CSVs on disk. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario: replications in parallel, results with 95%% confidence intervals.",
                "Writes summary.csv, replications.csv, by_year.csv, by_cohort.csv, timeseries.csv, ledger.csv,",
                "integration.csv (the integration mechanisms and their dimensions), scenario.yaml (the resolved",
                "scenario) and run.json (provenance) to OUT/NAME/; with --report also stress-des.md and report.html."})
public final class RunCommand implements Callable<Integer> {
    /** The headline rows shown on the terminal, with their units; every metric is in summary.csv. */
    static final Map<String, String> HEADLINE = headline();

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file, e.g. scenarios/fragmented.yaml.")
    Path scenarioFile;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Option(names = "--name", description = "Run folder name (default: the scenario's name).")
    String name;

    @Option(names = "--events", paramLabel = "FILE", description = "Also write the person-level event log (CSV) to FILE.")
    Path events;

    @Option(names = "--events-sample", paramLabel = "N", description = "Log only N people per replication (default: everyone).")
    Integer eventsSample;

    @Option(names = "--report", description = "Also write stress-des.md: the STRESS-DES checklist (Monks et al. 2019) "
            + "filled in from the scenario, its sources and this run; and report.html (see icsim report).")
    boolean report;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        Scenario scenario = scenarioOptions.load(scenarioFile);
        if (eventsSample != null && eventsSample < 0) {
            throw new UserError("--events-sample: must be ≥ 0, got " + eventsSample);
        }
        int threadCount = output.threadCount();
        String runName = name == null ? ScenarioOutputs.folderName(scenario.name(), scenarioFile + ": name")
                : ScenarioOutputs.folderName(name, "--name");
        try (OutputDirectory dir = OutputDirectory.prepare(output.out.resolve(runName));
             EventFile eventFile = events == null ? null : EventFile.prepare(events)) {
            long start = System.nanoTime();
            ScenarioOutputs.announce(scenario, threadCount, common.quiet);
            ReplicationRunner.EventLogRequest log = events == null ? null
                    : new ReplicationRunner.EventLogRequest(eventsSample == null ? -1 : eventsSample, dir.path());
            ReplicationRunner.Outcome outcome = Progress.run(threadCount, scenario, 0, log, common.quiet);
            double wall = (System.nanoTime() - start) / 1e9;
            RunSummary summary = ScenarioOutputs.write(dir.path(), scenarioFile, scenario, outcome.results(), 0,
                    threadCount, wall, report ? new ScenarioOutputs.Report("run", List.of(scenarioFile),
                            scenarioOptions.overrides(), null) : null);
            if (eventFile != null) {
                EventLogWriter.concatenate(eventFile.temporary, outcome.eventParts());
                for (Path part : outcome.eventParts()) {
                    Files.delete(part);
                }
                eventFile.commit();
            }
            if (report) {
                HtmlReport.write(dir.path(), HEADLINE);
            }
            dir.commit();
            ScenarioOutputs.warnQueues(summary, "", common.quiet);
            if (!common.quiet) {
                System.out.print(ConsoleTable.render(output.all ? ConsoleTable.rows(summary, HEADLINE) : headlineRows(summary)));
                System.out.printf("%d replications in %.1f s. Outputs: %s%n", summary.replications(), wall, dir.target());
            }
            return 0;
        }
    }

    private static List<ConsoleTable.Row> headlineRows(RunSummary summary) {
        return HEADLINE.entrySet().stream()
                .filter(e -> summary.overall().containsKey(e.getKey()))
                .map(e -> new ConsoleTable.Row(e.getValue(), summary.overall(e.getKey())))
                .toList();
    }

    private static Map<String, String> headline() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("emergency_admissions_per_1000", "Emergency admissions per 1,000 a year");
        m.put("emergency_admissions_per_1000_65plus", "  per 1,000 aged 65+");
        m.put("ae_attendances", "A&E attendances a year");
        m.put("ae_admitted_share_65plus", "A&E attenders 65+ admitted (share)");
        m.put("acute_bed_days", "Acute bed days a year");
        m.put("delayed_transfer_bed_days", "  of which delayed transfer");
        m.put("mffd_bed_share", "Share of bed days medically fit");
        m.put("mean_los_days_overnight", "Mean stay, overnight (days)");
        m.put("same_day_share", "Same-day admissions (share)");
        m.put("acute_occupancy_mean", "Acute bed occupancy (mean)");
        m.put("ae_boarding_hours_per_admission", "A&E boarding hours per admission");
        m.put("readmission_30d_rate", "30-day readmission rate");
        m.put("step_up_episodes", "Step-up episodes a year");
        m.put("care_home_admissions", "Care-home admissions a year");
        m.put("deaths_per_1000", "Deaths per 1,000 a year");
        m.put("days_at_home_per_person_65plus", "Days at home per person 65+ a year");
        m.put("total_cost", "Total cost a year (£, economic)");
        m.put("cost_per_capita", "Cost per person a year (£)");
        m.put("cost_nhs", "  NHS (£ a year)");
        m.put("cost_local_authority", "  local authority (£ a year)");
        m.put("cost_self_funder", "  self-funders (£ a year)");
        return m;
    }

    /** The event log goes to a temporary file beside the target and is moved into place at the end. */
    private static final class EventFile implements AutoCloseable {
        final Path target;
        final Path temporary;
        private boolean committed;

        private EventFile(Path target, Path temporary) {
            this.target = target;
            this.temporary = temporary;
        }

        static EventFile prepare(Path target) throws UserError {
            Path abs = target.toAbsolutePath();
            Path parent = abs.getParent();
            if (Files.isDirectory(abs)) {
                throw new UserError("--events: " + target + " is a folder (give a file name, e.g. events.csv)");
            }
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UserError("--events: folder " + parent + " does not exist (create it or choose another path)");
            }
            try {
                // not createTempFile: its owner-only permissions would stay on the finished log
                Path temporary = parent.resolve("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                return new EventFile(abs, Files.createFile(temporary));
            } catch (IOException e) {
                throw new UserError("--events: cannot write in " + parent + " (" + e.getMessage() + "; choose another path)");
            }
        }

        void commit() throws IOException {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
