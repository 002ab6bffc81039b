package icsim.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison's top-level run.json records: every scenario file with its hash, how random numbers were
 * shared, and the settings the paired differences rest on. Each scenario's own folder has its {@link Provenance}.
 *
 * @param scenarios        the baseline first, then the other scenarios in command-line order
 * @param streams          "common random numbers" or "independent streams (offset = scenario index)"
 * @param streamAllocation one sentence saying how random streams map to replications
 * @param startedAt        ISO-8601 instant
 * @param extra            anything else; written with keys sorted
 */
@JsonPropertyOrder({"icsimVersion", "gitCommit", "scenarios", "streams", "streamAllocation", "seed", "replications",
        "javaVersion", "javaVendor", "cores", "threads", "wallTimeSeconds", "startedAt", "extra"})
public record ComparisonProvenance(
        String icsimVersion,
        String gitCommit,
        List<Scenario> scenarios,
        String streams,
        String streamAllocation,
        long seed,
        int replications,
        String javaVersion,
        String javaVendor,
        int cores,
        int threads,
        double wallTimeSeconds,
        String startedAt,
        Map<String, String> extra) {

    /**
     * One scenario of the comparison.
     *
     * @param folder       its output folder inside the comparison folder (also its name in comparison.csv)
     * @param streamOffset 0 with common random numbers, its index with independent streams
     */
    @JsonPropertyOrder({"role", "file", "sha256", "name", "folder", "streamOffset", "warmupYears", "years",
            "population"})
    public record Scenario(String role, String file, String sha256, String name, String folder, long streamOffset,
                           double warmupYears, double years, int population) {
    }

    public ComparisonProvenance {
        scenarios = List.copyOf(scenarios);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
