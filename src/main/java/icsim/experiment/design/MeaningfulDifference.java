package icsim.experiment.design;

import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MODEL.md §8's rule for a difference that decides something: its 95 % interval excludes zero after Holm's
 * adjustment across the family compared (the groups, arms or cells of one question) <b>and</b> it is at least
 * a given share (default 5 %) of the baseline. A significant but trivial difference counts as none.
 */
public final class MeaningfulDifference {

    public enum Effect {
        BETTER("better"), WORSE("worse"), NONE("no meaningful difference");

        private final String text;

        Effect(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One member of the family with its Holm decision and what it means for the outcome. */
    public record Judged(String member, Difference difference, boolean material, Effect effect) {
        /** Holm-significant and at least the materiality share of the baseline. */
        public boolean meaningful() {
            return effect != Effect.NONE;
        }
    }

    private MeaningfulDifference() {
    }

    /**
     * @param family        member name to its paired difference (scenario − baseline) of one outcome
     * @param materiality   smallest |change| ÷ baseline that counts, e.g. 0.05
     * @param lowerIsBetter whether a fall in the outcome is an improvement
     */
    public static Map<String, Judged> judge(Map<String, Difference> family, double materiality, boolean lowerIsBetter) {
        List<String> names = new ArrayList<>(family.keySet());
        List<Difference> adjusted = PairedComparison.holm(new ArrayList<>(family.values()));
        Map<String, Judged> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Difference d = adjusted.get(i);
            boolean material = Double.isFinite(d.relChange()) && Math.abs(d.relChange()) >= materiality;
            Effect effect = Effect.NONE;
            if (d.significantHolm() && material) {
                effect = (d.diffMean() < 0) == lowerIsBetter ? Effect.BETTER : Effect.WORSE;
            }
            out.put(names.get(i), new Judged(names.get(i), d, material, effect));
        }
        return out;
    }

    /** One comparison on its own (a family of one: Holm is the plain test). */
    public static Judged judge(String member, Difference d, double materiality, boolean lowerIsBetter) {
        return judge(Map.of(member, d), materiality, lowerIsBetter).get(member);
    }

    /** Whether a fall in the metric is an improvement: everything but days at home, income and margins. */
    public static boolean lowerIsBetter(String metric) {
        return !(metric.startsWith("days_at_home") || metric.startsWith("income_") || metric.startsWith("margin_")
                || metric.contains("averted") || metric.contains("saving"));
    }
}
