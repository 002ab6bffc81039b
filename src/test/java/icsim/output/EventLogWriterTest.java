package icsim.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventLogWriterTest {

    private static List<EventRecord> rep(int r) {
        return List.of(
                new EventRecord(1.0 / 3, r, 7, "frail", 81.25, "admit", "acute", "fall"),
                new EventRecord(2.5, r, 3, null, Double.NaN, "discharge", "home, with care", null));
    }

    @Test
    void replicationsWrittenInAscendingOrderWhateverTheCompletionOrder(@TempDir Path tmp) throws Exception {
        Map<Integer, List<EventRecord>> finishedLate = new LinkedHashMap<>();
        finishedLate.put(2, rep(2));
        finishedLate.put(0, rep(0));
        finishedLate.put(1, rep(1));
        Map<Integer, List<EventRecord>> finishedInOrder = new LinkedHashMap<>();
        finishedInOrder.put(0, rep(0));
        finishedInOrder.put(1, rep(1));
        finishedInOrder.put(2, rep(2));

        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        EventLogWriter.write(a, finishedLate);
        EventLogWriter.write(b, finishedInOrder);
        assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a));

        String text = Files.readString(a);
        assertEquals("""
                time,replication,person,cohort,age,event,place,reason
                0.3333,0,7,frail,81.3,admit,acute,fall
                2.5000,0,3,,,discharge,"home, with care",
                0.3333,1,7,frail,81.3,admit,acute,fall
                2.5000,1,3,,,discharge,"home, with care",
                0.3333,2,7,frail,81.3,admit,acute,fall
                2.5000,2,3,,,discharge,"home, with care",
                """, text);
    }

    @Test
    void streamingRejectsOutOfOrderReplications(@TempDir Path tmp) throws Exception {
        try (EventLogWriter w = new EventLogWriter(tmp.resolve("e.csv"))) {
            w.writeReplication(1, rep(1));
            assertThrows(IllegalStateException.class, () -> w.writeReplication(0, rep(0)));
            assertThrows(IllegalStateException.class, () -> w.writeReplication(1, rep(1)));
        }
    }
}
