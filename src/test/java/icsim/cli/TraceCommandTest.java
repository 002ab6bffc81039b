package icsim.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code icsim trace} end to end: Mrs Smith through fragmented and fully integrated care, and its mistakes. */
class TraceCommandTest {
    static final String A = "scenarios/fragmented.yaml";
    static final String B = "scenarios/full.yaml";
    static final String HEADER = "side,scenario,time,day,when,replication,person,cohort,age,event,place,reason,description";

    @TempDir
    static Path shared;
    static Cli.Result smith;
    static List<List<String>> rowsA;
    static List<List<String>> rowsB;

    static List<String> small(String... extra) {
        List<String> a = new ArrayList<>(List.of("trace", A, B, "--population", "5000", "--replications", "1",
                "--years", "2"));
        a.addAll(List.of(extra));
        return a;
    }

    static Cli.Result trace(String... extra) {
        return Cli.run(small(extra).toArray(String[]::new));
    }

    @BeforeAll
    static void traceMrsSmith() throws Exception {
        smith = trace("--persona", "mrs-smith", "--out", shared.resolve("smith.txt").toString());
        assertEquals(0, smith.exit(), smith::toString);
        List<String> lines = Files.readAllLines(shared.resolve("smith.csv"));
        assertEquals(HEADER, lines.get(0));
        rowsA = new ArrayList<>();
        rowsB = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Cli.fields(line);
            assertEquals(13, f.size(), line);
            (f.get(0).equals("A") ? rowsA : rowsB).add(f);
        }
    }

    @Test
    void writesTheTextAndTheCsv() throws Exception {
        assertEquals(List.of("smith.csv", "smith.txt"), Cli.names(shared).stream()
                .filter(n -> n.startsWith("smith")).toList());
        String text = Files.readString(shared.resolve("smith.txt"));
        assertTrue(smith.out().startsWith(text), "the terminal shows what the file holds");
        assertTrue(text.contains("A: fragmented") && text.contains("B: full"), text);
        assertTrue(rowsA.stream().allMatch(f -> f.get(1).equals("fragmented") && f.get(5).equals("0")), "side A");
        assertTrue(rowsB.stream().allMatch(f -> f.get(1).equals("full") && f.get(5).equals("0")), "side B");
        for (String words : List.of("Days in hospital", "Days at home", "Services received", "At the end")) {
            assertTrue(text.contains(words), "summary row " + words + ":\n" + text);
        }
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 120, "line wider than --width 120: " + line);
        }
        assertFalse(text.contains("ae_attendance") || text.contains("mffd"), "plain words, not event codes:\n" + text);
    }

    /** Common random numbers: the same person, and the same events at the same times until the first difference. */
    @Test
    void samePersonAndSameCrisesUntilTheFirstDifference() {
        assertFalse(rowsA.isEmpty() || rowsB.isEmpty(), smith::toString);
        String person = rowsA.get(0).get(6);
        assertTrue(rowsA.stream().allMatch(f -> f.get(6).equals(person)), "one person in A");
        assertTrue(rowsB.stream().allMatch(f -> f.get(6).equals(person)), "the same person in B");
        int n = Math.min(rowsA.size(), rowsB.size());
        int first = 0;
        while (first < n && code(rowsA.get(first)).equals(code(rowsB.get(first)))) {
            first++;
        }
        assertTrue(first > 0, "the two systems share the start of the story:\n" + smith);
        long crisesBefore = rowsA.subList(0, first).stream().filter(f -> f.get(9).equals("crisis")).count();
        assertTrue(crisesBefore > 0, "at least one crisis before the first difference:\n" + smith);
        // the text shows those shared events in both columns, above the marker
        String out = smith.out();
        int marker = out.indexOf("from here the two systems differ");
        String shared = marker < 0 ? out : out.substring(0, marker);
        int crisisRows = 0;
        for (String line : shared.split("\n")) {
            if (line.contains("Becomes unwell")) {
                String[] cells = line.split(" \\| ");
                assertEquals(3, cells.length, line);
                assertEquals(cells[1].strip(), cells[2].strip(), "both columns tell the same crisis: " + line);
                crisisRows++;
            }
        }
        assertEquals(crisesBefore, crisisRows, "each shared crisis on one row, in both columns:\n" + out);
    }

    @Test
    void thePersonaMatchesItsDescription() {
        Matcher who = Pattern.compile("Who: person (\\d+) \\(population slot (\\d+)\\)\\. At the start of the traced "
                + "years \\(the end of warm-up\\): aged (\\d+), severe frailty, lives alone, at home, not a care-home "
                + "resident").matcher(smith.out().replace("\n", " "));
        assertTrue(who.find(), smith::toString);
        assertTrue(Integer.parseInt(who.group(3)) >= 85, who.group());
        assertEquals(rowsA.get(0).get(6), who.group(1), "the person of the header is the person of the events");
        assertTrue(rowsA.stream().allMatch(f -> f.get(7).equals("over65_severe")), "severe frailty throughout");
        assertTrue(Double.parseDouble(rowsA.get(0).get(8)) >= 85, "85+ at the first event");
        assertTrue(rowsA.stream().anyMatch(f -> f.get(9).equals("crisis")), "a crisis in the traced years in A");
        assertTrue(smith.out().contains("Chosen as --persona mrs-smith"), smith::toString);
    }

    /** --person takes the id the event log uses, and the trace holds exactly that person's rows of the log. */
    @Test
    void personIdIsTheEventLogsId(@TempDir Path tmp) throws Exception {
        String person = rowsA.get(0).get(6);
        Path ev = tmp.resolve("events.csv");
        Cli.Result run = Cli.run("run", A, "--population", "5000", "--replications", "1", "--years", "2", "--quiet",
                "--out", tmp.resolve("out").toString(), "--events", ev.toString());
        assertEquals(0, run.exit(), run::toString);
        List<String> logged = new ArrayList<>();
        for (String line : Files.readAllLines(ev).subList(1, Files.readAllLines(ev).size())) {
            List<String> f = Cli.fields(line);
            if (f.get(2).equals(person)) {
                logged.add(f.get(0) + "," + f.get(5) + "," + f.get(6) + "," + f.get(7));
            }
        }
        Cli.Result byId = trace("--person", person, "--out", tmp.resolve("byid.txt").toString(), "--quiet");
        assertEquals(0, byId.exit(), byId::toString);
        assertEquals("", byId.out(), "--quiet prints nothing");
        List<String> traced = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("byid.csv"))) {
            List<String> f = Cli.fields(line);
            if (f.get(0).equals("A")) {
                traced.add(f.get(2) + "," + f.get(9) + "," + f.get(10) + "," + f.get(11));
            }
        }
        assertEquals(logged, traced, "trace side A = the run's event log for person " + person);
        String byPersona = Files.readString(shared.resolve("smith.txt"));
        String byIdText = Files.readString(tmp.resolve("byid.txt"));
        assertEquals(byPersona.substring(byPersona.indexOf("  day when")), byIdText.substring(byIdText.indexOf("  day when")),
                "the same story by id as by persona");
    }

    @Test
    void personOutOfRangeIsOneLine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("t.txt");
        Cli.Result r = trace("--person", "999999999", "--out", out.toString());
        Cli.assertOneLineUserError(r, "--person 999999999", "no such person");
        assertEquals(List.of(), Cli.names(tmp), "nothing written");
    }

    @Test
    void unknownPersonaIsOneLine() {
        Cli.assertOneLineUserError(trace("--persona", "mr-jones"), "--persona", "mr-jones", "mrs-smith");
    }

    @Test
    void missingFileIsOneLine() {
        Cli.Result r = Cli.run("trace", "scenarios/no-such-file.yaml", B, "--persona", "mrs-smith",
                "--population", "5000", "--years", "2");
        Cli.assertOneLineUserError(r, "no-such-file.yaml");
    }

    @Test
    void personOrPersonaIsRequired() {
        Cli.assertOneLineUserError(trace(), "--person", "--persona");
        Cli.assertOneLineUserError(trace("--person", "1", "--persona", "mrs-smith"), "either");
        Cli.assertOneLineUserError(trace("--person", "1", "--width", "40"), "--width");
    }

    /** time, event, place and reason: what the model decided, without the words. */
    private static String code(List<String> f) {
        return f.get(2) + "," + f.get(9) + "," + f.get(10) + "," + f.get(11);
    }
}
