package icsim.experiment.design;

import icsim.experiment.design.MeaningfulDifference.Effect;
import icsim.experiment.design.MeaningfulDifference.Judged;
import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leutz's third law, "your integration is my fragmentation" (MODEL.md §8, L3): integration for a targeted group
 * ({@code targeted} arm, whose {@code integration.coverage} names the cohorts it acts on), while shared community
 * capacity stays first come, first served. Any harm to the others can then only come from the extra demand
 * integration generates for the targeted group. Holds when some group not targeted is meaningfully worse off on
 * some outcome while the targeted group is meaningfully better off on the primary outcome.
 */
final class SpilloverDesign implements Design {
    static final String TARGETED = "targeted";
    static final List<String> OUTCOMES = List.of("community_wait_days_per_1000", "delayed_transfer_bed_days_per_1000",
            "emergency_admissions_per_1000", "days_at_home_per_person");
    static final List<String> PAYERS = List.of("cost_nhs", "cost_local_authority", "cost_self_funder", "cost_fund_pooled",
            "total_cost");

    /** The verdict's inputs: the targeted group on the primary outcome, and every (other group, outcome). */
    record Reading(Judged targeted, Map<String, Judged> others) {
    }

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        String primary = Points.primary(spec, "delayed_transfer_bed_days_per_1000");
        Point base = Points.base(spec);
        Point targeted = Points.of(spec, TARGETED, Points.arm(spec, TARGETED), Map.of(), Map.of("arm", TARGETED));
        runs.prepare(List.of(base, targeted));
        Scenario s = runs.scenario(targeted);
        if (!"cohorts".equals(s.integration().coverage().rule())) {
            throw new ScenarioException(spec.file(), "arms.targeted.set.integration.coverage.rule", "L3 targets "
                    + "integration at cohorts: set integration.coverage.rule: cohorts and integration.coverage.cohorts");
        }
        List<String> target = s.integration().coverage().cohorts();
        RunSummary b = runs.run(base);
        RunSummary t = runs.run(targeted);
        List<String> cohorts = new ArrayList<>(b.byCohort().keySet());
        List<String> others = cohorts.stream().filter(c -> !target.contains(c)).toList();

        Difference targetedDiff = PairedComparison.difference(primary, pooled(b, target, primary), pooled(t, target, primary));
        Judged targetedJ = MeaningfulDifference.judge("targeted", targetedDiff, spec.materiality(),
                MeaningfulDifference.lowerIsBetter(primary));
        Map<String, Difference> family = new LinkedHashMap<>();
        for (String c : others) {
            for (String o : OUTCOMES) {
                family.put(c + " " + o, PairedComparison.difference(o, Paired.cohortValues(b, c, o),
                        Paired.cohortValues(t, c, o)));
            }
        }
        // harm is judged one outcome at a time across the groups not targeted: Holm within each outcome's family
        Map<String, Judged> judged = new LinkedHashMap<>();
        for (String o : OUTCOMES) {
            Map<String, Difference> f = new LinkedHashMap<>();
            family.forEach((k, v) -> {
                if (k.endsWith(" " + o)) {
                    f.put(k, v);
                }
            });
            judged.putAll(MeaningfulDifference.judge(f, spec.materiality(), MeaningfulDifference.lowerIsBetter(o)));
        }
        Reading reading = new Reading(targetedJ, judged);
        boolean holds = holds(reading);

