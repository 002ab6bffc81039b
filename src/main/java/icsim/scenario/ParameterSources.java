package icsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where every value of a scenario came from: the trailing {@code # comment} on the line of the file that set it
 * (scenario files name their source there, or say "assumption"), following {@code extends} and integration
 * level presets exactly as {@link ScenarioLoader} merges them, and command-line overrides.
 *
 * <ul>
 *   <li>A value's source is the comment at the end of its own line. A comment on a flow-mapping line such as
 *       {@code first_contact: {gp: 0.50, nhs111: 0.30, ambulance: 0.20}   # assumption} therefore applies to
 *       every key inside it.</li>
 *   <li>A value whose line has no comment takes the whole-line comments directly above its key (indented as the
 *       key; not for top-level keys, where that block is the file's header), else the comment on the line of
 *       the nearest enclosing section's key, marked as such ({@link Origin#SECTION_COMMENT}); whole-line
 *       comments above a section are ignored.</li>
 *   <li>Values a level preset sets ({@code integration.level}) cite the preset; values set by an override cite
 *       "command-line override"; anything else "no source given".</li>
 * </ul>
 * Lists are single values (they replace, never merge), so their path is the list's key.
 */
public final class ParameterSources {
    /** Source text of a value set on the command line. */
    public static final String OVERRIDE = "command-line override";
    /** Source text of a value whose line (and enclosing sections) carry no comment. */
    public static final String NONE = "no source given";
    /** Label of the integration level presets (a resource beside {@link ScenarioLoader}). */
    public static final String LEVELS_FILE = "levels.yaml";

    private static final String EXTENDS = "extends";
    private static final String INTEGRATION = "integration";
    private static final String LEVEL = "level";
    private static final YAMLMapper YAML = new YAMLMapper();

    /** How a value's source was found. */
    public enum Origin {
        /** the trailing comment on the value's own line (or whole-line comments directly above it) */
        COMMENT,
        /** no comment on the value's line: the trailing comment on an enclosing section's key line */
        SECTION_COMMENT,
        /** set by an integration level preset */
        LEVEL_PRESET,
        /** set on the command line */
        OVERRIDE,
        /** no comment anywhere */
        NONE
    }

    /**
     * The source of one value.
     *
     * @param path    dotted YAML path of the value
     * @param file    the file that set it, as the loader names it (a scenario file, {@value #LEVELS_FILE} for a
     *                preset), or null for an override
     * @param origin  how the source was found
     * @param text    the comment, or the preset or override description; never empty
     * @param section for {@link Origin#SECTION_COMMENT}, the section whose comment it is; else null
     */
    public record Source(String path, String file, Origin origin, String text, String section) {
        public Source {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(text, "text");
        }

        /** The text for a reader: the comment, marked when it belongs to an enclosing section. */
        public String describe() {
            return origin == Origin.SECTION_COMMENT ? text + " (comment on section " + section + ")" : text;
        }
    }

    private final List<String> files;
    private final Map<String, Source> sources;

    private ParameterSources(List<String> files, Map<String, Source> sources) {
        this.files = List.copyOf(files);
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /**
     * Reads a scenario file and its {@code extends} chain. The file is assumed to load (run
     * {@link ScenarioLoader#load(Path, Map)} first); a file that cannot be read or parsed is reported as a
     * {@link ScenarioException}.
     *
     * @param overrides the same overrides given to the loader (dotted path to value); null for none
     */
    public static ParameterSources read(Path file, Map<String, ?> overrides) throws ScenarioException {
        Objects.requireNonNull(file, "file");
        Builder b = new Builder();
        b.resolve(file, file.toString(), new LinkedHashSet<>());
        b.overrides(overrides == null ? Map.of() : overrides);
        return new ParameterSources(b.files, b.values);
    }

    /** The files of the extends chain, the given file first, then its parent, and so on. */
    public List<String> files() {
        return files;
    }

    /** Leaf path to source, sorted by path: every value the files and overrides set (values later replaced are gone). */
    public Map<String, Source> all() {
        return sources;
    }

    /** The source of the value at a leaf path; {@link Origin#NONE} if nothing set it. */
    public Source of(String path) {
        Source s = sources.get(path);
        return s != null ? s : new Source(path, null, Origin.NONE, NONE, null);
    }

    /**
     * Every leaf value of a (resolved) scenario, in YAML order: dotted path to its value as text. Lists are
     * one value, written {@code [a, b]}.
     */
    public static Map<String, String> leaves(Scenario scenario) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            walk(YAML.readTree(ScenarioLoader.toYaml(scenario)), "", out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-read the scenario's own YAML", e);
        }
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, String> out) {
        if (node instanceof ObjectNode obj) {
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), join(path, e.getKey()), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(path, "[" + String.join(", ", items) + "]");
        } else {
            out.put(path, node.isNull() ? "" : node.asText());
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    // ---- building ---------------------------------------------------------------------------------------

    /** Replays the loader's merge on flat maps of leaf path to source. */
    private static final class Builder {
        final List<String> files = new ArrayList<>();
        /** Leaf path to source; sorted so that a section's leaves are one range ("a.b." up to "a.b/"). */
        final SortedMap<String, Source> values = new TreeMap<>();

        void resolve(Path file, String label, Set<Path> chain) throws ScenarioException {
            Path identity = identity(file);
            if (!chain.add(identity)) {
                throw new ScenarioException(label, EXTENDS, "extends cycle (a scenario cannot extend itself)");
            }
            files.add(label);
            String text = read(file, label);
            Node root = compose(text, label);
            if (!(root instanceof MappingNode map)) {
                throw new ScenarioException(label, "", "the top level must be keys such as 'name: ...'");
            }
            String[] lines = text.split("\r\n|\r|\n", -1);
            Node ext = null;
            String level = null;
            for (NodeTuple t : map.getValue()) {
                String key = key(t);
                if (EXTENDS.equals(key)) {
                    ext = t.getValueNode();
                } else if (INTEGRATION.equals(key) && t.getValueNode() instanceof MappingNode in) {
                    for (NodeTuple lt : in.getValue()) {
                        if (LEVEL.equals(key(lt)) && lt.getValueNode() instanceof ScalarNode s) {
                            level = s.getValue();
                        }
                    }
                }
            }
            if (ext instanceof ScalarNode s && !s.getValue().isBlank()) {
                String ref = s.getValue().strip();
                Path parent = identity.getParent().resolve(ref).normalize();
                Path labelDir = Path.of(label).getParent();
                String parentLabel = (labelDir == null ? Path.of(ref) : labelDir.resolve(ref)).normalize().toString();
                resolve(parent, parentLabel, chain);
            }
            if (level != null) {
                applyPreset(level, "named by integration.level in " + label);
            }
            Map<String, Source> own = new LinkedHashMap<>();
            collect(map, "", lines, label, new ArrayDeque<>(), own, true);
            mergeInto("", own);
            chain.remove(identity);
        }

        void overrides(Map<String, ?> overrides) throws ScenarioException {
            Object level = null;
            for (Map.Entry<String, ?> e : overrides.entrySet()) {
                String key = e.getKey() == null ? "" : e.getKey().strip();
                if (key.equals(INTEGRATION + "." + LEVEL)) {
                    level = e.getValue();
                } else if (key.equals(INTEGRATION) && e.getValue() instanceof Map<?, ?> m && m.containsKey(LEVEL)) {
                    level = m.get(LEVEL);
                }
            }
            if (level != null) {
                applyPreset(String.valueOf(level), "named on the command line");
            }
            for (Map.Entry<String, ?> e : overrides.entrySet()) {
                String path = e.getKey() == null ? "" : e.getKey().strip();
                Map<String, Source> leaves = new LinkedHashMap<>();
                flatten(e.getValue(), path, leaves);
                if (e.getValue() instanceof Map<?, ?> && isSection(path)) {
                    mergeInto(path, leaves);
                } else {
                    replace(path, leaves);
                }
            }
        }

        private void flatten(Object value, String path, Map<String, Source> out) {
            if (value instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    flatten(e.getValue(), join(path, String.valueOf(e.getKey())), out);
                }
            } else {
                out.put(path, new Source(path, null, Origin.OVERRIDE, OVERRIDE, null));
            }
        }

        /** The preset's settings, each citing the preset; an unknown level (the loader rejects it) sets nothing. */
        private void applyPreset(String level, String how) throws ScenarioException {
            Node presets = compose(readLevels(), LEVELS_FILE);
            if (!(presets instanceof MappingNode map)) {
                return;
            }
            for (NodeTuple t : map.getValue()) {
                if (level.equals(key(t)) && t.getValueNode() instanceof MappingNode preset) {
                    Map<String, Source> leaves = new LinkedHashMap<>();
                    String text = "integration level preset '" + level + "' (MODEL.md §5 table), " + how;
                    presetLeaves(preset, INTEGRATION, text, leaves);
                    mergeInto("", leaves);
                }
            }
        }

        private static void presetLeaves(Node node, String path, String text, Map<String, Source> out) {
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    presetLeaves(t.getValueNode(), join(path, key(t)), text, out);
                }
            } else {
                out.put(path, new Source(path, LEVELS_FILE, Origin.LEVEL_PRESET, text, null));
            }
        }

        /**
         * Collects one file's leaves with their sources.
         *
         * @param sections the enclosing block sections' key-line comments, innermost last (null: no comment)
         */
        private static void collect(MappingNode map, String path, String[] lines, String file,
                                    Deque<String[]> sections, Map<String, Source> out, boolean top) {
            for (NodeTuple t : map.getValue()) {
                String key = key(t);
                if (top && EXTENDS.equals(key)) {
                    continue;
                }
                String p = join(path, key);
                int keyLine = t.getKeyNode().getStartMark().getLine();
                Node value = t.getValueNode();
                if (value instanceof MappingNode section) {
                    String comment = comment(lines, keyLine);
                    sections.addLast(new String[]{p, comment});
                    collect(section, p, lines, file, sections, out, false);
                    sections.removeLast();
                    continue;
                }
                int valueLine = value.getStartMark().getLine();
                if (value instanceof SequenceNode seq && seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                    valueLine = value.getEndMark().getLine(); // a flow list's comment follows its closing bracket
                }
                String comment = comment(lines, valueLine);
                if (comment == null && valueLine != keyLine) {
                    comment = comment(lines, keyLine);
                }
                if (comment == null && !top) {
                    comment = commentAbove(lines, keyLine, t.getKeyNode().getStartMark().getColumn());
                }
                if (comment != null) {
                    out.put(p, new Source(p, file, Origin.COMMENT, comment, null));
                    continue;
                }
                Source inherited = null;
                for (Iterator<String[]> it = sections.descendingIterator(); it.hasNext(); ) {
                    String[] s = it.next();
                    if (s[1] != null) {
                        inherited = new Source(p, file, Origin.SECTION_COMMENT, s[1], s[0]);
                        break;
                    }
                }
                out.put(p, inherited != null ? inherited : new Source(p, file, Origin.NONE, NONE, null));
            }
        }

        /** Sections merge key by key; anything else replaces what was there (ScenarioLoader's merge). */
        private void mergeInto(String base, Map<String, Source> leaves) {
            // Group the overlay by its first key below base, so that a value replacing a section (or a section
            // replacing a value) clears the old one once, before any of its own leaves are added.
            Map<String, Map<String, Source>> byChild = new LinkedHashMap<>();
            for (Map.Entry<String, Source> e : leaves.entrySet()) {
                String rest = base.isEmpty() ? e.getKey() : e.getKey().substring(base.length() + 1);
                int dot = rest.indexOf('.');
                String child = join(base, dot < 0 ? rest : rest.substring(0, dot));
                byChild.computeIfAbsent(child, k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Map<String, Source>> e : byChild.entrySet()) {
                String child = e.getKey();
                Map<String, Source> sub = e.getValue();
                boolean overlaySection = !sub.containsKey(child);
                if (overlaySection && isSection(child)) {
                    mergeInto(child, sub);
                } else {
                    replace(child, sub);
                }
            }
        }

        /** Removes the value or section at path (and a value at any enclosing path), then adds leaves. */
        private void replace(String path, Map<String, Source> leaves) {
            values.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || path.startsWith(k + "."));
            values.putAll(leaves);
        }

        private boolean isSection(String path) {
            return !values.subMap(path + ".", path + "/").isEmpty();
        }
    }

    // ---- YAML text ----------------------------------------------------------------------------------------

    /**
     * The trailing comment of a line (after a '#' that follows whitespace outside quotes), stripped of '#'s
     * and spaces; null if the line has none or is itself a whole-line comment.
     */
    static String comment(String[] lines, int line) {
        if (line < 0 || line >= lines.length) {
            return null;
        }
        String s = lines[line];
        if (s.strip().startsWith("#")) {
            return null;
        }
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dbl) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    dbl = false;
                }
            } else if (single) {
                if (c == '\'') {
                    single = false; // '' (an escaped quote) closes and reopens: same result
                }
            } else if (c == '"') {
                dbl = true;
            } else if (c == '\'') {
                single = true;
            } else if (c == '#' && i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                String text = s.substring(i).replaceFirst("^#+", "").strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    /**
     * The whole-line comments directly above a line, indented as the key on it, joined; null if none. (Not
     * used for top-level keys, whose comment block above is usually the file's header.)
     */
    static String commentAbove(String[] lines, int line, int column) {
        List<String> block = new ArrayList<>();
        for (int i = line - 1; i >= 0; i--) {
            String s = lines[i];
            int indent = s.length() - s.stripLeading().length();
            if (!s.stripLeading().startsWith("#") || indent != column) {
                break;
            }
            String text = s.strip().replaceFirst("^#+", "").strip();
            if (!text.isEmpty()) {
                block.add(0, text);
            }
        }
        return block.isEmpty() ? null : String.join(" ", block);
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
    }

    private static Node compose(String text, String label) throws ScenarioException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ScenarioException(label, "", "cannot read the file's comments: " + e.getMessage(), e);
        }
    }

    private static String read(Path file, String label) throws ScenarioException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(label, "", "cannot read scenario file to collect its sources: " + e, e);
        }
    }

    private static String readLevels() throws ScenarioException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(LEVELS_FILE)) {
            if (in == null) {
                throw new ScenarioException(LEVELS_FILE, "", "missing from the program (rebuild icsim)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(LEVELS_FILE, "", "cannot read the integration levels: " + e, e);
        }
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
