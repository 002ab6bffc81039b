package icsim.cli;

import icsim.scenario.ScenarioException;
import icsim.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options shared by the output-analysis commands (warmup, replications), which choose the run length and the
 * number of replications themselves: the scenario overrides that keep their meaning from {@code run} (--seed,
 * --population, --set) and where to run and write (--threads, --out).
 */
final class AnalysisOptions {
    @Option(names = "--seed", description = "Master seed (overrides run.seed).")
    Long seed;

    @Option(names = "--population", description = "Registered population (overrides population.size); capacities scale with it.")
    Integer population;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override any scenario value by its YAML path, e.g. --set services.acute_beds.per_100k=180 (repeatable).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", defaultValue = "output", description = "Folder that receives the results folder NAME (default: ${DEFAULT-VALUE}).")
    Path out;

    /** --set, --seed and --population as scenario overrides (a later put replaces an earlier one). */
    Map<String, Object> overrides() throws ScenarioException {
        Map<String, Object> o = new LinkedHashMap<>(ScenarioLoader.parseOverrides(assignments));
        if (seed != null) {
            o.put("run.seed", seed);
        }
        if (population != null) {
            o.put("population.size", population);
        }
        return o;
    }

    /** --threads, or all cores when it is absent. */
    int threadCount() throws UserError {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserError("--threads: must be ≥ 1, got " + threadCount);
        }
        return threadCount;
    }
}
