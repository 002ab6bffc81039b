package icsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helper: runs {@link Main#execute} with System.out and System.err captured. */
final class Cli {
    private Cli() {
    }

    /** Exit code and captured output of one command line. */
    record Result(int exit, String out, String err) {
        /** stderr split into lines, a trailing newline ignored. */
        List<String> errLines() {
            String e = err.replace("\r\n", "\n");
            if (e.endsWith("\n")) {
                e = e.substring(0, e.length() - 1);
            }
            return e.isEmpty() ? List.of() : List.of(e.split("\n", -1));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            exit = Main.execute(args);
            o.flush();
            e.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Asserts a user's mistake: exit code 2 and exactly one stderr line, "icsim: ...", that contains every
     * fragment and is no internal error. Returns the line.
     */
    static String assertOneLineUserError(Result r, String... fragments) {
        assertEquals(Main.USER_ERROR, r.exit(), r::toString);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "stderr must be exactly one line:\n" + r);
        String line = lines.get(0);
        assertTrue(line.startsWith("icsim: "), line);
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "stderr lacks '" + f + "': " + line);
        }
        assertFalse(line.contains("internal error"), line);
        return line;
    }

    /** Names of the entries directly inside dir, sorted (empty if dir does not exist). */
    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Splits one CSV line into fields (RFC 4180 quoting, no embedded newlines). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
