package icsim.experiment.design;

import java.nio.file.Path;
import java.util.Map;

/**
 * One scenario an experiment runs: a scenario file with overrides (the experiment's {@code set}, then the arm's,
 * then the factor values). Every point runs with the same seed and replications and stream offset 0, so
 * replication r of every point sees the same people and health events (common random numbers).
 *
 * @param name      unique within the experiment; names its column or row in the tables
 * @param scenario  the scenario file
 * @param overrides dotted YAML path to value, applied in order
 * @param labels    what distinguishes this point (factor or arm name to value), for the tables
 */
public record Point(String name, Path scenario, Map<String, Object> overrides, Map<String, String> labels) {
}
