package icsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the HTML report reads from an output folder, file by file: a run folder ({@link Run}) or a comparison
 * folder ({@link Comparison}, whose scenarios are run folders). Only the files are read, never the scenario
 * files or the model, so an old folder works as long as its files have the columns used. A file that is
 * absent or unreadable is null here, with the reason in {@code problems}, so its section can say so.
 */
final class ResultFolder {
    static final String SUMMARY = "summary.csv";
    static final String TIMESERIES = "timeseries.csv";
    static final String INTEGRATION = "integration.csv";
    static final String RUN_JSON = "run.json";
    static final String SCENARIO_YAML = "scenario.yaml";
    static final String COMPARISON = "comparison.csv";
    static final String NET_COST = "net_cost_by_month.csv";
    static final String STRESS_DES = "stress-des.md";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ResultFolder() {
    }

    /** A metric's mean and 95 % interval over n replications (NaN where undefined). */
    record Estimate(double mean, double low, double high, int n) {
        boolean defined() {
            return Double.isFinite(mean);
        }
    }

    /** One row of comparison.csv: the scenario's paired difference from the baseline on one metric. */
    record Difference(double baselineMean, double mean, double diff, double low, double high, double relChange,
                      boolean significant, int n) {
    }

    /** One integration mechanism as integration.csv lists it. */
    record Mechanism(String key, boolean enabled, List<String> dimensions, double setupCost, double runningCost) {
    }

    /**
     * A daily series of one service over the measured days: mean over replications and, when timeseries.csv has
     * them, the 5th and 95th percentiles across replications (otherwise null).
     */
    record Daily(int[] day, double[] mean, double[] p05, double[] p95) {
        boolean hasBand() {
            return p05 != null && p95 != null;
        }
    }

    /** One row of net_cost_by_month.csv. */
    record NetCost(String scenario, String perspective, int month, double mean, double low, double high) {
    }

    /** A run folder, as {@code icsim run} writes it (or one scenario's folder inside a comparison). */
    static final class Run {
        final Path dir;
        String name;
        final Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Estimate> summary;
        Daily acuteBeds;
        List<Mechanism> integration;
        JsonNode runJson;
        JsonNode scenario;

        private Run(Path dir, String name) {
            this.dir = dir;
            this.name = name;
        }

        boolean hasStressDes() {
            return Files.isRegularFile(dir.resolve(STRESS_DES));
        }

        /** The summary estimate of metric, or null when absent or undefined. */
        Estimate metric(String id) {
            Estimate e = summary == null ? null : summary.get(id);
            return e != null && e.defined() ? e : null;
        }

        /** Acute beds for this population from scenario.yaml, or -1 when it cannot tell. */
        int acuteBedCapacity() {
            if (scenario == null) {
                return -1;
            }
            JsonNode beds = scenario.path("services").path("acute_beds");
            JsonNode size = scenario.path("population").path("size");
            if (!beds.path("per_100k").isNumber() || !size.isNumber()) {
                return -1;
            }
            // beds of a shared pool are sized for its catchment when that is larger (MODEL.md §8.4)
            double catchment = Math.max(size.asDouble(), scenario.path("services").path("shared_pool").path("population").asDouble(0));
            long places = Math.round(beds.path("per_100k").asDouble() * catchment / 100_000.0);
            return (int) Math.max(beds.path("minimum_unit").asInt(0), places);
        }

        /** The scenario's description from scenario.yaml, or "" when absent. */
        String description() {
            return scenario == null ? "" : scenario.path("description").asText("");
        }

        /** The integration level from scenario.yaml, or "" when absent. */
        String level() {
            return scenario == null ? "" : scenario.path("integration").path("level").asText("");
        }
    }

    /** A comparison folder, as {@code icsim compare} writes it: the baseline first, then the other scenarios. */
    static final class Comparison {
        final Path dir;
        final Map<String, String> problems = new LinkedHashMap<>();
        final List<Run> scenarios = new ArrayList<>();
        /** Scenario folder -> metric -> difference from the baseline; null when comparison.csv is missing. */
        Map<String, Map<String, Difference>> differences;
        List<NetCost> netCost;
        JsonNode runJson;

