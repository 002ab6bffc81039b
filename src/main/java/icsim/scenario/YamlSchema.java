package icsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The YAML side of the {@link Scenario} records: the snake_case key of each record component (as Jackson names
 * it), the Java type at a YAML path, path formatting and "did you mean" suggestions. Package-private helper.
 */
final class YamlSchema {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();
    private static final Map<RecordComponent, String> NAMES = new ConcurrentHashMap<>();

    private YamlSchema() {
    }

    /** The YAML key of a record component: its explicit @JsonProperty, else the snake_case of its name. */
    static String yamlName(RecordComponent c) {
        return NAMES.computeIfAbsent(c, YamlSchema::computeName);
    }

    private static String computeName(RecordComponent c) {
        JsonProperty p = c.getAnnotation(JsonProperty.class);
        if (p == null) {
            p = c.getAccessor().getAnnotation(JsonProperty.class);
        }
        if (p != null && !p.value().isEmpty()) {
            return p.value();
        }
        return SNAKE.translate(c.getName());
    }

    /** YAML keys of a record type, in declaration order. */
    static List<String> keys(Class<?> recordType) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            keys.add(yamlName(c));
        }
        return keys;
    }

    /** The component of a record type with this YAML key, or null. */
    static RecordComponent component(Class<?> recordType, String key) {
        for (RecordComponent c : recordType.getRecordComponents()) {
            if (yamlName(c).equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** The (generic) Java type found at a path of keys (String) and list indices (Integer), or null. */
    static Type typeAt(List<Object> path) {
        Type t = Scenario.class;
        for (Object seg : path) {
            if (seg instanceof String key && t instanceof Class<?> cls && cls.isRecord()) {
                RecordComponent c = component(cls, key);
                if (c == null) {
                    return null;
                }
                t = c.getGenericType();
            } else if (seg instanceof Integer && t instanceof ParameterizedType pt
                    && pt.getRawType() instanceof Class<?> raw && List.class.isAssignableFrom(raw)) {
                t = pt.getActualTypeArguments()[0];
            } else {
                return null;
            }
        }
        return t;
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** "a number", "a whole number", ... for an error message. */
    static String describeType(Type t) {
        Class<?> c = raw(t);
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return "a number";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class
                || c == short.class || c == Short.class) {
            return "a whole number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(c)) {
            return "a list such as [a, b]";
        }
        if (c.isRecord()) {
            return "a section with keys " + String.join(", ", keys(c));
        }
        return "a value of type " + c.getSimpleName();
    }

    /** Formats [services, acute_beds, per_100k] as services.acute_beds.per_100k and list indices as [i]. */
    static String format(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object seg : path) {
            if (seg instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(seg);
            }
        }
        return b.toString();
    }

    /** Path with one more key. */
    static List<Object> child(List<Object> path, Object seg) {
        List<Object> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(seg);
        return p;
    }

    /**
     * The known key closest to an unknown one: optimal-string-alignment distance at most 3 (and less than the
     * key's length, so unrelated short keys are not offered), or one key a prefix of the other; null if none.
     */
    static String suggest(String unknown, Iterable<String> known) {
        String u = unknown.toLowerCase();
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String k : known) {
            String kl = k.toLowerCase();
            int d = distance(u, kl);
            int score;
            if (d <= 3 && d < u.length()) {
                score = d;
            } else if (u.length() >= 3 && kl.length() >= 3 && (kl.startsWith(u) || u.startsWith(kl))) {
                score = 4;
            } else {
                continue;
            }
            if (score < bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** Edit distance counting insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /** A number for a message: 5 not 5.0, 0.97 not 0.9700000000000001. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros()
                .toPlainString();
    }
}
