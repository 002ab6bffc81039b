package icsim.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    private static String drive(boolean enabled, long delayNanos) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
             Progress progress = new Progress("fragmented", 30, enabled, delayNanos, out)) {
            IntConsumer listener = progress.listener();
            for (int done = 1; done <= 30; done++) {
                listener.accept(done);
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLongRunShowsReplicationsDoneOfTheTotal() {
        String shown = drive(true, 0);
        assertTrue(shown.contains("fragmented"), shown);
        assertTrue(shown.contains("30/30"), shown);
        assertTrue(shown.contains("replications"), shown);
    }

    @Test
    void quietOrNotATerminalShowsNothing() {
        assertEquals("", drive(false, 0));
    }

    @Test
    void aShortRunShowsNothing() {
        assertEquals("", drive(true, 60_000_000_000L));
    }
}
