package icsim.cli;

import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;
import icsim.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options that override a scenario's run settings; shared by the commands that load scenarios. */
final class ScenarioOptions {
    @Option(names = "--seed", description = "Master seed (overrides run.seed).")
    Long seed;

    @Option(names = "--replications", description = "Number of replications (overrides run.replications).")
    Integer replications;

    @Option(names = "--years", description = "Measured years after warm-up (overrides run.years).")
    Double years;

    @Option(names = "--warmup", description = "Warm-up in years (overrides run.warmup_years).")
    Double warmup;

    @Option(names = "--population", description = "Registered population (overrides population.size); capacities scale with it.")
    Integer population;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override any scenario value by its YAML path, e.g. --set services.acute_beds.per_100k=180 (repeatable).")
    List<String> assignments = new ArrayList<>();

    Map<String, Object> overrides() throws ScenarioException {
        Map<String, Object> o = new LinkedHashMap<>(ScenarioLoader.parseOverrides(assignments));
        if (seed != null) {
            o.put("run.seed", seed);
        }
        if (replications != null) {
            o.put("run.replications", replications);
        }
        if (years != null) {
            o.put("run.years", years);
        }
        if (warmup != null) {
            o.put("run.warmup_years", warmup);
        }
        if (population != null) {
            o.put("population.size", population);
        }
        return o;
    }

    Scenario load(Path file) throws ScenarioException {
        return ScenarioLoader.load(file, overrides());
    }
}
