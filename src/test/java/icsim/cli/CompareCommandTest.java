package icsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real {@code icsim compare} on tiny runs and checks what lands on disk and on the terminal. */
class CompareCommandTest {
    static final Path SHIPPED = Path.of("scenarios/fragmented.yaml").toAbsolutePath();
    static final String HEADER = "scenario,metric,n,baseline_mean,mean,diff_mean,diff_sd,diff_ci_low,diff_ci_high,"
            + "rel_change,significant,p_value,significant_holm";
    static final List<String> SCENARIO_FILES = List.of("summary.csv", "replications.csv", "by_year.csv",
            "by_cohort.csv", "timeseries.csv", "ledger.csv", "monthly_cost.csv", "integration.csv", "scenario.yaml", "run.json");

    @TempDir
    static Path shared;
    /** A byte copy of the shipped baseline under another file name (same scenario name, so folder "fragmented-2"). */
    static Path copy;
    static Cli.Result self;
    static Path selfDir;

    static List<String> tiny(String population) {
        return List.of("--population", population, "--replications", "3", "--years", "1", "--warmup", "0",
                "--threads", "2");
    }

    static Cli.Result compare(Path out, List<String> files, String... extra) {
        List<String> a = new ArrayList<>(List.of("compare"));
        a.addAll(files);
        a.addAll(tiny("2000"));
        a.addAll(List.of("--out", out.toString()));
        a.addAll(List.of(extra));
        return Cli.run(a.toArray(String[]::new));
    }

    /** A scenario in dir that extends the shipped baseline with the given YAML lines. */
    static Path child(Path dir, String file, String... lines) throws Exception {
        StringBuilder b = new StringBuilder("extends: \"" + SHIPPED.toString().replace("\\", "/") + "\"\n");
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return Files.writeString(dir.resolve(file), b.toString());
    }

    @BeforeAll
    static void selfComparison() throws Exception {
        copy = Files.copy(SHIPPED, Files.createDirectory(shared.resolve("copy")).resolve("baseline-copy.yaml"));
        self = compare(shared.resolve("self"), List.of("scenarios/fragmented.yaml", copy.toString()), "--quiet");
        selfDir = shared.resolve("self").resolve("comparison");
    }

