package icsim.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDirectoryTest {

    @Test
    void commitMovesTempIntoPlace(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("out");
        try (OutputDirectory out = OutputDirectory.prepare(target)) {
            assertEquals(tmp, out.path().getParent());
            assertTrue(out.path().getFileName().toString().startsWith(".out.tmp-"));
            assertFalse(Files.exists(target)); // nothing visible until commit
            Files.writeString(out.path().resolve("a.csv"), "x\n");
            out.commit();
            assertTrue(out.committed());
        }
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void abortAndCloseWithoutCommitLeaveNothing(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("out");
        OutputDirectory a = OutputDirectory.prepare(target);
        Files.createDirectories(a.path().resolve("sub"));
        Files.writeString(a.path().resolve("sub/f.csv"), "x");
        a.abort();
        assertEquals(List.of(), names(tmp));

        try (OutputDirectory b = OutputDirectory.prepare(target)) {
            Files.writeString(b.path().resolve("f.csv"), "x");
        }
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void commitReplacesExistingTarget(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("out");
        Files.createDirectories(target.resolve("nested"));
        Files.writeString(target.resolve("old.csv"), "old");
        Files.writeString(target.resolve("nested/old2.csv"), "old");
        try (OutputDirectory out = OutputDirectory.prepare(target)) {
            Files.writeString(out.path().resolve("new.csv"), "new");
            out.commit();
        }
        assertEquals(List.of("new.csv"), names(target));
        assertEquals(List.of("out"), names(tmp)); // old copy deleted, no temp left
    }

    @Test
    void createsMissingParents(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("a/b/out");
        try (OutputDirectory out = OutputDirectory.prepare(target)) {
            out.commit();
        }
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void unwritableParentFailsWithOneLineMessageAndNoLeftovers(@TempDir Path tmp) throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "i am a file");
        Path target = blocker.resolve("sub/out");
        OutputException e = assertThrows(OutputException.class, () -> OutputDirectory.prepare(target));
        String msg = e.getMessage();
        assertTrue(msg.contains(target.toString()), msg);
        assertTrue(msg.contains(blocker + " is a file"), msg);
        assertTrue(msg.endsWith("(choose another --out)"), msg);
        assertFalse(msg.contains("\n"), msg);
        assertEquals(List.of("blocker"), names(tmp));
    }

    @Test
    void targetThatIsAFileIsRejected(@TempDir Path tmp) throws Exception {
        Path target = Files.writeString(tmp.resolve("out"), "file");
        OutputException e = assertThrows(OutputException.class, () -> OutputDirectory.prepare(target));
        assertTrue(e.getMessage().contains(target.toString()));
        assertEquals(List.of("out"), names(tmp));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
