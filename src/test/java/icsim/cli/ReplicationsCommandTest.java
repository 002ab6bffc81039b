package icsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code icsim replications} end to end on the shipped scenario, small: what it writes and prints, and its mistakes. */
class ReplicationsCommandTest {
    static final String SCENARIO = "scenarios/fragmented.yaml";

    @TempDir
    static Path shared;
    static Cli.Result result;
    static Path folder;

    static String[] args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("replications", SCENARIO, "--population", "2000", "--years", "1",
                "--warmup", "0", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runOnce() {
        result = Cli.run(args(shared, "--precision", "0.05", "--max", "4"));
        folder = shared.resolve("replications-fragmented");
    }

    @Test
    void writesTheSequenceAndTheResultAndNothingElse() throws Exception {
        assertEquals(0, result.exit(), result::toString);
        assertEquals(List.of("replications-fragmented"), Cli.names(shared), "only the results folder, no temporaries");
        assertEquals(List.of("replications.csv", "replications.json"), Cli.names(folder));
    }

    @Test
    void csvHasEveryHeadlineMetricForNFrom2ToMax() throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("replications.csv"));
        assertEquals("metric,n,mean,half_width,relative_half_width", lines.get(0));
        assertEquals(1 + ReplicationsCommand.DEFAULT_METRICS.size() * 3, lines.size(), "n = 2, 3, 4 per metric");
        Set<String> metrics = new LinkedHashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = Cli.fields(lines.get(i));
            assertEquals(5, f.size(), lines.get(i));
            metrics.add(f.get(0));
            assertEquals(Integer.toString(2 + (i - 1) % 3), f.get(1), lines.get(i));
            double mean = Double.parseDouble(f.get(2));
            double h = Double.parseDouble(f.get(3));
            assertTrue(h >= 0, lines.get(i));
            if (mean != 0) {
                assertEquals(h / Math.abs(mean), Double.parseDouble(f.get(4)), 1e-5 * (1 + h / Math.abs(mean)),
                        lines.get(i));
            }
        }
        assertEquals(ReplicationsCommand.DEFAULT_METRICS, List.copyOf(metrics));
    }

    @Test
    void jsonHoldsEachMetricsAnswerAndTheRecommendation() throws Exception {
        JsonNode json = new ObjectMapper().readTree(folder.resolve("replications.json").toFile());
        assertEquals(4, json.get("replications_run").asInt());
        assertEquals(0.05, json.get("precision").asDouble());
        assertTrue(json.get("scenario_replications").asInt() >= 1, "the scenario's own run.replications");
        JsonNode rows = json.get("metrics");
        assertEquals(ReplicationsCommand.DEFAULT_METRICS.size(), rows.size());
        int max = 0;
        boolean all = true;
        for (JsonNode row : rows) {
            if (row.get("reached").asBoolean()) {
                int n = row.get("replications_needed").asInt();
                assertTrue(n >= 2 && n <= 4, row.toString());
                max = Math.max(max, n);
            } else {
                all = false;
                assertTrue(row.get("replications_needed").isNull(), row.toString());
                assertTrue(row.get("relative_half_width").isNull() || row.get("relative_half_width").asDouble() > 0.05,
                        row.toString());
            }
        }
        if (all) {
            assertEquals(max, json.get("recommended_replications").asInt());
        } else {
            assertTrue(json.get("recommended_replications").isNull());
        }
        assertFalse(json.get("verdict").asText().isEmpty());
    }

    @Test
    void printsATableAndTheVerdict() {
        assertTrue(result.out().contains("needed"), result::toString);
        for (String m : ReplicationsCommand.DEFAULT_METRICS) {
            assertTrue(result.out().contains(m), m + "\n" + result);
        }
        assertTrue(result.out().contains("Verdict: "), result::toString);
        assertTrue(result.err().contains("4 replications of 0+1 years"), result::toString);
    }

    @Test
    void chosenMetricsOnly(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(args(tmp, "--max", "3", "--metrics", "acute_bed_days,total_cost", "--quiet",
                "--name", "r"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(tmp.resolve("r").resolve("replications.csv"));
        assertEquals(List.of("acute_bed_days", "acute_bed_days", "total_cost", "total_cost"),
                lines.subList(1, lines.size()).stream().map(l -> Cli.fields(l).get(0)).toList());
    }

    @Test
    void missingScenarioFile(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run("replications", "scenarios/no-such.yaml", "--out", tmp.toString());
        Cli.assertOneLineUserError(r, "no-such.yaml");
        assertEquals(List.of(), Cli.names(tmp), "nothing written");
    }

    @Test
    void precisionMustBeBetween0And1(@TempDir Path tmp) throws Exception {
        for (String p : List.of("0", "1", "1.5", "-0.05")) {
            assertUserError(tmp, Cli.run(args(tmp, "--max", "3", "--precision", p)), "--precision");
        }
        assertUserError(tmp, Cli.run(args(tmp, "--max", "3", "--precision", "five")), "--precision");
    }

    @Test
    void maxMustAllowAnInterval(@TempDir Path tmp) throws Exception {
        assertUserError(tmp, Cli.run(args(tmp, "--max", "1")), "--max", "at least 2");
        assertUserError(tmp, Cli.run(args(tmp, "--max", "0")), "--max");
    }

    @Test
    void unknownMetricSuggestsTheNearestOne(@TempDir Path tmp) throws Exception {
        assertUserError(tmp, Cli.run(args(tmp, "--max", "3", "--metrics", "acute_bed_dayz")), "--metrics",
                "acute_bed_dayz", "did you mean 'acute_bed_days'");
        assertUserError(tmp, Cli.run(args(tmp, "--max", "3", "--metrics", ",")), "--metrics");
    }

    private static void assertUserError(Path out, Cli.Result r, String... fragments) throws Exception {
        Cli.assertOneLineUserError(r, fragments);
        assertEquals(List.of(), Cli.names(out), "nothing written for: " + r.err());
    }
}