    /** comparison.csv as metric -> row (fields by header name), checking the header and row widths. */
    static Map<String, Map<String, String>> rows(Path comparisonCsv, String scenario) throws Exception {
        List<String> lines = Files.readAllLines(comparisonCsv);
        assertEquals(HEADER, lines.get(0));
        List<String> header = Cli.fields(HEADER);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Cli.fields(line);
            assertEquals(header.size(), f.size(), "row width: " + line);
            if (f.get(0).equals(scenario)) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), f.get(i));
                }
                assertFalse(out.containsKey(f.get(1)), "duplicate metric " + f.get(1));
                out.put(f.get(1), row);
            }
        }
        return out;
    }

    @Test
    void selfComparisonWritesEveryFileQuietly() throws Exception {
        assertEquals(0, self.exit(), self::toString);
        assertEquals("", self.out(), "--quiet prints nothing on stdout");
        assertEquals("", self.err(), "--quiet prints nothing on stderr");
        assertEquals(List.of("comparison"), Cli.names(shared.resolve("self")), "only the comparison folder, no temporaries");
        assertEquals(List.of("comparison.csv", "fragmented", "fragmented-2", "net_cost_by_month.csv", "run.json"), Cli.names(selfDir),
                "one folder per scenario, the repeated name suffixed -2");
        for (String folder : List.of("fragmented", "fragmented-2")) {
            assertEquals(new TreeSet<>(SCENARIO_FILES), new TreeSet<>(Cli.names(selfDir.resolve(folder))), folder);
        }
        assertEquals("metric,mean,sd,ci_low,ci_high,n",
                Files.readAllLines(selfDir.resolve("fragmented").resolve("summary.csv")).get(0));
    }

    @Test
    void selfComparisonHasExactlyZeroDifferences() throws Exception {
        Map<String, Map<String, String>> rows = rows(selfDir.resolve("comparison.csv"), "fragmented-2");
        List<String> summary = Files.readAllLines(selfDir.resolve("fragmented").resolve("summary.csv"));
        List<String> summaryMetrics = summary.subList(1, summary.size()).stream().map(l -> Cli.fields(l).get(0)).toList();
        assertEquals(summaryMetrics, new ArrayList<>(rows.keySet()), "every overall metric, catalogue order");
        int paired = 0;
        for (Map<String, String> r : rows.values()) {
            String m = r.get("metric");
            assertEquals("false", r.get("significant"), m);
            assertEquals("false", r.get("significant_holm"), m);
            if (r.get("n").equals("0")) {
                assertEquals("", r.get("diff_mean"), m);
                continue;
            }
            paired++;
            assertEquals("3", r.get("n"), m);
            assertEquals("0", r.get("diff_mean"), m);
            assertEquals("0", r.get("diff_sd"), m);
            assertEquals("0", r.get("diff_ci_low"), m);
            assertEquals("0", r.get("diff_ci_high"), m);
            assertEquals("1", r.get("p_value"), m);
            assertEquals(r.get("baseline_mean"), r.get("mean"), m);
        }
        assertTrue(paired > 50, "most metrics are defined in every replication: " + paired);
        for (String m : RunCommandEndToEndTest.STABLE_METRICS) {
            assertEquals("3", rows.get(m).get("n"), m);
        }
    }

    @Test
    void comparisonRunJsonListsFilesHashesAndStreams() throws Exception {
        JsonNode json = new ObjectMapper().readTree(selfDir.resolve("run.json").toFile());
        assertEquals("common random numbers", json.get("streams").asText());
        assertEquals(3, json.get("replications").asInt());
        assertEquals(20261122L, json.get("seed").asLong());
        assertEquals(2, json.get("threads").asInt());
        assertTrue(json.get("wallTimeSeconds").isNumber());
        JsonNode scenarios = json.get("scenarios");
        assertEquals(2, scenarios.size());
        assertEquals("scenarios/fragmented.yaml", scenarios.get(0).get("file").asText());
        assertEquals("baseline", scenarios.get(0).get("role").asText());
        assertEquals(copy.toString(), scenarios.get(1).get("file").asText());
        assertEquals("fragmented-2", scenarios.get(1).get("folder").asText());
        String sha = sha256(SHIPPED);
        assertEquals(sha, scenarios.get(0).get("sha256").asText());
        assertEquals(sha, scenarios.get(1).get("sha256").asText(), "a byte copy has the same hash");
        for (JsonNode s : scenarios) {
            assertEquals(0, s.get("streamOffset").asInt());
        }
        JsonNode sub = new ObjectMapper().readTree(selfDir.resolve("fragmented-2").resolve("run.json").toFile());
        assertEquals(copy.toString(), sub.get("scenarioFile").asText(), "each folder has run's own provenance");
        assertEquals("0", sub.get("extra").get("stream_offset").asText());
    }

    @Test
    void integrationCsvListsEveryMechanismWithItsDimensions() throws Exception {
        List<String> lines = Files.readAllLines(selfDir.resolve("fragmented").resolve("integration.csv"));
        assertEquals("mechanism,enabled,dimensions,setup_cost,running_cost_per_year,sector,nhs_share", lines.get(0));
        Map<String, List<String>> byMechanism = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Cli.fields(line);
            assertEquals(7, f.size(), line);
            byMechanism.put(f.get(0), f);
        }
        assertEquals(List.of("shared_records", "trusted_assessment", "d2a", "eligibility_alignment", "pooled_budget",
                "merged_governance", "case_management", "referral_routes", "front_door_frailty", "integrated_follow_up",
                "care_home_support"), new ArrayList<>(byMechanism.keySet()));
        assertEquals("service;clinical", byMechanism.get("trusted_assessment").get(2));
        for (List<String> f : byMechanism.values()) {
            assertEquals("false", f.get(1), "the fragmented baseline switches nothing on: " + f);
        }
    }

    @Test
    void fewerBedsChangeBoardingAndDelaysAndPrintTheTable(@TempDir Path tmp) throws Exception {
        Path fewer = child(tmp, "fewer-beds.yaml", "name: fewer-beds", "services:", "  acute_beds: {per_100k: 120}");
        // 10,000 people: at 2,000 both bed bases sit at the 10-bed minimum_unit and would be equal
        List<String> a = new ArrayList<>(List.of("compare", "scenarios/fragmented.yaml", fewer.toString()));
        a.addAll(tiny("10000"));
        a.addAll(List.of("--out", tmp.resolve("out").toString(), "--name", "beds"));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        Map<String, Map<String, String>> rows = rows(tmp.resolve("out").resolve("beds").resolve("comparison.csv"),
                "fewer-beds");
        for (String m : List.of("ae_boarding_hours", "ae_boarding_hours_per_admission", "delayed_transfer_bed_days",
                "acute_occupancy_mean")) {
            assertEquals("3", rows.get(m).get("n"), m);
            assertNotEquals(0.0, Double.parseDouble(rows.get(m).get("diff_mean")), m + " differs with fewer beds");
        }
        assertTrue(Double.parseDouble(rows.get("ae_boarding_hours").get("diff_mean")) > 0, "fewer beds, more boarding");
        assertEquals(List.of("comparison.csv", "fewer-beds", "fragmented", "net_cost_by_month.csv", "run.json"),
                Cli.names(tmp.resolve("out").resolve("beds")), "--name names the comparison folder");
        // terminal: a table per scenario, the legend and the closing line
        assertTrue(r.out().contains("fewer-beds against fragmented (baseline)"), r::toString);
        assertTrue(r.out().contains("Emergency admissions per 1,000"), r::toString);
        assertTrue(r.out().contains("A&E boarding hours per admission"), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("A&E boarding hours per admission") && l.endsWith("*")),
                "a * marks an interval that excludes 0:\n" + r.out());
        assertTrue(r.out().contains("* = the interval excludes 0"), r::toString);
        assertTrue(r.out().contains("2 scenarios × 3 replications in "), r::toString);
        assertTrue(r.out().contains("Outputs: " + tmp.resolve("out").resolve("beds").toAbsolutePath()), r::toString);
        assertFalse(r.out().contains("delayed_days_assessment"), "headline rows only without --all");
        // stderr: each scenario's integration dimensions before it runs
        assertTrue(r.err().contains("icsim: fragmented: integration: level fragmented; dimensions on: none"),
                r::toString);
        assertTrue(r.err().contains("icsim: fewer-beds: integration:"), r::toString);
        assertFalse(r.err().contains("error"), r::toString);
    }

    @Test
    void allPrintsEveryMetric(@TempDir Path tmp) {
        Cli.Result r = compare(tmp, List.of("scenarios/fragmented.yaml", copy.toString()), "--all");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("delayed_days_assessment"), r::toString);
        assertTrue(r.out().contains("fragmented-2 against fragmented (baseline)"), r::toString);
    }

    @Test
    void independentStreamsGiveNonZeroDifferencesForTheSameScenario(@TempDir Path tmp) throws Exception {
        Cli.Result r = compare(tmp, List.of("scenarios/fragmented.yaml", copy.toString()), "--quiet",
                "--independent-streams");
        assertEquals(0, r.exit(), r::toString);
        Path dir = tmp.resolve("comparison");
        Map<String, Map<String, String>> rows = rows(dir.resolve("comparison.csv"), "fragmented-2");
        for (String m : List.of("crises", "emergency_admissions", "ae_attendances", "acute_bed_days", "total_cost")) {
            assertNotEquals(0.0, Double.parseDouble(rows.get(m).get("diff_mean")), m);
            assertNotEquals(0.0, Double.parseDouble(rows.get(m).get("diff_sd")), m);
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals("independent streams (offset = scenario index)", json.get("streams").asText());
        assertEquals(0, json.get("scenarios").get(0).get("streamOffset").asInt());
        assertEquals(1, json.get("scenarios").get(1).get("streamOffset").asInt());
        JsonNode sub = new ObjectMapper().readTree(dir.resolve("fragmented-2").resolve("run.json").toFile());
        assertEquals("1", sub.get("extra").get("stream_offset").asText());
    }

    @Test
    void differingWarmupIsAWarningNotAnError(@TempDir Path tmp) throws Exception {
        Path shortWarmup = child(tmp, "short.yaml", "name: short-warmup", "run: {warmup_years: 0}");
        // no --warmup: the baseline keeps its 1-year warm-up
        Cli.Result r = Cli.run("compare", "scenarios/fragmented.yaml", shortWarmup.toString(), "--population", "2000",
                "--replications", "2", "--years", "1", "--threads", "2", "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exit(), r::toString);
        String warning = r.errLines().stream().filter(l -> l.startsWith("icsim: warning: ")).findFirst().orElse("");
        assertTrue(warning.contains(shortWarmup.toString()) && warning.contains("run.warmup_years")
                && warning.contains("--warmup"), r::toString);
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve("comparison").resolve("comparison.csv")));
    }

    /** Exit 2, exactly one stderr line containing every fragment, nothing left in out or hidden beside it. */
    private static void assertUserError(Cli.Result r, Path out, String... fragments) throws Exception {
        Cli.assertOneLineUserError(r, fragments);
        assertEquals("", r.out());
        assertEquals(List.of(), Cli.names(out), "no comparison folder or temporary folder left in --out");
    }

    @Test
    void oneScenarioIsNotEnough(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertUserError(compare(out, List.of("scenarios/fragmented.yaml")), out, "scenarios/fragmented.yaml",
                "at least one scenario", "second scenario file");
    }

    @Test
    void missingFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path missing = tmp.resolve("no_such_scenario.yaml");
        assertUserError(compare(out, List.of("scenarios/fragmented.yaml", missing.toString())), out, missing.toString());
    }

    @Test
    void badScenarioFileNamesItsYamlPath(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path bad = child(tmp, "bad.yaml", "services: {acute_beds: {per_100k: -5}}");
        assertUserError(compare(out, List.of("scenarios/fragmented.yaml", bad.toString())), out, bad.toString(),
                "services.acute_beds.per_100k");
    }

    @Test
    void replicationsMismatch(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path four = child(tmp, "four.yaml", "name: four", "run: {replications: 4}");
        // no --replications: the baseline keeps its 30
        Cli.Result r = Cli.run("compare", "scenarios/fragmented.yaml", four.toString(), "--population", "2000",
                "--years", "1", "--warmup", "0", "--out", out.toString());
        assertUserError(r, out, four.toString(), "run.replications", "4", "30", "--replications");
    }

    @Test
    void seedMismatch(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path seeded = child(tmp, "seeded.yaml", "name: seeded", "run: {seed: 7}");
        Cli.Result r = Cli.run("compare", "scenarios/fragmented.yaml", seeded.toString(), "--population", "2000",
                "--replications", "2", "--years", "1", "--warmup", "0", "--out", out.toString());
        assertUserError(r, out, seeded.toString(), "run.seed", "7", "--seed");
    }

    @Test
    void unwritableOut(@TempDir Path tmp) throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "not a folder");
        Path out = blocker.resolve("sub");
        assertUserError(compare(out, List.of("scenarios/fragmented.yaml", copy.toString())), out, blocker.toString(),
                "--out");
        assertEquals(List.of("blocker"), Cli.names(tmp), "nothing created beside the blocking file");
        assertEquals("not a folder", Files.readString(blocker));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
