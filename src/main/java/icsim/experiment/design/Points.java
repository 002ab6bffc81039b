package icsim.experiment.design;

import icsim.scenario.ExperimentSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Building the points of a design from an experiment file. */
final class Points {
    static final String BASE = "base";

    private Points() {
    }

    /** The base scenario with the experiment's overrides. */
    static Point base(ExperimentSpec spec) {
        return new Point(BASE, spec.base(), spec.set(), Map.of("arm", BASE));
    }

    /** The base, then an arm's scenario and overrides, then extra overrides (factor values). */
    static Point of(ExperimentSpec spec, String name, ExperimentSpec.Arm arm, Map<String, Object> extra,
                    Map<String, String> labels) {
        Map<String, Object> overrides = new LinkedHashMap<>(spec.set());
        Path file = spec.base();
        if (arm != null) {
            overrides.putAll(arm.set());
            if (arm.scenario() != null) {
                file = arm.scenario();
            }
        }
        overrides.putAll(expand(extra));
        return new Point(name, file, overrides, labels);
    }

    /**
     * Factor values as scenario overrides. A factor named without a dot is a linked factor: each of its values
     * is a map of scenario paths set together (e.g. both funding handoffs to the same delay), with an
     * optional {@code label} for the tables.
     */
    static Map<String, Object> expand(Map<String, Object> combo) {
        Map<String, Object> out = new LinkedHashMap<>();
        combo.forEach((key, value) -> {
            if (!key.contains(".") && value instanceof Map<?, ?> linked) {
                linked.forEach((k, v) -> {
                    if (!"label".equals(k)) {
                        out.put(String.valueOf(k), v);
                    }
                });
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /** The arm the file must define, or a one-line error naming what is missing. */
    static ExperimentSpec.Arm arm(ExperimentSpec spec, String name) throws icsim.scenario.ScenarioException {
        for (ExperimentSpec.Arm a : spec.arms()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new icsim.scenario.ScenarioException(spec.file(), "arms." + name, "is missing: design " + spec.design()
                + " needs an arm named " + name + " (arms: {" + name + ": {scenario: FILE, set: {...}}})");
    }

    /** The primary outcome the file names, or the design's default. */
    static String primary(ExperimentSpec spec, String fallback) {
        return spec.primaryOutcome() == null ? fallback : spec.primaryOutcome();
    }
}
