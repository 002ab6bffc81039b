package icsim.cli;

import icsim.experiment.JourneyStory;
import icsim.experiment.PersonTrace;
import icsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code icsim trace A B --person ID | --persona NAME}: one person, with the same health events, moving through
 * two systems side by side, told in plain words (one replication of each scenario; only that person is logged).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Follow one person through two scenarios side by side: the same person with the same health "
                + "events (common random numbers), each event in plain words with its time, place and, for waits, the "
                + "reason; then a summary per scenario (days in hospital, delayed days and why, days at home, services, "
                + "cost, alive or not).",
                "Runs one replication of each scenario; --replications is accepted but only replication R runs."})
public final class TraceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO_A", description = "First scenario (left column), e.g. scenarios/fragmented.yaml.")
    Path fileA;

    @Parameters(index = "1", paramLabel = "SCENARIO_B", description = "Second scenario (right column), e.g. scenarios/full.yaml.")
    Path fileB;

    @Option(names = "--person", paramLabel = "ID", description = "Person id as in the event log (slot + generation × "
            + "population size); the trace follows that slot's occupant alive at the end of warm-up.")
    Long person;

    @Option(names = "--persona", paramLabel = "NAME", description = "Choose a person by description at the end of "
            + "warm-up in SCENARIO_A: mrs-smith, frail-at-home or under-65-ltc.")
    String persona;

    @Option(names = "--replication", paramLabel = "R", defaultValue = "0", description = "Replication to run (default: ${DEFAULT-VALUE}).")
    int replication;

    @Option(names = "--width", paramLabel = "N", defaultValue = "120", description = "Width of the text in characters (default: ${DEFAULT-VALUE}, at least 72).")
    int width;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the text to FILE and both event lists, with "
            + "their codes, to a CSV beside it (FILE with the extension .csv).")
    Path out;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        if ((person == null) == (persona == null)) {
            throw new UserError("trace: give either --person ID or --persona NAME (" + PersonTrace.Persona.names() + ")");
        }
        PersonTrace.Persona chosen = null;
        if (persona != null) {
            chosen = PersonTrace.Persona.named(persona);
            if (chosen == null) {
                throw new UserError("--persona: unknown persona '" + persona + "' (choose " + PersonTrace.Persona.names() + ")");
            }
        }
        if (person != null && person < 0) {
            throw new UserError("--person: person ids are 0 or more, got " + person);
        }
        if (replication < 0) {
            throw new UserError("--replication: must be ≥ 0, got " + replication);
        }
        if (width < 72) {
            throw new UserError("--width: must be at least 72 characters, got " + width);
        }
        Path csv = out == null ? null : csvBeside(out);
        Scenario a = scenarioOptions.load(fileA);
        Scenario b = scenarioOptions.load(fileB);
        check(a, b);
        PersonTrace.Result result;
        try {
            result = person != null ? PersonTrace.byPerson(a, b, replication, person)
                    : PersonTrace.byPersona(a, b, replication, chosen);
        } catch (PersonTrace.NotFound e) {
            throw new UserError(e.getMessage());
        }
        String text = JourneyStory.text(result, fileA.toString(), fileB.toString(), width);
        if (out != null) {
            writeBoth(out, text, csv, JourneyStory.csv(result));
        }
        if (!common.quiet) {
            System.out.print(text);
            if (out != null) {
                System.out.println("Written: " + out + " and " + csv);
            }
        }
        return 0;
    }

    /** A trace compares one person's days: the scenarios must share the seed, people and time axis. */
    private void check(Scenario a, Scenario b) throws UserError {
        if (a.run().seed() != b.run().seed()) {
            throw new UserError(fileB + ": run.seed: " + b.run().seed() + " differs from " + fileA + "'s " + a.run().seed()
                    + "; the same person needs the same seed (make them equal or pass --seed N)");
        }
        if (a.population().size() != b.population().size()) {
            throw new UserError(fileB + ": population.size: " + b.population().size() + " differs from " + fileA + "'s "
                    + a.population().size() + "; the same person needs the same population (pass --population N)");
        }
        if (a.run().warmupYears() != b.run().warmupYears()) {
            throw new UserError(fileB + ": run.warmup_years: " + b.run().warmupYears() + " differs from " + fileA + "'s "
                    + a.run().warmupYears() + "; the columns need the same time axis (pass --warmup Y)");
        }
        if (a.run().years() != b.run().years()) {
            throw new UserError(fileB + ": run.years: " + b.run().years() + " differs from " + fileA + "'s "
                    + a.run().years() + "; the columns need the same time axis (pass --years N)");
        }
    }

    /** FILE with its extension replaced by .csv (FILE itself must not be a .csv: it receives the text). */
    static Path csvBeside(Path file) throws UserError {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new UserError("--out: " + file + " is a folder (give a file name, e.g. trace.txt)");
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError("--out: folder " + parent + " does not exist (create it or choose another path)");
        }
        String name = abs.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new UserError("--out: " + file + " receives the text; give a text file name, e.g. trace.txt (the CSV "
                    + "goes beside it as trace.csv)");
        }
        int dot = name.lastIndexOf('.');
        return parent.resolve((dot > 0 ? name.substring(0, dot) : name) + ".csv");
    }

    /** Writes both files through temporaries beside them, so a failure leaves neither half-written. */
    private static void writeBoth(Path text, String textContent, Path csv, String csvContent) throws UserError, IOException {
        Path t1 = temporary(text);
        Path t2 = null;
        try {
            Files.writeString(t1, textContent, StandardCharsets.UTF_8);
            t2 = temporary(csv);
            Files.writeString(t2, csvContent, StandardCharsets.UTF_8);
            Files.move(t1, text.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(t2, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(t1);
            if (t2 != null) {
                Files.deleteIfExists(t2);
            }
        }
    }

    private static Path temporary(Path target) throws UserError {
        Path abs = target.toAbsolutePath();
        try {
            return Files.createFile(abs.getParent().resolve("." + abs.getFileName() + ".tmp-"
                    + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        } catch (IOException e) {
            throw new UserError("--out: cannot write in " + abs.getParent() + " (" + e.getMessage() + "; choose another path)");
        }
    }
}
