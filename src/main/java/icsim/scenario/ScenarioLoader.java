package icsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario YAML file into a validated {@link Scenario}.
 *
 * <ol>
 *   <li>Parse the file; if it has a top-level {@code extends: parent.yaml} (relative to the file's folder),
 *       load the parent the same way and deep-merge: sections merge key by key, numbers, text and lists in the
 *       child replace the parent's. Cycles are reported with the chain of files.</li>
 *   <li>Apply overrides (dotted YAML paths such as {@code run.seed}), which must name keys of the schema.</li>
 *   <li>Bind onto the records with Jackson, strictly: every key required, no unknown keys, no text where a
 *       number is expected, no fractions where a whole number is expected.</li>
 *   <li>Check {@link Bounds} and the cross-field rules of {@link ScenarioRules}.</li>
 * </ol>
 *
 * Every failure is a {@link ScenarioException} whose one-line message names the file that holds the offending
 * value, its YAML path, what is wrong and the fix.
 */
public final class ScenarioLoader {
    /** Label used as the "file" of errors in override assignments given as text. */
    public static final String OVERRIDE_LABEL = "override";

    private static final String EXTENDS = "extends";
    private static final String INTEGRATION = "integration";
    private static final String LEVEL = "level";
    private static final YAMLMapper MAPPER = createMapper();
    /** Integration level presets (MODEL.md §5 table), by level name; see levels.yaml. */
    private static final ObjectNode LEVELS = readLevels();
    private static final Pattern CREATOR_PROPERTY = Pattern.compile("creator property '([^']*)'");
    private static final Pattern MALFORMED_NUMBER = Pattern.compile("Malformed numeric value '([^']*)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

    private ScenarioLoader() {
    }

    // ---- public API ----------------------------------------------------------------------------------------

    /** Loads, resolves {@code extends}, binds and validates a scenario file. */
    public static Scenario load(Path file) throws ScenarioException {
        return load(file, Map.of());
    }

    /**
     * As {@link #load(Path)}, with overrides applied after {@code extends} merging and before binding, so they
     * are checked like values in the file.
     *
     * @param overrides dotted YAML path (e.g. {@code run.seed}, {@code population.size}) to value (Number,
     *                  String, Boolean, List or Map); applied in iteration order
     */
    public static Scenario load(Path file, Map<String, ?> overrides) throws ScenarioException {
        Objects.requireNonNull(file, "file");
        String label = file.toString();
        String text = readText(file, label, "", "cannot read scenario file", "");
        Path identity = identity(file);
        Resolver r = new Resolver(label, identity.getParent());
        return r.finish(r.resolve(text, label, file.getParent(), identity.getParent(), identity), overrides);
    }

    /** Loads a scenario from YAML text; {@code extends} is resolved against {@code baseDir} (or the working folder). */
    public static Scenario loadString(String yaml, String fileLabel, Path baseDir) throws ScenarioException {
        return loadString(yaml, fileLabel, baseDir, Map.of());
    }

    /** As {@link #loadString(String, String, Path)} with overrides (see {@link #load(Path, Map)}). */
    public static Scenario loadString(String yaml, String fileLabel, Path baseDir, Map<String, ?> overrides)
            throws ScenarioException {
        Objects.requireNonNull(yaml, "yaml");
        String label = fileLabel == null ? "<string>" : fileLabel;
        Path absDir = (baseDir == null ? Path.of("") : baseDir).toAbsolutePath().normalize();
        Resolver r = new Resolver(label, absDir);
        return r.finish(r.resolve(yaml, label, baseDir, absDir, null), overrides);
    }

    /**
     * Checks a scenario built in code (for example a variant made by an experiment) with the same bounds and
     * cross-field rules as {@link #load(Path)}.
     *
     * @param label names the scenario in the error message
     */
    public static void validate(Scenario scenario, String label) throws ScenarioException {
        ScenarioRules.Violation v = ScenarioRules.check(scenario);
        if (v != null) {
            throw new ScenarioException(label, v.yamlPath(), v.problem());
        }
    }

    /**
     * The scenario as YAML with the same keys as the input files (no {@code extends}: every value written out),
     * such that loading the text gives an equal record. Used to store the resolved scenario next to outputs.
     */
    public static String toYaml(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses command-line overrides {@code key=value} (e.g. {@code run.seed=42}, {@code run.years=2.5},
     * {@code step_up.referral_routes=[gp, nhs111]}); each value is read as YAML, so numbers become numbers.
     * The keys are checked when the overrides are applied by {@link #load(Path, Map)}.
     */
    public static Map<String, Object> parseOverrides(List<String> assignments) throws ScenarioException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a == null ? -1 : a.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(OVERRIDE_LABEL, "",
                        "expected key=value such as run.seed=42, got '" + a + "'");
            }
            String key = a.substring(0, eq).strip();
            String valueText = a.substring(eq + 1).strip();
            if (valueText.isEmpty()) {
                throw new ScenarioException(OVERRIDE_LABEL, key, "has no value (write " + key + "=<value>)");
            }
            try {
                JsonNode node = MAPPER.readTree(valueText);
                out.put(key, MAPPER.treeToValue(node, Object.class));
            } catch (JsonProcessingException e) {
                throw new ScenarioException(OVERRIDE_LABEL, key,
                        "cannot read value '" + valueText + "' (quote text that contains ':' or '#')", e);
            }
        }
        return out;
    }

    /** The names of the integration levels, in order of depth. */
    public static List<String> levels() {
        List<String> names = new ArrayList<>();
        LEVELS.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode readLevels() {
        try (var in = ScenarioLoader.class.getResourceAsStream("levels.yaml")) {
            return (ObjectNode) MAPPER.readTree(Objects.requireNonNull(in, "levels.yaml missing from the jar"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the integration levels", e);
        }
    }

    /**
     * The settings a file gets by naming a level, as a tree rooted at the scenario ({@code integration: ...});
     * null when the file names none.
     */
    private static ObjectNode levelPreset(JsonNode level, String label) throws ScenarioException {
        if (level == null || level.isMissingNode() || level.isNull()) {
            return null;
        }
        String name = level.isTextual() ? level.asText() : level.toString();
        JsonNode preset = LEVELS.get(name);
        if (!level.isTextual() || preset == null) {
            String hint = YamlSchema.suggest(name, levels());
            throw new ScenarioException(label, INTEGRATION + "." + LEVEL, "unknown integration level '" + name + "'"
                    + (hint != null ? " (did you mean '" + hint + "'?)" : "") + "; allowed: " + String.join(", ", levels()));
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set(INTEGRATION, preset.deepCopy());
        return root;
    }

    // ---- reading and extends -------------------------------------------------------------------------------

    /** State of one load: the root file, where each value came from, which paths overrides set. */
    private static final class Resolver {
        private final String rootLabel;
        /** Absolute folder of the root file; cycle chains are shown relative to it. */
        private final Path rootDir;
        /** Files being resolved, root first: real path, or the label of text that is not a file. */
        private final Deque<Object> chain = new ArrayDeque<>();
        /** YAML path -> label of the most derived file that gave a value there. */
        private final Map<String, String> origins = new HashMap<>();
        private final List<String> overridePaths = new ArrayList<>();

        Resolver(String rootLabel, Path rootDir) {
            this.rootLabel = rootLabel;
            this.rootDir = rootDir;
        }

        /**
         * Parses one file's text and merges it over its parent.
         *
         * @param displayDir folder used to build parents' labels (as the user would write them); may be null
         * @param absDir     absolute folder that {@code extends} is resolved against
         * @param identity   real path of the file, or null for text that is not a file
         */
        ObjectNode resolve(String text, String label, Path displayDir, Path absDir, Path identity)
                throws ScenarioException {
            chain.addLast(identity == null ? label : identity);
            ObjectNode tree = parse(text, label);
            JsonNode ext = tree.remove(EXTENDS);
            ObjectNode result;
            ObjectNode preset = levelPreset(tree.path(INTEGRATION).path(LEVEL), label);
            if (ext == null) {
                if (preset == null) {
                    markOrigins(tree, List.of(), label);
                    result = tree;
                } else {
                    result = MAPPER.createObjectNode();
                    merge(result, preset, List.of(), label);
                    merge(result, tree, List.of(), label);
                }
            } else {
                if (!ext.isTextual() || ext.asText().isBlank()) {
                    throw new ScenarioException(label, EXTENDS,
                            "must be the file name of the parent scenario (e.g. extends: fragmented.yaml), got "
                                    + describeNode(ext));
                }
                String ref = ext.asText().strip();
                Path parentPath = absDir.resolve(ref).normalize();
                String parentLabel = (displayDir == null ? Path.of(ref) : displayDir.resolve(ref)).normalize()
                        .toString();
                String parentText = readText(parentPath, label, EXTENDS, "cannot read parent scenario '" + ref + "'",
                        "; looked for " + parentLabel + ", relative to this file's folder");
                Path parentId = identity(parentPath);
                if (chain.contains(parentId)) {
                    List<String> names = new ArrayList<>();
                    for (Object p : chain) {
                        names.add(shortName(p));
                    }
                    names.add(shortName(parentId));
                    throw new ScenarioException(label, EXTENDS, "extends cycle: " + String.join(" -> ", names)
                            + " (a scenario cannot extend itself, directly or through other files;"
                            + " remove one of these extends)");
                }
                Path parentDisplayDir = Path.of(parentLabel).getParent();
                result = resolve(parentText, parentLabel, parentDisplayDir, parentId.getParent(), parentId);
                if (preset != null) {
                    merge(result, preset, List.of(), label);
                }
                merge(result, tree, List.of(), label);
            }
            chain.removeLast();
            return result;
        }

        private String shortName(Object o) {
            if (!(o instanceof Path p) || !p.isAbsolute()) {
                return o.toString();
            }
            try {
                return rootDir.relativize(p).toString();
            } catch (IllegalArgumentException e) {
                return p.toString();
            }
        }

        /** Deep merge of {@code child} into {@code base}: sections merge by key, anything else replaces. */
        private void merge(ObjectNode base, ObjectNode child, List<Object> path, String label) {
            origins.put(YamlSchema.format(path), label);
            Iterator<Map.Entry<String, JsonNode>> it = child.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> p = YamlSchema.child(path, e.getKey());
                JsonNode old = base.get(e.getKey());
                if (old instanceof ObjectNode oldObj && e.getValue() instanceof ObjectNode newObj) {
                    merge(oldObj, newObj, p, label);
                } else {
                    forgetOrigins(p);
                    base.set(e.getKey(), e.getValue());
                    markOrigins(e.getValue(), p, label);
                }
            }
        }

        private void markOrigins(JsonNode node, List<Object> path, String label) {
            origins.put(YamlSchema.format(path), label);
            if (node instanceof ObjectNode obj) {
                Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    markOrigins(e.getValue(), YamlSchema.child(path, e.getKey()), label);
                }
            }
        }

        private void forgetOrigins(List<Object> path) {
            String p = YamlSchema.format(path);
            origins.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + ".") || k.startsWith(p + "["));
        }

        /** The file that gave the value at a path (or the closest enclosing section); the root file if none. */
        private String originOf(List<Object> path) {
            for (int n = path.size(); n >= 0; n--) {
                String o = origins.get(YamlSchema.format(path.subList(0, n)));
                if (o != null) {
                    return o;
                }
            }
            return rootLabel;
        }

        /** An error about the value at {@code path}, naming the file it came from and any override there. */
        private ScenarioException error(List<Object> path, String problem) {
            return errorIn(originOf(path), path, problem);
        }

        private ScenarioException errorIn(String file, List<Object> path, String problem) {
            String p = YamlSchema.format(path);
            for (String o : overridePaths) {
                if (o.equals(p) || o.startsWith(p + ".") || p.startsWith(o + ".") || p.startsWith(o + "[")) {
                    problem = problem + " (set by override " + o + ")";
                    break;
                }
            }
            return new ScenarioException(file, p, problem);
        }

        // ---- overrides, binding, validation ----------------------------------------------------------------

        Scenario finish(ObjectNode tree, Map<String, ?> overrides) throws ScenarioException {
            Object level = levelOverride(overrides);
            if (level != null) {
                ObjectNode preset;
                try {
                    preset = levelPreset(MAPPER.valueToTree(level), rootLabel);
                } catch (ScenarioException e) {
                    throw new ScenarioException(rootLabel, e.yamlPath(), e.problem() + " (set by override integration.level)");
                }
                merge(tree, preset, List.of(), OVERRIDE_LABEL);
            }
            if (overrides != null) {
                for (Map.Entry<String, ?> e : overrides.entrySet()) {
                    applyOverride(tree, e.getKey(), e.getValue());
                }
            }
            checkKeys(tree, Scenario.class, List.of());
            Scenario s = bind(tree);
            ScenarioRules.Violation v = ScenarioRules.check(s);
            if (v != null) {
                throw error(v.path(), v.problem());
            }
            return s;
        }

        /** The level an override names, as integration.level=X or integration={level: X}; null if none. */
        private static Object levelOverride(Map<String, ?> overrides) {
            Object level = null;
            for (Map.Entry<String, ?> e : overrides == null ? Map.<String, Object>of().entrySet() : overrides.entrySet()) {
                String key = e.getKey() == null ? "" : e.getKey().strip();
                if (key.equals(INTEGRATION + "." + LEVEL)) {
                    level = e.getValue();
                } else if (key.equals(INTEGRATION) && e.getValue() instanceof Map<?, ?> section && section.containsKey(LEVEL)) {
                    level = section.get(LEVEL);
                }
            }
            return level;
        }

        private void applyOverride(ObjectNode tree, String dotted, Object value) throws ScenarioException {
            String key = dotted == null ? "" : dotted.strip();
            String[] segs = key.split("\\.", -1);
            Type t = Scenario.class;
            List<Object> path = new ArrayList<>();
            for (String seg : segs) {
                Class<?> cls = YamlSchema.raw(t);
                if (seg.isEmpty()) {
                    throw new ScenarioException(rootLabel, key,
                            "override path has an empty part (write keys joined by '.', e.g. run.seed)");
                }
                if (!cls.isRecord()) {
                    throw new ScenarioException(rootLabel, key, "override goes inside " + YamlSchema.format(path)
                            + ", which is a single value, not a section (override " + YamlSchema.format(path)
                            + " itself)");
                }
                RecordComponent c = YamlSchema.component(cls, seg);
                if (c == null) {
                    List<String> known = YamlSchema.keys(cls);
                    String hint = YamlSchema.suggest(seg, known);
                    throw new ScenarioException(rootLabel, key, "unknown key '" + seg + "' in override"
                            + (hint != null ? " (did you mean '" + hint + "'?)"
                            : " (keys" + (path.isEmpty() ? "" : " of " + YamlSchema.format(path)) + ": "
                            + String.join(", ", known) + ")"));
                }
                path.add(seg);
                t = c.getGenericType();
            }
            JsonNode node;
            try {
                node = MAPPER.valueToTree(value);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(rootLabel, key, "override value of type "
                        + value.getClass().getSimpleName() + " cannot be written as YAML", e);
            }
            ObjectNode parent = tree;
            for (int i = 0; i < path.size() - 1; i++) {
                String seg = (String) path.get(i);
                if (!(parent.get(seg) instanceof ObjectNode)) {
                    parent.set(seg, MAPPER.createObjectNode());
                }
                parent = (ObjectNode) parent.get(seg);
            }
            String last = (String) path.get(path.size() - 1);
            if (parent.get(last) instanceof ObjectNode oldObj && node instanceof ObjectNode newObj) {
                merge(oldObj, newObj, path, rootLabel);
            } else {
                forgetOrigins(path);
                parent.set(last, node);
                markOrigins(node, path, rootLabel);
            }
            overridePaths.add(key);
        }

        /**
         * Reports the first key that the schema does not know. Done before binding because Jackson reports a
         * missing key before an unknown one, and a misspelt key is both.
         */
        private void checkKeys(JsonNode node, Type type, List<Object> path) throws ScenarioException {
            Class<?> cls = YamlSchema.raw(type);
            if (cls.isRecord() && node instanceof ObjectNode obj) {
                Iterator<String> names = obj.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    List<Object> p = YamlSchema.child(path, name);
                    RecordComponent c = YamlSchema.component(cls, name);
                    if (c == null) {
                        throw errorIn(originOf(p), path, unknownKey(name, allowedKeys(cls, path)));
                    }
                    checkKeys(obj.get(name), c.getGenericType(), p);
                }
            } else if (List.class.isAssignableFrom(cls) && node != null && node.isArray()
                    && type instanceof ParameterizedType pt) {
                for (int i = 0; i < node.size(); i++) {
                    checkKeys(node.get(i), pt.getActualTypeArguments()[0], YamlSchema.child(path, i));
                }
            }
        }

        private Scenario bind(ObjectNode tree) throws ScenarioException {
            try {
                return MAPPER.treeToValue(tree, Scenario.class);
            } catch (UnrecognizedPropertyException e) {
                List<Object> path = pathOf(e);
                List<Object> container = path.isEmpty() ? path : path.subList(0, path.size() - 1);
                throw errorIn(originOf(path), container, unknownKey(e.getPropertyName(), knownKeys(e, container)));
            } catch (InvalidDefinitionException e) {
                throw new IllegalStateException("Scenario records cannot be bound: " + e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw translate(e, tree);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(rootLabel, "", "cannot read scenario: " + e.getMessage(), e);
            }
        }

        private Collection<String> knownKeys(UnrecognizedPropertyException e, List<Object> container) {
            Type t = YamlSchema.typeAt(container);
            if (t instanceof Class<?> c && c.isRecord()) {
                return allowedKeys(c, container);
            }
            List<String> known = new ArrayList<>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            return known;
        }

        private ScenarioException translate(JsonProcessingException e, ObjectNode tree) {
            List<Object> path = pathOf(e);
            String msg = Objects.toString(e.getOriginalMessage(), "");
            Matcher m = CREATOR_PROPERTY.matcher(msg);
            if (m.find() && !(e instanceof ValueInstantiationException)) {
                String key = m.group(1);
                List<Object> container = path;
                if (!container.isEmpty() && key.equals(container.get(container.size() - 1))) {
                    container = container.subList(0, container.size() - 1);
                }
                JsonNode c = nodeAt(tree, container);
                if (c == null || !c.has(key)) {
                    return errorIn(rootLabel, container, "missing key '" + key
                            + "' (add it: every key is required, in this file or a file it extends)");
                }
                path = YamlSchema.child(container, key);
            }
            if (e instanceof ValueInstantiationException) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return error(path, "invalid value: " + cause.getMessage());
            }
            Type expected = YamlSchema.typeAt(path);
            JsonNode actual = nodeAt(tree, path);
            if (expected != null && !path.isEmpty()) {
                String problem = "expected " + YamlSchema.describeType(expected) + ", got " + describeNode(actual);
                if (actual != null && actual.isIntegralNumber() && !actual.canConvertToInt()) {
                    problem += " (too large)";
                } else if (actual != null && actual.isTextual() && looksNumeric(actual.asText())
                        && YamlSchema.describeType(expected).contains("number")) {
                    problem += " (remove the quotes)";
                }
                return error(path, problem);
            }
            return error(path, "cannot read value: " + msg);
        }
    }

    /** Keys allowed in a section; at the top level also {@code extends}, so that a misspelling is caught. */
    private static List<String> allowedKeys(Class<?> recordType, List<Object> path) {
        List<String> keys = new ArrayList<>(YamlSchema.keys(recordType));
        if (path.isEmpty()) {
            keys.add(EXTENDS);
        }
        return keys;
    }

    private static String unknownKey(String name, Collection<String> known) {
        String hint = YamlSchema.suggest(name, known);
        return "unknown key '" + name + "'" + (hint != null
                ? " (did you mean '" + hint + "'?)"
                : " (allowed keys: " + String.join(", ", known) + ")");
    }

    /** The YAML path of a Jackson error: property names and list indices. */
    private static List<Object> pathOf(JsonProcessingException e) {
        List<Object> path = new ArrayList<>();
        if (e instanceof JsonMappingException jm) {
            for (JsonMappingException.Reference ref : jm.getPath()) {
                if (ref.getFieldName() != null) {
                    path.add(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.add(ref.getIndex());
                }
            }
        } else if (e instanceof StreamReadException sr && sr.getProcessor() != null) {
            JsonParser p = sr.getProcessor();
            for (JsonStreamContext ctx = p.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
                if (ctx.inObject() && ctx.getCurrentName() != null) {
                    path.add(0, ctx.getCurrentName());
                } else if (ctx.inArray() && ctx.getCurrentIndex() >= 0) {
                    path.add(0, ctx.getCurrentIndex());
                }
            }
        }
        return path;
    }

    private static JsonNode nodeAt(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object seg : path) {
            if (n == null) {
                return null;
            }
            n = seg instanceof Integer i ? n.get(i) : n.get((String) seg);
        }
        return n;
    }

    private static boolean looksNumeric(String text) {
        try {
            Double.parseDouble(text.strip());
            return !text.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** 'abc', 5000.5, true, a list, a section, no value. */
    static String describeNode(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "no value";
        }
        if (n.isTextual()) {
            return n.asText().isEmpty() ? "no value" : "'" + n.asText() + "'";
        }
        if (n.isNumber() || n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a section of keys";
        }
        return n.toString();
    }

    private static ObjectNode parse(String text, String label) throws ScenarioException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(label, e);
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw new ScenarioException(label, "", "the file is empty (write the scenario's keys, or extends: <file>)");
        }
        if (!(n instanceof ObjectNode obj)) {
            throw new ScenarioException(label, "", "the top level must be keys such as 'name: ...', got "
                    + describeNode(n));
        }
        return obj;
    }

    private static ScenarioException syntaxError(String label, JsonProcessingException e) {
        String msg = Objects.toString(e.getOriginalMessage(), "");
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        int col = loc == null ? -1 : loc.getColumnNr();
        Matcher dup = DUPLICATE.matcher(msg);
        if (dup.find()) {
            return new ScenarioException(label, "", "duplicate key '" + dup.group(1) + "'"
                    + (line > 0 ? " at line " + line : "") + " (a key may appear once in a section; remove one)", e);
        }
        String problem = msg;
        Matcher badNumber = MALFORMED_NUMBER.matcher(msg);
        if (badNumber.find()) {
            return new ScenarioException(label, "", "unreadable number '" + badNumber.group(1) + "'"
                    + (line > 0 ? " at line " + line : "") + " (write an ordinary decimal number such as 0.5)", e);
        }
        if (e.getCause() instanceof MarkedYAMLException y) {
            Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
            if (mark != null) {
                line = mark.getLine() + 1;
                col = mark.getColumn() + 1;
            }
            if (y.getProblem() != null) {
                problem = y.getProblem();
                if (y.getContext() != null) {
                    problem = y.getContext() + ", " + problem;
                }
            }
        } else if (msg.contains("Trailing token") || msg.contains("trailing token")) {
            return new ScenarioException(label, "", "the file holds more than one YAML document"
                    + (line > 0 ? " (from line " + line + ")" : "") + "; keep one and remove the extra '---'", e);
        }
        String hint = problem.contains("\\t") || problem.contains("\t")
                ? "(YAML does not allow tabs: indent with spaces)"
                : "(check the indentation, the ': ' after each key and any quotes near that line)";
        String where = line > 0 ? " at line " + line + (col > 0 ? ", column " + col : "") : "";
        return new ScenarioException(label, "", "YAML syntax error" + where + ": " + problem + " " + hint, e);
    }

    private static String readText(Path file, String label, String yamlPath, String what, String where)
            throws ScenarioException {
        if (Files.isDirectory(file)) {
            throw new ScenarioException(label, yamlPath, what + ": it is a folder, not a file (give the .yaml file)");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(label, yamlPath, what + ": no such file (check the path" + where + ")", e);
        } catch (AccessDeniedException e) {
            throw new ScenarioException(label, yamlPath, what + ": permission denied (check the file's permissions)",
                    e);
        } catch (MalformedInputException e) {
            throw new ScenarioException(label, yamlPath, what + ": not UTF-8 text (save it as UTF-8)", e);
        } catch (IOException e) {
            throw new ScenarioException(label, yamlPath, what + ": " + e.getMessage(), e);
        }
    }

    /** Absolute, symlink-free path of a readable file (used to detect extends cycles). */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static YAMLMapper createMapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        YAMLMapper mapper = YAMLMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
