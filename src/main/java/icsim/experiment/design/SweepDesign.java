package icsim.experiment.design;

import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import icsim.scenario.ScenarioException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A full-factorial sweep over any scenario values (and any named arms), every point against the base, paired by
 * replication (common random numbers: a point equal to the base reproduces it exactly).
 */
final class SweepDesign implements Design {

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        if (spec.factors().isEmpty() && spec.arms().isEmpty()) {
            throw new ScenarioException(spec.file(), "factors", "a sweep needs factors (YAML path: [values]) or arms");
        }
        String primary = Points.primary(spec, "acute_bed_days");
        Point base = Points.base(spec);
        List<Point> points = new ArrayList<>();
        List<ExperimentSpec.Arm> variants = new ArrayList<>();
        variants.add(null);
        variants.addAll(spec.arms());
        for (ExperimentSpec.Arm arm : variants) {
            for (Map<String, Object> combo : Paired.factorial(spec.factors())) {
                if (arm == null && combo.isEmpty()) {
                    continue; // that is the base itself
                }
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("arm", arm == null ? Points.BASE : arm.name());
                combo.forEach((k, v) -> labels.put(k, Paired.label(v)));
                points.add(Points.of(spec, name(labels, false), arm, combo, labels));
            }
        }
        if (spec.factors().keySet().stream().map(k -> k.substring(k.lastIndexOf('.') + 1)).distinct().count()
                < spec.factors().size()) {
            // two factors end in the same key: name the points by their full paths
            points.replaceAll(p -> new Point(name(p.labels(), true), p.scenario(), p.overrides(), p.labels()));
        }
        List<Point> all = new ArrayList<>(points);
        all.add(0, base);
        runs.prepare(all);
        RunSummary b = runs.run(base);
        Map<String, Difference> family = new LinkedHashMap<>();
        Table.Builder everything = new Table.Builder("sweep_all_metrics.csv",
                "Every metric of every point against the base (Holm across one point's metrics)",
                "point", "metric", "baseline_mean", "mean", "difference", "ci_low", "ci_high", "relative_change",
                "p_value", "significant_holm");
        for (Point p : points) {
            RunSummary s = runs.run(p);
            family.put(p.name(), Paired.difference(b, s, primary));
            for (Difference d : PairedComparison.compare(b, s)) {
                everything.row(p.name(), d.metric(), d.baselineMean(), d.mean(), d.diffMean(), d.ciLow(), d.ciHigh(),
                        d.relChange(), d.pValue(), String.valueOf(d.significantHolm()));
            }
        }
        boolean lower = MeaningfulDifference.lowerIsBetter(primary);
        Map<String, MeaningfulDifference.Judged> judged = MeaningfulDifference.judge(family, spec.materiality(), lower);
        List<String> columns = new ArrayList<>(List.of("point"));
        columns.addAll(points.get(0).labels().keySet());
        columns.addAll(List.of("baseline_mean", "mean", "difference", "ci_low", "ci_high", "relative_change", "effect"));
        List<List<Object>> rows = new ArrayList<>();
        int better = 0;
        int worse = 0;
        for (Point p : points) {
            MeaningfulDifference.Judged j = judged.get(p.name());
            Difference d = j.difference();
            List<Object> row = new ArrayList<>(List.of(p.name()));
            row.addAll(p.labels().values());
            row.addAll(java.util.Arrays.asList(d.baselineMean(), d.mean(), d.diffMean(), d.ciLow(), d.ciHigh(),
                    d.relChange(), j.effect().text()));
            rows.add(row);
            better += j.effect() == MeaningfulDifference.Effect.BETTER ? 1 : 0;
            worse += j.effect() == MeaningfulDifference.Effect.WORSE ? 1 : 0;
        }
        Table main = new Table("sweep.csv", primary + " at each point against the base (paired by replication; "
                + "effect: Holm across points and ≥ " + percent(spec.materiality()) + " of the baseline)", columns, rows);
        String summary = String.format(Locale.ROOT, "%d points against the base on %s: %d meaningfully better, %d worse, "
                + "%d without a meaningful difference.", points.size(), primary, better, worse, points.size() - better - worse);
        return new DesignResult(DesignResult.Verdict.NOT_A_LAW, summary, List.of(main, everything.build()), List.of());
    }

    private static String name(Map<String, String> labels, boolean fullPaths) {
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> {
            if (!k.equals("arm")) {
                parts.add((fullPaths ? k : k.substring(k.lastIndexOf('.') + 1)) + "=" + v);
            } else if (!v.equals(Points.BASE)) {
                parts.add(v);
            }
        });
        return String.join(" ", parts);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
