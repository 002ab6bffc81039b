package icsim.cli;

import icsim.experiment.ReplicationRunner;
import icsim.experiment.ValidationReport;
import icsim.output.Provenance;
import icsim.output.RunSummary;
import icsim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code icsim targets [SCENARIO]}: runs a scenario (the fragmented baseline by default) and reports it against
 * the MODEL.md §9 calibration targets as a markdown document; {@code --write docs/validation.md} regenerates the
 * project's validation page. Missed targets are reported, not failed: the exit code is 0.
 */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"Run a scenario and report it against the MODEL.md §9 calibration targets (markdown).",
                "Prints the report; --write FILE also writes it (atomically), e.g. --write docs/validation.md.",
                "Exit code 0 even when targets are missed: it is a report."})
public final class TargetsCommand implements Callable<Integer> {
    static final String DEFAULT_SCENARIO = "scenarios/fragmented.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = DEFAULT_SCENARIO,
            description = "Scenario YAML file (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the report to FILE, e.g. docs/validation.md.")
    Path write;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        Scenario scenario = scenarioOptions.load(scenarioFile);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserError("--threads: must be ≥ 1, got " + threadCount);
        }
        try (ReportFile file = write == null ? null : ReportFile.prepare(write)) {
            long start = System.nanoTime();
            ScenarioOutputs.announce(scenario, threadCount, common.quiet);
            ReplicationRunner.Outcome outcome = Progress.run(threadCount, scenario, 0, null, common.quiet);
            double wall = (System.nanoTime() - start) / 1e9;
            RunSummary summary = new RunSummary(outcome.results());
            ScenarioOutputs.warnQueues(summary, "", common.quiet);
            ValidationReport.Header header = new ValidationReport.Header(command(), LocalDate.now(ZoneOffset.UTC).toString(),
                    Version.current(), Provenance.gitCommit(Path.of(".")), scenarioFile.toString(), scenario.name(),
                    scenario.population().size(), scenario.run().replications(), scenario.run().warmupYears(),
                    scenario.run().years(), scenario.run().seed(), scenario.services().acuteBeds().per100k());
            String report = ValidationReport.render(header, summary);
            if (file != null) {
                file.commit(report);
            }
            if (!common.quiet) {
                System.out.print(report);
                System.err.printf("icsim: %d replications in %.1f s%s%n", summary.replications(), wall,
                        file == null ? "" : "; wrote " + write);
            }
            return 0;
        }
    }

    /** The command line as typed after the program name, prefixed with "icsim", arguments quoted where needed. */
    private String command() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "icsim " + args.stream().map(TargetsCommand::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The report goes to a temporary file beside the target, checked before the run, moved into place at the end. */
    private static final class ReportFile implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private boolean committed;

        private ReportFile(Path target, Path temporary) {
            this.target = target;
            this.temporary = temporary;
        }

        static ReportFile prepare(Path target) throws UserError {
            Path abs = target.toAbsolutePath().normalize();
            Path parent = abs.getParent();
            if (Files.isDirectory(abs)) {
                throw new UserError("--write: " + target + " is a folder (give a file name, e.g. docs/validation.md)");
            }
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UserError("--write: folder " + parent + " does not exist (create it or choose another path)");
            }
            try {
                Path temporary = parent.resolve("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                        + "-" + System.nanoTime());
                return new ReportFile(abs, Files.createFile(temporary));
            } catch (IOException e) {
                throw new UserError("--write: cannot write in " + parent + " (" + e.getMessage() + "; choose another path)");
            }
        }

        void commit(String text) throws IOException, UserError {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UserError("--write: cannot replace " + target + " (" + e.getMessage() + "; choose another path)");
            }
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
