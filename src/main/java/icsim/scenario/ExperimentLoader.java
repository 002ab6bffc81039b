package icsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an experiment file into an {@link ExperimentSpec}. Every mistake is one {@link ScenarioException} line
 * naming the file, the YAML path and the fix; the scenarios it names are checked when the experiment loads them.
 */
public final class ExperimentLoader {
    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Set<String> KEYS = Set.of("name", "description", "design", "base", "set", "primary_outcome",
            "materiality", "arms", "factors", "parameters");
    private static final Set<String> ARM_KEYS = Set.of("scenario", "set");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ExperimentLoader() {
    }

    public static ExperimentSpec load(Path file) throws ScenarioException {
        String label = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(label, "", "no such experiment file (check the path, e.g. scenarios/leutz/l2.yaml)");
        } catch (IOException e) {
            throw new ScenarioException(label, "", "cannot read experiment file: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ScenarioException(label, "", "not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new ScenarioException(label, "", "an experiment file is a YAML mapping with name, design, base, ... "
                    + "(see scenarios/leutz/l2.yaml)");
        }
        return read(obj, label, file.toAbsolutePath().normalize().getParent());
    }

    private static ExperimentSpec read(ObjectNode root, String label, Path dir) throws ScenarioException {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ScenarioException(label, key, "unknown key (allowed: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String name = text(root, "name", label, true);
        if (!NAME.matcher(name).matches()) {
            throw new ScenarioException(label, "name", "'" + name + "' is not a folder name (use letters, digits, '.', '_' or '-')");
        }
        String design = text(root, "design", label, true);
        if (!ExperimentSpec.DESIGNS.contains(design)) {
            throw new ScenarioException(label, "design", "unknown design '" + design + "' (one of "
                    + String.join(", ", ExperimentSpec.DESIGNS) + ")");
        }
        Path base = scenarioFile(text(root, "base", label, true), dir, label, "base");
        String description = text(root, "description", label, false);
        Map<String, Object> set = assignments(root.get("set"), label, "set");
        String primary = text(root, "primary_outcome", label, false);
        double materiality = 0.05;
        JsonNode m = root.get("materiality");
        if (m != null) {
            if (!m.isNumber() || m.asDouble() < 0 || m.asDouble() >= 1) {
                throw new ScenarioException(label, "materiality", "must be a share in [0, 1), e.g. 0.05 for 5 % of the baseline");
            }
            materiality = m.asDouble();
        }
        List<ExperimentSpec.Arm> arms = new ArrayList<>();
        JsonNode armsNode = root.get("arms");
        if (armsNode != null) {
            if (!armsNode.isObject()) {
                throw new ScenarioException(label, "arms", "must map each arm's name to {scenario: FILE, set: {PATH: VALUE}}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = armsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                arms.add(arm(e.getKey(), e.getValue(), label, dir));
            }
        }
        Map<String, List<Object>> factors = new LinkedHashMap<>();
        JsonNode factorsNode = root.get("factors");
        if (factorsNode != null) {
            if (!factorsNode.isObject()) {
                throw new ScenarioException(label, "factors", "must map each YAML path to a list of values, e.g. "
                        + "integration.maturity.years: [2, 4, 6]");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = factorsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "factors." + e.getKey();
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    throw new ScenarioException(label, path, "must be a non-empty list of values, e.g. [2, 4, 6]");
                }
                List<Object> values = new ArrayList<>();
                for (JsonNode v : e.getValue()) {
                    values.add(plain(v, label, path));
                }
                factors.put(e.getKey(), values);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode p = root.get("parameters");
        if (p != null) {
            if (!p.isObject()) {
                throw new ScenarioException(label, "parameters", "must be a mapping of the design's settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                parameters.put(e.getKey(), plain(e.getValue(), label, "parameters." + e.getKey()));
            }
        }
        return new ExperimentSpec(label, name, description == null ? "" : description.strip(), design, base, set,
                primary, materiality, List.copyOf(arms), factors, parameters);
    }

    private static ExperimentSpec.Arm arm(String name, JsonNode node, String label, Path dir) throws ScenarioException {
        String path = "arms." + name;
        if (!NAME.matcher(name).matches()) {
            throw new ScenarioException(label, path, "'" + name + "' is not a usable arm name (letters, digits, '.', '_' or '-')");
        }
        if (node == null || node.isNull()) {
            return new ExperimentSpec.Arm(name, null, Map.of());
        }
        if (!node.isObject()) {
            throw new ScenarioException(label, path, "must be {scenario: FILE, set: {PATH: VALUE}}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ARM_KEYS.contains(key)) {
                throw new ScenarioException(label, path + "." + key, "unknown key (allowed: scenario, set)");
            }
        }
        String scenario = text((ObjectNode) node, "scenario", label, false, path + ".scenario");
        Path file = scenario == null ? null : scenarioFile(scenario, dir, label, path + ".scenario");
        return new ExperimentSpec.Arm(name, file, assignments(node.get("set"), label, path + ".set"));
    }

    private static Map<String, Object> assignments(JsonNode node, String label, String path) throws ScenarioException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ScenarioException(label, path, "must map dotted scenario paths to values, e.g. run.replications: 20");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), plain(e.getValue(), label, path + "." + e.getKey()));
        }
        return out;
    }

    private static Object plain(JsonNode v, String label, String path) throws ScenarioException {
        if (v == null || v.isNull()) {
            throw new ScenarioException(label, path, "has no value");
        }
        try {
            return MAPPER.treeToValue(v, Object.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(label, path, "cannot read value: " + e.getOriginalMessage());
        }
    }

    private static Path scenarioFile(String given, Path dir, String label, String path) throws ScenarioException {
        Path file = dir.resolve(given).normalize();
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(label, path, "no such scenario file " + file
                    + " (paths are relative to the experiment file's folder)");
        }
        return file;
    }

    private static String text(ObjectNode node, String key, String label, boolean required) throws ScenarioException {
        return text(node, key, label, required, key);
    }

    private static String text(ObjectNode node, String key, String label, boolean required, String path)
            throws ScenarioException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ScenarioException(label, path, "is missing (add " + key + ": ...)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ScenarioException(label, path, "must be text");
        }
        return v.asText();
    }
}