        Table.Builder groups = new Table.Builder("l3_groups.csv", "Each group against fragmented care (targeted "
                + "cohorts pooled by person-years; effect: Holm across the groups not targeted, per outcome, and ≥ "
                + SweepDesign.percent(spec.materiality()) + " of the group's baseline)",
                "group", "targeted", "outcome", "baseline_mean", "mean", "difference", "ci_low", "ci_high",
                "relative_change", "effect");
        for (String o : OUTCOMES) {
            Difference d = PairedComparison.difference(o, pooled(b, target, o), pooled(t, target, o));
            Judged j = MeaningfulDifference.judge("targeted", d, spec.materiality(), MeaningfulDifference.lowerIsBetter(o));
            groups.row(String.join("+", target), "yes", o, d.baselineMean(), d.mean(), d.diffMean(), d.ciLow(),
                    d.ciHigh(), d.relChange(), j.effect().text());
        }
        judged.forEach((k, j) -> {
            Difference d = j.difference();
            String[] parts = k.split(" ");
            groups.row(parts[0], "no", parts[1], d.baselineMean(), d.mean(), d.diffMean(), d.ciLow(), d.ciHigh(),
                    d.relChange(), j.effect().text());
        });
        Table.Builder payers = new Table.Builder("l3_cost_shift.csv", "Cost moved between payers (annual, £, "
                + "economic; targeted − fragmented)", "payer", "baseline_mean", "difference", "ci_low", "ci_high",
                "relative_change");
        for (String m : PAYERS) {
            Difference d = Paired.difference(b, t, m);
            payers.row(m.replace("cost_", ""), d.baselineMean(), d.diffMean(), d.ciLow(), d.ciHigh(), d.relChange());
        }
        String summary = verdictText(reading, primary, String.join(" + ", target),
                Paired.difference(b, t, "cost_nhs"), Paired.difference(b, t, "cost_local_authority"));
        return new DesignResult(holds ? DesignResult.Verdict.HOLDS : DesignResult.Verdict.DOES_NOT_HOLD, summary,
                List.of(groups.build(), payers.build()), List.of());
    }

    static boolean holds(Reading r) {
        return r.targeted().effect() == Effect.BETTER
                && r.others().values().stream().anyMatch(j -> j.effect() == Effect.WORSE);
    }

    static String verdictText(Reading r, String primary, String target, Difference nhs, Difference la) {
        List<String> harmed = new ArrayList<>();
        r.others().forEach((k, j) -> {
            if (j.effect() == Effect.WORSE) {
                harmed.add(String.format(Locale.ROOT, "%s (%+.1f %%)", k.replace(" ", ": "), 100 * j.difference().relChange()));
            }
        });
        Difference d = r.targeted().difference();
        String t = String.format(Locale.ROOT, "For the targeted group (%s), %s changes by %s (%+.1f %%; 95%% CI %s to %s): %s.",
                target, primary, human(d.diffMean()), 100 * d.relChange(), human(d.ciLow()), human(d.ciHigh()),
                r.targeted().effect().text());
        String cost = String.format(Locale.ROOT, " Annual cost moves by £%s for the NHS and £%s for local authorities.",
                PaybackDesign.money(nhs.diffMean()), PaybackDesign.money(la.diffMean()));
        String head;
        if (holds(r)) {
            head = "Leutz's third law holds: integration for one group is fragmentation for another. Worse off: "
                    + String.join(", ", harmed) + ".";
        } else if (r.targeted().effect() != Effect.BETTER) {
            head = "The law does not hold under these parameters: the targeted group itself is not meaningfully "
                    + "better off" + (harmed.isEmpty() ? "." : ", although others are worse off: " + String.join(", ", harmed) + ".");
        } else {
            head = "The law does not hold under these parameters: no group outside the target is meaningfully worse "
                    + "off on waits, delayed days, admissions or days at home.";
        }
        return head + " " + t + cost;
    }

    /** A by-cohort rate for several cohorts together, per replication, weighting each by its mean population. */
    static double[] pooled(RunSummary run, List<String> cohorts, String metric) {
        int n = run.results().size();
        double[] out = new double[n];
        double[] weight = new double[n];
        for (String c : cohorts) {
            double[] v = Paired.cohortValues(run, c, metric);
            double[] w = Paired.cohortValues(run, c, "population_mean");
            for (int r = 0; r < n; r++) {
                if (Double.isFinite(v[r]) && Double.isFinite(w[r])) {
                    out[r] += v[r] * w[r];
                    weight[r] += w[r];
                }
            }
        }
        for (int r = 0; r < n; r++) {
            out[r] = weight[r] > 0 ? out[r] / weight[r] : Double.NaN;
        }
        return out;
    }

    private static String human(double v) {
        return icsim.output.ConsoleTable.human(v);
    }
}
