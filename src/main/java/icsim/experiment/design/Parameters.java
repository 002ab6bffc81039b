package icsim.experiment.design;

import icsim.scenario.ExperimentSpec;
import icsim.scenario.ScenarioException;

import java.util.List;

/** A design's settings from the experiment file's {@code parameters}, each checked with a one-line error. */
final class Parameters {
    private Parameters() {
    }

    /** A number at least min, or the fallback when the file does not give it. */
    static double number(ExperimentSpec spec, String key, double fallback, double min, String what)
            throws ScenarioException {
        Object v = spec.parameter(key, fallback);
        if (v instanceof Number n && n.doubleValue() >= min) {
            return n.doubleValue();
        }
        throw new ScenarioException(spec.file(), "parameters." + key, "must be " + what);
    }

    /** A non-empty list of numbers, each above 0. */
    static List<Double> numbers(ExperimentSpec spec, String key, List<? extends Number> fallback, String what)
            throws ScenarioException {
        Object v = spec.parameter(key, fallback);
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Number n && n.doubleValue() > 0)) {
            return l.stream().map(x -> ((Number) x).doubleValue()).toList();
        }
        throw new ScenarioException(spec.file(), "parameters." + key, "must be " + what);
    }

    /** A non-empty list of texts. */
    static List<String> texts(ExperimentSpec spec, String key, List<String> fallback, String what)
            throws ScenarioException {
        Object v = spec.parameter(key, fallback);
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof String)) {
            return l.stream().map(String::valueOf).toList();
        }
        throw new ScenarioException(spec.file(), "parameters." + key, "must be " + what);
    }
}
