package icsim.experiment;

import icsim.cli.Main;
import icsim.output.CsvReports;
import icsim.output.ReplicationResult;
import icsim.output.RunSummary;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results must not depend on the number of worker threads. */
class DeterminismTest {
    static final Path SCENARIO = Path.of("scenarios/fragmented.yaml");

    static Scenario scenario(double warmupYears) throws Exception {
        return ScenarioLoader.load(SCENARIO, Map.of("population.size", 4000, "run.replications", 3,
                "run.years", 1, "run.warmup_years", warmupYears));
    }

    @Test
    void runnerGivesIdenticalCsvOnOneAndTwoThreads() throws Exception {
        Scenario s = scenario(1);
        List<ReplicationResult> one = new ReplicationRunner(1).run(s, 0, null, null).results();
        List<ReplicationResult> two = new ReplicationRunner(2).run(s, 0, null, null).results();
        assertEquals(3, one.size());
        assertEquals(3, two.size());
        for (int r = 0; r < 3; r++) {
            assertEquals(r, one.get(r).replication(), "results in replication order");
            assertEquals(r, two.get(r).replication(), "results in replication order");
        }
        RunSummary a = new RunSummary(one);
        RunSummary b = new RunSummary(two);
        assertTrue(CsvReports.summaryCsv(a).equals(CsvReports.summaryCsv(b)), "summary.csv text differs");
        assertTrue(CsvReports.replicationsCsv(a).equals(CsvReports.replicationsCsv(b)), "replications.csv text differs");
        assertEquals(CsvReports.byYearCsv(a), CsvReports.byYearCsv(b));
        assertEquals(CsvReports.byCohortCsv(a), CsvReports.byCohortCsv(b));
        assertEquals(CsvReports.timeseriesCsv(a), CsvReports.timeseriesCsv(b));
        assertEquals(CsvReports.ledgerCsv(a), CsvReports.ledgerCsv(b));
        // replications really differ from one another (the seed is keyed by replication)
        assertTrue(!one.get(0).metrics().equals(one.get(1).metrics()), "replications 0 and 1 identical");
    }

    @Test
    void sameRunnerTwiceGivesIdenticalResults() throws Exception {
        Scenario s = scenario(1);
        ReplicationRunner runner = new ReplicationRunner(2);
        RunSummary a = new RunSummary(runner.run(s, 0, null, null).results());
        RunSummary b = new RunSummary(runner.run(s, 0, null, null).results());
        assertEquals(CsvReports.replicationsCsv(a), CsvReports.replicationsCsv(b));
        assertEquals(CsvReports.ledgerCsv(a), CsvReports.ledgerCsv(b));
    }

    @Test
    void fractionalWarmupIsDeterministicToo() throws Exception {
        Scenario s = scenario(0.5);
        RunSummary a = new RunSummary(new ReplicationRunner(1).run(s, 0, null, null).results());
        RunSummary b = new RunSummary(new ReplicationRunner(2).run(s, 0, null, null).results());
        assertEquals(CsvReports.summaryCsv(a), CsvReports.summaryCsv(b));
        assertEquals(CsvReports.replicationsCsv(a), CsvReports.replicationsCsv(b));
    }

    @Test
    void cliOutputsAreByteIdenticalAcrossThreadCounts(@TempDir Path tmp) throws Exception {
        Path one = tmp.resolve("t1");
        Path two = tmp.resolve("t2");
        cli(one, "1");
        cli(two, "2");
        for (String f : List.of("summary.csv", "replications.csv", "by_year.csv", "by_cohort.csv", "timeseries.csv",
                "ledger.csv", "monthly_cost.csv", "scenario.yaml")) {
            assertArrayEquals(Files.readAllBytes(one.resolve("fragmented").resolve(f)),
                    Files.readAllBytes(two.resolve("fragmented").resolve(f)), f + " differs between 1 and 2 threads");
        }
        assertArrayEquals(Files.readAllBytes(one.resolve("events.csv")), Files.readAllBytes(two.resolve("events.csv")),
                "event log differs between 1 and 2 threads");
    }

    /** compare with every mechanism on (case-finding, D2A, pooled fund): byte-identical on 1 and 2 threads. */
    @Test
    void compareOutputsAreByteIdenticalAcrossThreadCounts(@TempDir Path tmp) throws Exception {
        for (String threads : List.of("1", "2")) {
            Path out = tmp.resolve("t" + threads);
            Files.createDirectories(out);
            execute("compare", SCENARIO.toString(), "scenarios/full.yaml", "--population", "4000", "--replications",
                    "3", "--years", "1", "--warmup", "1", "--threads", threads, "--out", out.toString(), "--quiet");
        }
        for (String f : List.of("comparison.csv", "full/summary.csv", "full/replications.csv", "full/ledger.csv",
                "full/timeseries.csv", "fragmented/summary.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("t1/comparison").resolve(f)),
                    Files.readAllBytes(tmp.resolve("t2/comparison").resolve(f)), f + " differs between 1 and 2 threads");
        }
    }

    private static void cli(Path out, String threads) throws Exception {
        Files.createDirectories(out);
        execute("run", SCENARIO.toString(), "--population", "4000", "--replications", "3",
                "--years", "1", "--warmup", "1", "--threads", threads, "--out", out.toString(),
                "--events", out.resolve("events.csv").toString(), "--events-sample", "200", "--quiet");
    }

    private static void execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit;
        try (PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            System.setErr(p);
            exit = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals(0, exit, () -> String.join(" ", args) + ": " + buf.toString(StandardCharsets.UTF_8));
    }
}
