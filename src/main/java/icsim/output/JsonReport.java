package icsim.output;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a small result file (warmup.json, replications.json) from a map: keys in the map's order, pretty
 * printed with '\n' line ends on every OS, non-finite numbers as null.
 */
public final class JsonReport {
    private static final ObjectWriter WRITER;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        WRITER = new ObjectMapper().writer(pp);
    }

    private JsonReport() {
    }

    public static String toJson(Map<String, ?> content) throws IOException {
        return WRITER.writeValueAsString(clean(content)) + "\n";
    }

    /** Writes content to file as UTF-8. */
    public static void write(Path file, Map<String, ?> content) throws IOException {
        Csv.write(file, toJson(content));
    }

    /** JSON has no NaN or infinity: such numbers become null, in nested maps and lists too. */
    private static Object clean(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, clean(v)));
            return out;
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(JsonReport::clean).toList();
        }
        return value;
    }
}
