package icsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped experiments end to end on a reduced configuration, and a user's mistakes. */
class ExperimentCommandTest {
    @TempDir
    Path out;

    private Cli.Result experiment(String file, String... extra) {
        List<String> a = new ArrayList<>(List.of("experiment", file, "--population", "4000", "--replications", "3",
                "--warmup", "0.5", "--threads", "2", "--out", out.toString()));
        a.addAll(List.of(extra));
        if (!a.contains("--years")) {
            a.addAll(List.of("--years", "2"));
        }
        return Cli.run(a.toArray(String[]::new));
    }

    /** Runs a shipped experiment small and checks its folder, its verdict line and that it names its tables. */
    private String runs(String file, String folder, List<String> tables, String... extra) throws Exception {
        Cli.Result r = experiment(file, extra);
        assertEquals(0, r.exit(), r::toString);
        Path dir = out.resolve(folder);
        List<String> names = Cli.names(dir);
        for (String f : List.of("verdict.txt", "points.csv", "experiment.json", "experiment.yaml", "report.html")) {
            assertTrue(names.contains(f), f + " in " + names);
        }
        for (String t : tables) {
            assertTrue(names.contains(t), t + " in " + names);
        }
        String verdict = Files.readString(dir.resolve("verdict.txt"));
        assertEquals(verdict + "Outputs: " + dir + "\n", r.out());
        assertTrue(verdict.contains("(run size changed on the command line)"));
        wellFormed(Files.readString(dir.resolve("report.html")), tables.size());
        return verdict.lines().findFirst().orElseThrow();
    }

    /** report.html is well-formed XHTML with the verdict, one section per table and the points run, no script. */
    private static void wellFormed(String html, int tables) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                html.replaceFirst("<!DOCTYPE html>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        int sections = doc.getElementsByTagName("section").getLength();
        assertTrue(sections >= tables + 2, sections + " sections for " + tables + " tables");
        assertTrue(html.contains("id=\"verdict\"") && html.contains("id=\"points-run\""), "verdict and points run");
    }

    private static void isVerdict(String line) {
        assertTrue(line.endsWith(": HOLDS") || line.endsWith(": DOES NOT HOLD"), line);
    }

    @Test
    void l1() throws Exception {
        isVerdict(runs("scenarios/leutz/l1.yaml", "leutz-l1", List.of("l1_grid.csv", "l1_budgets.csv"),
                "--param", "coverage=[0.05, 1.0]", "--param", "depths=[linkage, full]"));
    }

    @Test
    void l2() throws Exception {
        isVerdict(runs("scenarios/leutz/l2.yaml", "leutz-l2",
                List.of("l2_payback.csv", "l2_decomposition.csv", "l2_net_cost_by_month.csv"), "--param", "maturity_years=[2]"));
    }

    @Test
    void l3() throws Exception {
        isVerdict(runs("scenarios/leutz/l3.yaml", "leutz-l3", List.of("l3_groups.csv", "l3_cost_shift.csv")));
    }

    @Test
    void l4() throws Exception {
        isVerdict(runs("scenarios/leutz/l4.yaml", "leutz-l4", List.of("l4_cells.csv", "l4_structure_by_level.csv")));
    }

    @Test
    void l5() throws Exception {
        isVerdict(runs("scenarios/leutz/l5.yaml", "leutz-l5",
                List.of("l5_leads.csv", "l5_lead_pairs.csv", "l5_who_pays.csv", "l5_allocations.csv")));
    }

    @Test
    void scale() throws Exception {
        String first = runs("scenarios/scale.yaml", "scale", List.of("scale.csv"),
                "--param", "populations=[2000, 4000]", "--param", "replication_years=6");
        assertEquals("scale (scale)", first);
    }

    @Test
    void evaluation() throws Exception {
        String first = runs("scenarios/evaluation.yaml", "evaluation", List.of("evaluation.csv"), "--years", "3");
        assertEquals("evaluation (evaluation)", first);
    }

    @Test
    void sweepFromTheCommandLine() throws Exception {
        Cli.Result r = Cli.run("sweep", "scenarios/coordination.yaml", "--vary", "integration.maturity.years=2,4",
                "--population", "3000", "--replications", "2", "--years", "1", "--warmup", "0.5", "--out",
                out.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = Files.readAllLines(out.resolve("sweep").resolve("sweep.csv"));
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).startsWith("years=4,base,4,"), lines.get(2));
        assertTrue(lines.get(2).contains(",0,0,0,0,no meaningful difference"), "the base's own point: " + lines.get(2));
    }

    // ---- mistakes ----------------------------------------------------------------------------------------

    @Test
    void missingExperimentFile() throws Exception {
        Cli.assertOneLineUserError(experiment("scenarios/leutz/l9.yaml"), "scenarios/leutz/l9.yaml: ",
                "no such experiment file");
        assertEquals(List.of(), Cli.names(out));
    }

    @Test
    void typoInAnArmStopsBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(out.resolve("typo.yaml"), """
                name: typo
                design: leutz_l2
                base: %s
                arms:
                  intervention: {set: {integration.d2a.enabledd: true}}
                """.formatted(Path.of("scenarios/fragmented.yaml").toAbsolutePath()));
        String line = Cli.assertOneLineUserError(experiment(file.toString()), file + ": point 'intervention'",
                "integration.d2a.enabledd");
        assertTrue(line.contains("enabled"), "suggests the key: " + line);
        assertEquals(List.of("typo.yaml"), Cli.names(out), "nothing half-written");
    }

    @Test
    void badDesignParameter() {
        Cli.assertOneLineUserError(experiment("scenarios/leutz/l5.yaml", "--param", "investment_per_100k=-5"),
                "scenarios/leutz/l5.yaml: parameters.investment_per_100k: must be an amount in £ a year > 0");
    }

    @Test
    void missingArm() throws Exception {
        Path file = Files.writeString(out.resolve("noarm.yaml"), """
                name: noarm
                design: leutz_l4
                base: %s
                """.formatted(Path.of("scenarios/fragmented.yaml").toAbsolutePath()));
        Cli.assertOneLineUserError(experiment(file.toString()), file + ": arms.organisation: is missing: design "
                + "leutz_l4 needs an arm named organisation");
    }

    @Test
    void unwritableOutputFolder() throws Exception {
        Path blocker = Files.writeString(out.resolve("file"), "x");
        Cli.Result r = Cli.run("experiment", "scenarios/leutz/l2.yaml", "--out", blocker.toString(), "--population", "2000");
        Cli.assertOneLineUserError(r, blocker.toString());
    }
}
