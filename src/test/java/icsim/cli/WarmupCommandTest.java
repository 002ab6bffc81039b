package icsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code icsim warmup} end to end on the shipped scenario, small: what it writes and prints, and its mistakes. */
class WarmupCommandTest {
    static final String SCENARIO = "scenarios/fragmented.yaml";

    @TempDir
    static Path shared;
    static Cli.Result result;
    static Path folder;

    static String[] args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("warmup", SCENARIO, "--population", "2000", "--replications", "3",
                "--years", "1", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runOnce() {
        result = Cli.run(args(shared));
        folder = shared.resolve("warmup-fragmented");
    }

    @Test
    void writesTheSeriesAndTheResultAndNothingElse() throws Exception {
        assertEquals(0, result.exit(), result::toString);
        assertEquals(List.of("warmup-fragmented"), Cli.names(shared), "only the results folder, no temporaries");
        assertEquals(List.of("warmup.csv", "warmup.json"), Cli.names(folder));
    }

    @Test
    void csvHasOneRowPerSimulatedDay() throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("warmup.csv"));
        assertEquals("day,occupancy_mean,occupancy_moving_average,delayed_mean,delayed_moving_average", lines.get(0));
        assertEquals(1 + 365, lines.size(), "1 year from day 0, no warm-up");
        for (int d = 0; d < 365; d++) {
            List<String> f = Cli.fields(lines.get(1 + d));
            assertEquals(5, f.size(), lines.get(1 + d));
            assertEquals(Integer.toString(d), f.get(0));
            assertTrue(Double.parseDouble(f.get(1)) >= 0, "occupancy on day " + d);
            assertTrue(Double.parseDouble(f.get(3)) >= 0, "delayed on day " + d);
            boolean tail = d >= 365 - 30;
            assertEquals(tail, f.get(2).isEmpty(), "Welch's average is undefined for the last w = 30 days only, day " + d);
            assertEquals(tail, f.get(4).isEmpty(), "day " + d);
        }
        // day 0 of a run without warm-up is the initial state: acute beds filled to their initial occupancy
        assertTrue(Double.parseDouble(Cli.fields(lines.get(1)).get(1)) > 0, lines.get(1));
    }

    @Test
    void jsonHoldsTheRecommendationAndAgreesWithIt() throws Exception {
        JsonNode json = new ObjectMapper().readTree(folder.resolve("warmup.json").toFile());
        assertEquals("fragmented", json.get("scenario").asText());
        assertEquals(3, json.get("replications").asInt());
        assertEquals(1, json.get("horizon_years").asInt());
        assertEquals(2000, json.get("population").asInt());
        int occupancy = json.get("series").get("acute_beds").get("truncation_days").asInt();
        int delayed = json.get("series").get("acute_beds_mffd").get("truncation_days").asInt();
        assertEquals(0, occupancy % 5);
        assertTrue(occupancy <= 365 / 2 && delayed <= 365 / 2, "searched over the first half only");
        int months = json.get("recommended_warmup_months").asInt();
        assertEquals((int) Math.ceil(Math.max(occupancy, delayed) / (365.0 / 12) - 1e-9), months);
        assertEquals(months / 12.0, json.get("recommended_warmup_years").asDouble(), 1e-12);
        assertEquals(1.0, json.get("scenario_warmup_years").asDouble(), "the scenario's own warm-up, not the 0 run");
        assertEquals(months <= 12, json.get("covered").asBoolean());
        assertTrue(json.get("verdict").asText().startsWith("the scenario's warm-up of 1 year "),
                json.get("verdict").asText());
    }

    @Test
    void printsTheRecommendationAndVerdict() {
        assertTrue(result.out().contains("Recommended warm-up: "), result::toString);
        assertTrue(result.out().contains("(run.warmup_years: 1)"), result::toString);
        assertTrue(result.out().contains("Verdict: the scenario's warm-up of 1 year "), result::toString);
        assertTrue(result.err().contains("3 replications of 0+1 years"), result::toString);
    }

    @Test
    void quietPrintsNothing(@TempDir Path tmp) {
        Cli.Result r = Cli.run(args(tmp, "--quiet", "--name", "w"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("w"), uncheckedNames(tmp));
    }

    @Test
    void missingScenarioFile(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run("warmup", "scenarios/no-such.yaml", "--out", tmp.toString());
        Cli.assertOneLineUserError(r, "no-such.yaml");
        assertEquals(List.of(), Cli.names(tmp), "nothing written");
    }

    @Test
    void badOptionsAreOneLineErrors(@TempDir Path tmp) throws Exception {
        assertUserError(tmp, Cli.run(args(tmp, "--window", "0")), "--window");
        assertUserError(tmp, Cli.run(args(tmp, "--window", "92")), "--window", "quarter");
        assertUserError(tmp, Cli.run(args(tmp, "--years", "0")), "--years");
        assertUserError(tmp, Cli.run(args(tmp, "--replications", "0")), "--replications");
        assertUserError(tmp, Cli.run(args(tmp, "--name", "../x")), "--name");
        assertUserError(tmp, Cli.run(args(tmp, "--set", "services.acute_beds.per_100kk=3")), "per_100kk");
    }

    private static void assertUserError(Path out, Cli.Result r, String... fragments) throws Exception {
        Cli.assertOneLineUserError(r, fragments);
        assertEquals(List.of(), Cli.names(out), "nothing written for: " + r.err());
        for (String n : Cli.names(out)) {
            assertFalse(n.startsWith("."), "hidden leftover " + n);
        }
    }

    private static List<String> uncheckedNames(Path dir) {
        try {
            return Cli.names(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
