package icsim.cli;

import icsim.experiment.CalibrationTargets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code icsim targets} end to end on a tiny run, and its mistakes: exit 2, one line, nothing half-written. */
class TargetsCommandTest {
    static final String[] TINY = {"--population", "2000", "--replications", "2", "--years", "1"};

    @TempDir
    static Path shared;
    static Path written;
    static Cli.Result quiet;

    @TempDir
    Path tmp;

    private static String[] args(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(TINY));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runOnce() {
        written = shared.resolve("validation.md");
        // no SCENARIO: the default, scenarios/fragmented.yaml
        quiet = Cli.run(args("targets", "--quiet", "--write", written.toString()));
    }

    /** The table rows of a report: metric id -> the row's cells. */
    private static List<List<String>> rows(String report) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : report.split("\n")) {
            if (line.startsWith("| ") && line.contains("| `")) {
                List<String> cells = new ArrayList<>();
                for (String c : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
                    cells.add(c.strip());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void writesATableWithARowForEveryTarget() throws Exception {
        assertEquals(0, quiet.exit(), quiet::toString);
        assertEquals("", quiet.out(), "--quiet prints nothing");
        assertEquals("", quiet.err(), "--quiet prints nothing");
        assertEquals(List.of("validation.md"), Cli.names(shared), "the report and nothing else (no temporary file)");
        String report = Files.readString(written);
        List<List<String>> rows = rows(report);
        assertEquals(CalibrationTargets.ALL.size(), rows.size(), report);
        for (int i = 0; i < rows.size(); i++) {
            CalibrationTargets.Target t = CalibrationTargets.ALL.get(i);
            List<String> row = rows.get(i);
            assertEquals(7, row.size(), row::toString);
            assertEquals(t.label(), row.get(0));
            assertEquals("`" + t.metric() + "`", row.get(1));
            assertEquals(t.describeBand(), row.get(2));
            assertTrue(row.get(4).matches("n/a|-?[0-9.]+( d| %)? \\(-?[0-9.]+–-?[0-9.]+\\)"), row::toString);
            assertTrue(row.get(5).equals("✓") || row.get(5).startsWith("✗"), row::toString);
            if (t.isGap() && !row.get(5).equals("✓")) {
                assertTrue(row.get(5).contains("calibration.md"), "a gap points to docs/calibration.md: " + row);
            }
            assertEquals(t.source(), row.get(6));
        }
        assertTrue(report.contains("`icsim targets --quiet --write " + written + " --population 2000 --replications 2 "
                + "--years 1`"), "header gives the exact command:\n" + report);
        assertTrue(report.contains("scenario `scenarios/fragmented.yaml`"), report);
        assertTrue(report.contains("2,000 people, 2 replications of 1 + 1 years"), report);
        assertTrue(report.contains("seed 20261122"), report);
        assertTrue(report.contains("icsim " + Version.current()), report);
        assertTrue(report.contains("## Consistency check (MODEL.md §9)"), report);
        assertTrue(report.contains("occupied acute beds per 100,000"), report);
    }

    @Test
    void printsTheSameReportItWrites() throws Exception {
        Path file = tmp.resolve("v.md");
        Files.writeString(file, "old content");
        Cli.Result r = Cli.run(args("targets", "scenarios/fragmented.yaml", "--threads", "1", "--write", file.toString()));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(Files.readString(file), r.out(), "stdout is the report");
        assertEquals(CalibrationTargets.ALL.size(), rows(r.out()).size());
        assertEquals(List.of("v.md"), Cli.names(tmp), "replaced in place, no temporary file left");
        // same results whatever the thread count: only the command line in the header differs
        String other = Files.readString(written).replaceFirst("`icsim targets[^`]*`", "`CMD`");
        assertEquals(other, r.out().replaceFirst("`icsim targets[^`]*`", "`CMD`"));
    }

    private void assertNothingWritten(Path dir, List<String> expected) throws Exception {
        assertEquals(expected, Cli.names(dir), "nothing written or left half-written in " + dir);
    }

    @Test
    void missingScenarioFile() throws Exception {
        Path file = tmp.resolve("v.md");
        Path missing = tmp.resolve("no_such_scenario.yaml");
        Cli.Result r = Cli.run(args("targets", missing.toString(), "--write", file.toString()));
        Cli.assertOneLineUserError(r, missing.toString());
        assertNothingWritten(tmp, List.of());
    }

    @Test
    void badScenarioLeavesTheOldReportUntouched() throws Exception {
        Path file = Files.writeString(tmp.resolve("v.md"), "old report");
        Cli.Result r = Cli.run(args("targets", "--write", file.toString(), "--set", "services.acute_beds.per_100k=-5"));
        Cli.assertOneLineUserError(r, "services.acute_beds.per_100k");
        assertEquals("old report", Files.readString(file));
        assertNothingWritten(tmp, List.of("v.md"));
    }

    @Test
    void writeIntoAMissingFolder() throws Exception {
        Path file = tmp.resolve("no_such_folder").resolve("v.md");
        Cli.Result r = Cli.run(args("targets", "--write", file.toString()));
        Cli.assertOneLineUserError(r, "--write", "no_such_folder");
        assertNothingWritten(tmp, List.of());
    }

    @Test
    void writeUnderARegularFile() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "not a folder");
        Cli.Result r = Cli.run(args("targets", "--write", blocker.resolve("v.md").toString()));
        Cli.assertOneLineUserError(r, "--write", blocker.toString());
        assertNothingWritten(tmp, List.of("blocker"));
        assertEquals("not a folder", Files.readString(blocker));
    }

    @Test
    void writeToAFolder() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("docs"));
        Cli.Result r = Cli.run(args("targets", "--write", folder.toString()));
        Cli.assertOneLineUserError(r, "--write", "is a folder");
        assertNothingWritten(tmp, List.of("docs"));
        assertNothingWritten(folder, List.of());
    }

    @Test
    void badThreads() throws Exception {
        Path file = tmp.resolve("v.md");
        Cli.Result r = Cli.run(args("targets", "--threads", "0", "--write", file.toString()));
        Cli.assertOneLineUserError(r, "--threads");
        assertNothingWritten(tmp, List.of());
    }

    @Test
    void listedInTheHelp() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("targets"), r.out());
        assertFalse(r.out().isBlank());
    }
}
