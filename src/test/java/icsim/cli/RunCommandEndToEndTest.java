package icsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real {@code icsim run} command on the shipped scenario, small, and checks what lands on disk. */
class RunCommandEndToEndTest {
    static final String SCENARIO = "scenarios/fragmented.yaml";
    /** Whole-year warm-up: a fractional one crashes (see {@link #fractionalWarmupRuns}). */
    static final String WARMUP = "1";

    static final List<String> FILES = List.of("summary.csv", "replications.csv", "by_year.csv", "by_cohort.csv",
            "timeseries.csv", "ledger.csv", "monthly_cost.csv", "integration.csv", "scenario.yaml", "run.json");

    static final List<String> STABLE_METRICS = List.of("emergency_admissions_per_1000",
            "emergency_admissions_per_1000_65plus", "ae_attendances", "ae_admitted_share_65plus", "acute_bed_days",
            "delayed_transfer_bed_days", "mffd_bed_share", "mean_los_days", "mean_los_days_overnight",
            "mean_los_days_severe", "same_day_share", "acute_occupancy_mean", "readmission_30d_rate",
            "care_home_admissions", "deaths", "total_cost", "cost_per_capita");

    @TempDir
    static Path shared;
    static Cli.Result quietRun;
    static Path runDir;

    static String[] args(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("run", SCENARIO, "--population", "3000",
                "--replications", "2", "--years", "1", "--warmup", WARMUP, "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runOnce() {
        quietRun = Cli.run(args(shared, "--quiet"));
        runDir = shared.resolve("fragmented");
    }

    @Test
    void quietRunSucceedsSilently() {
        assertEquals(0, quietRun.exit(), quietRun::toString);
        assertEquals("", quietRun.out(), "--quiet prints nothing on stdout");
        assertEquals("", quietRun.err(), "--quiet prints nothing on stderr");
    }

    @Test
    void runFolderHoldsEveryOutputAndNoTemporaries() throws Exception {
        assertEquals(0, quietRun.exit(), quietRun::toString);
        assertEquals(List.of("fragmented"), Cli.names(shared), "only the run folder, no hidden temporaries");
        for (String f : FILES) {
            assertTrue(Files.isRegularFile(runDir.resolve(f)), f + " missing");
            assertTrue(Files.size(runDir.resolve(f)) > 0, f + " is empty");
        }
        assertEquals(new TreeSet<>(FILES), new TreeSet<>(Cli.names(runDir)), "unexpected files in the run folder");
    }

    @Test
    void summaryHasHeaderAndStableMetrics() throws Exception {
        List<String> lines = Files.readAllLines(runDir.resolve("summary.csv"));
        assertEquals("metric,mean,sd,ci_low,ci_high,n", lines.get(0));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Cli.fields(line);
            assertEquals(6, f.size(), "row has 6 columns: " + line);
            assertFalse(rows.containsKey(f.get(0)), "duplicate metric " + f.get(0));
            rows.put(f.get(0), f);
        }
        for (String m : STABLE_METRICS) {
            assertTrue(rows.containsKey(m), "summary.csv lacks metric " + m + "; has " + rows.keySet());
            List<String> row = rows.get(m);
            assertEquals("2", row.get(5), m + ": n");
            double mean = Double.parseDouble(row.get(1));
            assertTrue(Double.isFinite(mean), m + ": mean " + row.get(1));
        }
        assertTrue(Double.parseDouble(rows.get("total_cost").get(1)) > 0, "total cost positive");
        assertTrue(Double.parseDouble(rows.get("ae_attendances").get(1)) > 0, "some A&E attendances");
    }

    @Test
    void replicationsCsvHasOneRowPerReplication() throws Exception {
        List<String> lines = Files.readAllLines(runDir.resolve("replications.csv"));
        assertEquals(3, lines.size(), "header + 2 replications");
        List<String> header = Cli.fields(lines.get(0));
        assertEquals("replication", header.get(0));
        assertTrue(header.containsAll(STABLE_METRICS), "replications.csv columns include the stable metrics");
        assertEquals("0", Cli.fields(lines.get(1)).get(0));
        assertEquals("1", Cli.fields(lines.get(2)).get(0));
        for (String line : lines.subList(1, 3)) {
            assertEquals(header.size(), Cli.fields(line).size(), "row width: " + line);
        }
    }

