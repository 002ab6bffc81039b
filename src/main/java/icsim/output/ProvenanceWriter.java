package icsim.output;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes run.json (a run's or a comparison's): pretty printed, '\n' line ends on every OS, fields in declaration order. */
public final class ProvenanceWriter {

    public static final String FILE = "run.json";

    private static final ObjectWriter WRITER;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n"); // default indenter uses the OS line separator
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        WRITER = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writer(pp);
    }

    private ProvenanceWriter() {
    }

    public static String toJson(Provenance p) throws IOException {
        return json(p);
    }

    public static String toJson(ComparisonProvenance p) throws IOException {
        return json(p);
    }

    /** Writes dir/run.json and returns its path. */
    public static Path write(Path dir, Provenance p) throws IOException {
        return writeJson(dir, p);
    }

    /** Writes a comparison's dir/run.json and returns its path. */
    public static Path write(Path dir, ComparisonProvenance p) throws IOException {
        return writeJson(dir, p);
    }

    /** Writes an experiment's dir/experiment.json and returns its path. */
    public static Path write(Path dir, ExperimentProvenance p) throws IOException {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, json(p), StandardCharsets.UTF_8);
        return file;
    }

    private static String json(Object provenance) throws IOException {
        return WRITER.writeValueAsString(provenance) + "\n";
    }

    private static Path writeJson(Path dir, Object provenance) throws IOException {
        Path file = dir.resolve(FILE);
        Csv.write(file, json(provenance));
        return file;
    }
}
