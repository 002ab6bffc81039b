package icsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes a user can make: each is exit code 2, one line on stderr naming the file and YAML path, no output left. */
class BadInputTest {
    static final Path SHIPPED = Path.of("scenarios/fragmented.yaml").toAbsolutePath();

    @TempDir
    Path tmp;

    /** A scenario in tmp that extends the shipped one with the given YAML lines. */
    private Path child(String name, String... lines) throws Exception {
        StringBuilder b = new StringBuilder("extends: \"" + SHIPPED.toString().replace("\\", "/") + "\"\n");
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return Files.writeString(tmp.resolve(name), b.toString());
    }

    private Path out() {
        return tmp.resolve("out");
    }

    /** Small run of scenario into tmp/out; not --quiet, so any extra stderr line would show. */
    private Cli.Result run(Path scenario, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", scenario.toString(), "--population", "3000", "--years", "1",
                "--warmup", "1", "--out", out().toString()));
        a.addAll(List.of(extra));
        return Cli.run(a.toArray(String[]::new));
    }

    /** Exit 2, exactly one stderr line that contains every fragment, nothing in --out. */
    private String assertUserError(Cli.Result r, String... fragments) throws Exception {
        String line = Cli.assertOneLineUserError(r, fragments);
        assertEquals(List.of(), Cli.names(out()), "no run folder or temporary folder left in --out");
        for (String n : Cli.names(tmp)) {
            assertFalse(n.startsWith("."), "hidden leftover " + n + " in " + tmp);
        }
        return line;
    }

    @Test
    void unknownKeySuggestsTheNearestOne() throws Exception {
        Path f = child("typo.yaml", "services: {acute_beds: {per_100kk: 170}}");
        String line = assertUserError(run(f, "--replications", "2"), f.toString(), "services.acute_beds", "per_100kk",
                "did you mean");
        assertTrue(line.contains("per_100k'") || line.contains("per_100k "), line);
    }

    @Test
    void wrongType() throws Exception {
        Path f = child("type.yaml", "run: {replications: abc}");
        // no --replications: the command-line override would replace the bad value
        assertUserError(run(f), f.toString(), "run.replications", "abc");
    }

    @Test
    void negativeCapacity() throws Exception {
        Path f = child("neg.yaml", "services: {acute_beds: {per_100k: -5}}");
        assertUserError(run(f, "--replications", "2"), f.toString(), "services.acute_beds.per_100k", "-5");
    }

    @Test
    void probabilityAboveOne() throws Exception {
        Path f = child("prob.yaml", "groups: {over65_fit: {p_ae_given_crisis: 1.2}}");
        assertUserError(run(f, "--replications", "2"), f.toString(), "groups.over65_fit.p_ae_given_crisis", "1.2");
    }

    @Test
    void badOverrideValue() throws Exception {
        assertUserError(run(Path.of("scenarios/fragmented.yaml"), "--replications", "2",
                "--set", "services.acute_beds.per_100k=-5"), "services.acute_beds.per_100k");
    }

    @Test
    void missingFile() throws Exception {
        Path f = tmp.resolve("no_such_scenario.yaml");
        assertUserError(run(f, "--replications", "2"), f.toString());
    }

    @Test
    void extendsCycle() throws Exception {
        Files.writeString(tmp.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
        Files.writeString(tmp.resolve("b.yaml"), "extends: a.yaml\nname: b\n");
        assertUserError(run(tmp.resolve("a.yaml"), "--replications", "2"), "extends", "cycle", "a.yaml", "b.yaml");
    }

    @Test
    void outUnderARegularFile() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "not a folder");
        Path badOut = blocker.resolve("sub");
        Cli.Result r = Cli.run("run", "scenarios/fragmented.yaml", "--population", "3000", "--replications", "2",
                "--years", "1", "--warmup", "1", "--out", badOut.toString());
        assertUserError(r, blocker.toString());
        assertEquals(List.of("blocker"), Cli.names(tmp), "nothing created beside the blocking file");
        assertEquals("not a folder", Files.readString(blocker), "the blocking file is untouched");
    }

    @Test
    void outIsARegularFile() throws Exception {
        Files.createDirectories(out());
        Path target = Files.writeString(out().resolve("fragmented"), "x");
        Cli.Result r = Cli.run("run", "scenarios/fragmented.yaml", "--population", "3000", "--replications", "2",
                "--years", "1", "--warmup", "1", "--out", out().toString());
        assertEquals(Main.USER_ERROR, r.exit(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains(target.toString()), r::toString);
        assertEquals(List.of("fragmented"), Cli.names(out()), "no temporary folder left");
        assertEquals("x", Files.readString(target));
    }

    @Test
    void debugAddsAStackTrace() throws Exception {
        Path f = child("neg.yaml", "services: {acute_beds: {per_100k: -5}}");
        Cli.Result r = run(f, "--replications", "2", "--debug");
        assertEquals(Main.USER_ERROR, r.exit(), r::toString);
        List<String> lines = r.errLines();
        assertTrue(lines.size() > 1, r::toString);
        assertTrue(lines.get(0).startsWith("icsim: ") && lines.get(0).contains("services.acute_beds.per_100k"),
                r::toString);
        assertTrue(r.err().contains("at icsim."), r::toString);
        assertEquals(List.of(), Cli.names(out()));
    }

    @Test
    void validateAcceptsTheShippedScenario() {
        Cli.Result r = Cli.run("validate", "scenarios/fragmented.yaml");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("ok:"), r::toString);
        assertTrue(r.out().contains("scenarios/fragmented.yaml") || r.out().contains("fragmented"), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void validateRejectsABadFile() throws Exception {
        Path f = child("prob.yaml", "groups: {over65_fit: {p_ae_given_crisis: 1.2}}");
        Cli.Result r = Cli.run("validate", f.toString());
        assertEquals(Main.USER_ERROR, r.exit(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains(f.toString()) && r.err().contains("groups.over65_fit.p_ae_given_crisis"),
                r::toString);
        assertFalse(r.out().contains("ok:"), r::toString);
    }

    @Test
    void unknownOption() throws Exception {
        Cli.Result r = Cli.run("run", "x.yaml", "--nonsense", "--out", out().toString());
        assertUserError(r, "--nonsense");
    }

    @Test
    void badThreadsAndSample() throws Exception {
        assertUserError(run(Path.of("scenarios/fragmented.yaml"), "--replications", "2", "--threads", "0"),
                "--threads");
        assertUserError(run(Path.of("scenarios/fragmented.yaml"), "--replications", "2",
                "--events", tmp.resolve("ev.csv").toString(), "--events-sample", "-1"), "--events-sample");
        assertFalse(Files.exists(tmp.resolve("ev.csv")));
    }

    @Test
    void validateWarnsWhenAServiceIsOverloadedButStillSucceeds() {
        Cli.Result r = Cli.run("validate", "scenarios/fragmented.yaml", "--set", "services.acute_beds.per_100k=120");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("acute_beds expected load") && r.err().contains("may never clear"), r::toString);
        assertTrue(r.out().contains("expected load"), r::toString);
        Cli.Result fine = Cli.run("validate", "scenarios/fragmented.yaml");
        assertEquals("", fine.err(), fine::toString);
    }

    @Test
    void validateRejectsAnUnknownIntegrationLevel() throws Exception {
        Path f = child("partial.yaml", "integration: {level: partial}");
        Cli.Result r = Cli.run("validate", f.toString());
        String line = assertUserError(r, f.toString(), "integration.level", "'partial'");
        assertTrue(line.contains("fragmented, linkage, coordination, full"), line);
        assertFalse(r.out().contains("ok:"), r::toString);
    }

    @Test
    void validateRejectsAnUnknownIntegrationLevelOverride() throws Exception {
        Cli.Result r = Cli.run("validate", "scenarios/fragmented.yaml", "--set", "integration.level=partial");
        assertUserError(r, "integration.level", "'partial'");
        assertFalse(r.out().contains("ok:"), r::toString);
    }
}