    @Test
    void runJsonRecordsProvenance() throws Exception {
        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertTrue(json.has("seed") && json.get("seed").isIntegralNumber(), "seed: " + json.get("seed"));
        assertEquals(20261122L, json.get("seed").asLong(), "seed from the scenario");
        assertEquals(2, json.get("replications").asInt());
        String sha = json.get("scenarioSha256").asText();
        assertTrue(sha.matches("[0-9a-f]{64}"), "scenarioSha256: " + sha);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(SCENARIO)));
        assertEquals(HexFormat.of().formatHex(digest), sha, "hash of the scenario file's bytes");
        assertEquals(3000, json.get("population").asInt());
        assertEquals(1.0, json.get("years").asDouble());
    }

    @Test
    void ledgerSplitsCostsByPayer() throws Exception {
        List<String> lines = Files.readAllLines(runDir.resolve("ledger.csv"));
        int payer = Cli.fields(lines.get(0)).indexOf("payer");
        assertTrue(payer >= 0, "ledger.csv has a payer column: " + lines.get(0));
        Set<String> payers = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            payers.add(Cli.fields(line).get(payer));
        }
        assertTrue(payers.contains("nhs"), "payers: " + payers);
        assertTrue(payers.contains("local_authority"), "payers: " + payers);
    }

    @Test
    void resolvedScenarioIsWrittenWithOverrides() throws Exception {
        String yaml = Files.readString(runDir.resolve("scenario.yaml"));
        assertFalse(yaml.contains("extends"), "resolved scenario has no extends");
        assertTrue(yaml.matches("(?s).*\\bsize:\\s*3000\\b.*"), "population override recorded:\n" + yaml);
    }

    @Test
    void sampledEventLog(@TempDir Path tmp) throws Exception {
        Path ev = tmp.resolve("ev.csv");
        Cli.Result r = Cli.run(args(tmp.resolve("out"), "--quiet", "--events", ev.toString(), "--events-sample", "50"));
        assertEquals(0, r.exit(), r::toString);
        Set<String> events = eventTypes(ev);
        for (String e : List.of("crisis", "ae_attendance", "admission", "discharge")) {
            assertTrue(events.contains(e), "event log lacks " + e + "; has " + events);
        }
        assertEquals(List.of("ev.csv", "out"), Cli.names(tmp), "no hidden temporary event file left");
        assertEquals(List.of("fragmented"), Cli.names(tmp.resolve("out")));
    }

    @Test
    void fullEventLogHasMffdAndDeath(@TempDir Path tmp) throws Exception {
        Path ev = tmp.resolve("all.csv");
        Cli.Result r = Cli.run(args(tmp.resolve("out"), "--quiet", "--events", ev.toString()));
        assertEquals(0, r.exit(), r::toString);
        Set<String> events = eventTypes(ev);
        for (String e : List.of("crisis", "ae_attendance", "admission", "mffd", "discharge", "death")) {
            assertTrue(events.contains(e), "event log lacks " + e + "; has " + events);
        }
    }

    /** Checks the header and the shape of every row; returns the distinct values of the event column. */
    private static Set<String> eventTypes(Path ev) throws Exception {
        assertTrue(Files.isRegularFile(ev), "event log written");
        List<String> lines = Files.readAllLines(ev);
        assertEquals("time,replication,person,cohort,age,event,place,reason", lines.get(0));
        assertTrue(lines.size() > 1, "event log has rows");
        Set<String> events = new TreeSet<>();
        Set<String> replications = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Cli.fields(line);
            assertEquals(8, f.size(), "8 columns: " + line);
            Double.parseDouble(f.get(0));
            replications.add(f.get(1));
            events.add(f.get(5));
        }
        assertEquals(Set.of("0", "1"), replications, "both replications logged");
        return events;
    }

    @Test
    void consoleTableWithoutQuiet(@TempDir Path tmp) {
        Cli.Result r = Cli.run(args(tmp));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Emergency admissions per 1,000"), r::toString);
        assertTrue(r.out().contains("2 replications"), r::toString);
        assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("icsim: fragmented: integration: level fragmented; "
                + "dimensions on: none; off: organisational, functional, service, clinical, normative, systemic")),
                "the integration dimensions on stderr before the table:\n" + r);
    }

    @Test
    void integrationCsvListsTheMechanisms() throws Exception {
        List<String> lines = Files.readAllLines(runDir.resolve("integration.csv"));
        assertEquals("mechanism,enabled,dimensions,setup_cost,running_cost_per_year,sector,nhs_share", lines.get(0));
        assertEquals(12, lines.size(), "header + 11 mechanisms");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("pooled_budget,false,systemic;organisational,")),
                String.join("\n", lines));
    }

    @Test
    void fractionalWarmupRuns(@TempDir Path tmp) {
        Cli.Result r = Cli.run("run", SCENARIO, "--population", "3000", "--replications", "2", "--years", "1",
                "--warmup", "0.5", "--out", tmp.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("fragmented"), uncheckedNames(tmp));
    }

    @Test
    void fractionalYearsAreRejected(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run("run", SCENARIO, "--population", "3000", "--replications", "2", "--years", "1.4",
                "--warmup", WARMUP, "--out", tmp.toString(), "--quiet");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("run.years") && r.err().contains("whole number"), r::toString);
        assertEquals(List.of(), uncheckedNames(tmp));
    }

    private static List<String> uncheckedNames(Path dir) {
        try {
            return Cli.names(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
