package icsim.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the person-level event log CSV. Replications go out in ascending index, each in the order its
 * model produced, so the file does not depend on how many threads ran them.
 */
public final class EventLogWriter implements Closeable {

    public static final String FILE = "events.csv";
    public static final String HEADER = "time,replication,person,cohort,age,event,place,reason";

    private final Writer out;
    private int lastReplication = Integer.MIN_VALUE;

    /** Opens file (replacing it) and writes the header. */
    public EventLogWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
    }

    /** Writes every replication's events, ascending by replication index (the map key). */
    public static void write(Path file, Map<Integer, ? extends List<EventRecord>> byReplication) throws IOException {
        try (EventLogWriter w = new EventLogWriter(file)) {
            for (Map.Entry<Integer, ? extends List<EventRecord>> e : new TreeMap<>(byReplication).entrySet()) {
                w.writeReplication(e.getKey(), e.getValue());
            }
        }
    }

    /** Streaming use: call with strictly increasing replication indices. */
    public void writeReplication(int replication, List<EventRecord> events) throws IOException {
        if (replication <= lastReplication) {
            throw new IllegalStateException("event log replications must be written in ascending order: "
                    + replication + " after " + lastReplication);
        }
        lastReplication = replication;
        StringBuilder line = new StringBuilder(96);
        for (EventRecord r : events) {
            line.setLength(0);
            format(r, line);
            out.append(line);
        }
    }

    /** Appends one CSV line (with '\n') for r. */
    public static void format(EventRecord r, StringBuilder line) {
        line.append(Csv.fixed(r.time(), 4)).append(',')
                .append(r.replication()).append(',')
                .append(r.person()).append(',')
                .append(Csv.field(r.cohort())).append(',')
                .append(Csv.fixed(r.age(), 1)).append(',')
                .append(Csv.field(r.event())).append(',')
                .append(Csv.field(r.place())).append(',')
                .append(Csv.field(r.reason())).append('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** One replication's events, written to their own file as they happen, so memory stays flat. */
    public static final class Part implements Closeable {
        private final Writer out;
        private final StringBuilder line = new StringBuilder(96);

        public Part(Path file) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        public void accept(EventRecord r) {
            line.setLength(0);
            format(r, line);
            try {
                out.append(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Writes the header, then the parts in the order given (replication order), into file. */
    public static void concatenate(Path file, List<Path> parts) throws IOException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
    }
}