        private Comparison(Path dir) {
            this.dir = dir;
        }

        Run baseline() {
            return scenarios.get(0);
        }

        List<Run> others() {
            return scenarios.subList(1, scenarios.size());
        }
    }

    /** True when dir looks like a comparison folder rather than a run folder. */
    static boolean isComparison(Path dir) {
        return !Files.isRegularFile(dir.resolve(SUMMARY))
                && (Files.isRegularFile(dir.resolve(COMPARISON)) || !scenarioFolders(dir).isEmpty());
    }

    /** True when dir holds any file the report can use. */
    static boolean isOutputFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(SUMMARY)) || isComparison(dir);
    }

    /** A run folder on its own: named after the scenario its run.json names, else after the folder. */
    static Run readRun(Path dir) {
        Run run = readRun(dir, dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(),
                "this folder");
        String scenario = run.runJson == null ? "" : run.runJson.path("scenarioName").asText("");
        if (!scenario.isEmpty()) {
            run.name = scenario;
        }
        return run;
    }

    /** A run folder named name; where says, in notes, which folder a missing file is missing from. */
    static Run readRun(Path dir, String name, String where) {
        Run run = new Run(dir, name);
        Map<String, String> problems = run.problems;
        run.summary = read(dir, where, SUMMARY, problems, ResultFolder::summary);
        run.acuteBeds = read(dir, where, TIMESERIES, problems, p -> daily(p, "acute_beds"));
        run.integration = read(dir, where, INTEGRATION, problems, ResultFolder::integration);
        run.runJson = read(dir, where, RUN_JSON, problems, p -> JSON.readTree(p.toFile()));
        run.scenario = read(dir, where, SCENARIO_YAML, problems, p -> YAML.readTree(p.toFile()));
        return run;
    }

    /**
     * Reads a comparison folder. The scenarios and their order come from run.json (baseline first); without it,
     * from comparison.csv, the baseline being the one folder comparison.csv does not name.
     */
    static Comparison readComparison(Path dir) {
        Comparison c = new Comparison(dir);
        c.runJson = read(dir, "this folder", RUN_JSON, c.problems, p -> JSON.readTree(p.toFile()));
        c.differences = read(dir, "this folder", COMPARISON, c.problems, ResultFolder::differences);
        c.netCost = read(dir, "this folder", NET_COST, c.problems, ResultFolder::netCost);
        for (String folder : scenarioOrder(dir, c)) {
            c.scenarios.add(readRun(dir.resolve(folder), folder, "folder " + folder));
        }
        return c;
    }

    private static List<String> scenarioOrder(Path dir, Comparison c) {
        List<String> order = new ArrayList<>();
        if (c.runJson != null) {
            for (JsonNode s : c.runJson.path("scenarios")) {
                String folder = s.path("folder").asText("");
                if (!folder.isEmpty() && Files.isDirectory(dir.resolve(folder))) {
                    order.add(folder);
                }
            }
        }
        if (order.isEmpty()) {
            Set<String> compared = c.differences == null ? Set.of() : c.differences.keySet();
            List<String> folders = scenarioFolders(dir);
            folders.stream().filter(f -> !compared.contains(f)).forEach(order::add);
            compared.stream().filter(folders::contains).forEach(order::add);
        }
        return order;
    }

    /** Sub-folders holding a summary.csv, by name. */
    private static List<String> scenarioFolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(SUMMARY)))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    // ---- files ----------------------------------------------------------------------------------------------

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /** Reads one file, or records why not (naming the folder as where) and returns null. */
    private static <T> T read(Path dir, String where, String file, Map<String, String> problems, Reader<T> reader) {
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            problems.put(file, file + " is not in " + where);
            return null;
        }
        try {
            return reader.read(p);
        } catch (IOException | RuntimeException e) {
            problems.put(file, file + " could not be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Map<String, Estimate> summary(Path p) throws IOException {
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (Map<String, String> row : csv(p, "metric", "mean", "ci_low", "ci_high")) {
            out.put(row.get("metric"), new Estimate(num(row.get("mean")), num(row.get("ci_low")),
                    num(row.get("ci_high")), (int) num(row.getOrDefault("n", ""))));
        }
        return out;
    }

    /** One service's daily series; p05/p95 columns are used when the file has them. */
    private static Daily daily(Path p, String service) throws IOException {
        List<Map<String, String>> rows = csv(p, "day", "service", "occupancy_mean");
        List<Map<String, String>> mine = rows.stream().filter(r -> service.equals(r.get("service"))).toList();
        if (mine.isEmpty()) {
            throw new IOException("no rows for service " + service);
        }
        boolean band = mine.get(0).containsKey("occupancy_p05") && mine.get(0).containsKey("occupancy_p95");
        int n = mine.size();
        int[] day = new int[n];
        double[] mean = new double[n];
        double[] p05 = band ? new double[n] : null;
        double[] p95 = band ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            Map<String, String> r = mine.get(i);
            day[i] = (int) num(r.get("day"));
            mean[i] = num(r.get("occupancy_mean"));
            if (band) {
                p05[i] = num(r.get("occupancy_p05"));
                p95[i] = num(r.get("occupancy_p95"));
            }
        }
        if (band && Arrays.stream(p05).allMatch(Double::isNaN)) {
            return new Daily(day, mean, null, null);
        }
        return new Daily(day, mean, p05, p95);
    }

    private static List<Mechanism> integration(Path p) throws IOException {
        List<Mechanism> out = new ArrayList<>();
        for (Map<String, String> row : csv(p, "mechanism", "enabled", "dimensions")) {
            String dims = row.get("dimensions");
            out.add(new Mechanism(row.get("mechanism"), Boolean.parseBoolean(row.get("enabled")),
                    dims.isEmpty() ? List.of() : List.of(dims.split(";")),
                    num(row.getOrDefault("setup_cost", "")), num(row.getOrDefault("running_cost_per_year", ""))));
        }
        return out;
    }

    private static Map<String, Map<String, Difference>> differences(Path p) throws IOException {
        Map<String, Map<String, Difference>> out = new LinkedHashMap<>();
        for (Map<String, String> row : csv(p, "scenario", "metric", "baseline_mean", "mean", "diff_mean",
                "diff_ci_low", "diff_ci_high", "significant")) {
            out.computeIfAbsent(row.get("scenario"), k -> new LinkedHashMap<>()).put(row.get("metric"),
                    new Difference(num(row.get("baseline_mean")), num(row.get("mean")), num(row.get("diff_mean")),
                            num(row.get("diff_ci_low")), num(row.get("diff_ci_high")),
                            num(row.getOrDefault("rel_change", "")), Boolean.parseBoolean(row.get("significant")),
                            (int) num(row.getOrDefault("n", ""))));
        }
        return out;
    }

    private static List<NetCost> netCost(Path p) throws IOException {
        List<NetCost> out = new ArrayList<>();
        for (Map<String, String> row : csv(p, "scenario", "perspective", "month", "diff_mean", "diff_ci_low",
                "diff_ci_high")) {
            out.add(new NetCost(row.get("scenario"), row.get("perspective"), (int) num(row.get("month")),
                    num(row.get("diff_mean")), num(row.get("diff_ci_low")), num(row.get("diff_ci_high"))));
        }
        return out;
    }

    /** The rows of a CSV file with a header, as column -> value; the required columns must be there. */
    static List<Map<String, String>> csv(Path p, String... required) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("empty file");
        }
        List<String> header = fields(lines.get(0));
        Set<String> missing = new LinkedHashSet<>(List.of(required));
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new IOException("no column " + String.join(", ", missing));
        }
        List<Map<String, String>> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> cells = fields(lines.get(i));
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line's fields (RFC 4180 quoting; the writers never put a line break inside a field). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** A number, or NaN for an empty or malformed cell. */
    static double num(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
