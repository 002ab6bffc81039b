package icsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --report} through the real command line: stress-des.md lands in the run folder, and in each of compare's. */
class StressDesReportEndToEndTest {
    static final String REPORT = "stress-des.md";
    static final List<String> TINY = List.of("--population", "2000", "--replications", "2", "--years", "1", "--quiet");

    @Test
    void runWritesTheReportIntoTheRunFolder(@TempDir Path out) throws Exception {
        Cli.Result r = Cli.run(args("run", List.of("scenarios/fragmented.yaml"), out, "--report",
                "--set", "services.acute_beds.per_100k=180"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err(), "--quiet prints nothing");
        Path folder = out.resolve("fragmented");
        List<String> expected = new ArrayList<>(RunCommandEndToEndTest.FILES);
        expected.add(REPORT);
        expected.add("report.html");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(Cli.names(folder)), "the usual files and the reports");
        String md = Files.readString(folder.resolve(REPORT));
        assertTrue(md.startsWith("# STRESS-DES report: fragmented\n"), md.lines().findFirst().orElse(""));
        assertTrue(md.contains("\n### 6.1 Computer model sharing statement\n"));
        assertTrue(md.contains("| `services.acute_beds.per_100k` | 180.0 | command-line override | command line |"));
        assertTrue(md.contains("| `population.size` | 2000 | command-line override | command line |"));
        assertTrue(md.contains("This is a single-scenario run (`icsim run`)"));
        assertTrue(md.contains("--set services.acute_beds.per_100k=180"), "the command that reproduces the run");
    }

    @Test
    void compareWritesOneReportPerScenarioFolder(@TempDir Path out) throws Exception {
        Cli.Result r = Cli.run(args("compare", List.of("scenarios/fragmented.yaml", "scenarios/linkage.yaml"), out,
                "--report"));
        assertEquals(0, r.exit(), r::toString);
        Path comparison = out.resolve("comparison");
        assertFalse(Files.exists(comparison.resolve(REPORT)), "reports go in the scenario folders");
        String base = Files.readString(comparison.resolve("fragmented").resolve(REPORT));
        String linkage = Files.readString(comparison.resolve("linkage").resolve(REPORT));
        assertTrue(base.contains("as the baseline, against `linkage`"), base);
        assertTrue(linkage.contains("against the baseline `fragmented`"), linkage);
        assertTrue(linkage.contains("integration level preset 'linkage'"), "sources of the preset's values");
        assertTrue(linkage.contains("java -jar target/icsim.jar compare scenarios/fragmented.yaml scenarios/linkage.yaml"));
    }

    @Test
    void runHelpListsTheOption() {
        Cli.Result r = Cli.run("run", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("--report"), r.out());
    }

    private static String[] args(String command, List<String> files, Path out, String... extra) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(files);
        a.addAll(TINY);
        a.add("--out");
        a.add(out.toString());
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }
}
