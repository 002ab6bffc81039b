package icsim.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An experiment file (scenarios/leutz/*.yaml, scenarios/scale.yaml, scenarios/evaluation.yaml, or a user's own
 * sweep): a base scenario, the variants it is compared with, and the design that turns their paired results into
 * tables and a verdict (MODEL.md §8).
 *
 * @param file           the experiment file as the user gave it (for messages)
 * @param name           output folder name
 * @param design         which analysis: one of {@link #DESIGNS}
 * @param base           the baseline scenario file, resolved against the experiment file's folder
 * @param set            overrides applied to the base and to every arm and point (run size, seed ...)
 * @param primaryOutcome the pre-specified metric the verdict is judged on
 * @param materiality    smallest relative change that counts (MODEL.md §8: 5 % of the baseline)
 * @param arms           named variants, in file order
 * @param factors        YAML path to the values it takes, in file order (full factorial)
 * @param parameters     the design's own settings (YAML values as plain Java objects), in file order
 */
public record ExperimentSpec(String file, String name, String description, String design, Path base,
                             Map<String, Object> set, String primaryOutcome, double materiality, List<Arm> arms,
                             Map<String, List<Object>> factors, Map<String, Object> parameters) {

    public static final List<String> DESIGNS = List.of("sweep", "leutz_l1", "leutz_l2", "leutz_l3", "leutz_l4",
            "leutz_l5", "scale", "evaluation");

    /**
     * A named variant: another scenario file (or the base when null) with overrides on top of the experiment's
     * {@code set}.
     */
    public record Arm(String name, Path scenario, Map<String, Object> set) {
    }

    /** A design setting, or the fallback when the file does not give it. */
    public Object parameter(String key, Object fallback) {
        return parameters.getOrDefault(key, fallback);
    }
}
