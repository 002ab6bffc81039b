package icsim.experiment.design;

import icsim.experiment.design.MeaningfulDifference.Effect;
import icsim.experiment.design.MeaningfulDifference.Judged;
import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.ScenarioException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leutz's fourth law, "you can't integrate a square peg and a round hole" (MODEL.md §8, L4): a 2×2 of
 * organisational integration ({@code organisation} arm) × care co-ordination ({@code coordination} arm), with
 * {@code both} and the base as the other two cells, at the shipped parameters and across the factors (the
 * funding-handoff delay). Holds when the organisation-only cell improves the primary outcome meaningfully less
 * than the co-ordination-only cell, or not at all.
 */
final class StructureCoordinationDesign implements Design {
    static final String ORGANISATION = "organisation";
    static final String COORDINATION = "coordination";
    static final String BOTH = "both";
    private static final List<String> CELLS = List.of(ORGANISATION, COORDINATION, BOTH);

    /** The verdict's inputs: the three cells against the base (one Holm family) and co-ordination − organisation. */
    record Reading(Map<String, Judged> cells, Judged coordinationVsOrganisation) {
    }

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        String primary = Points.primary(spec, "acute_bed_days");
        boolean lower = MeaningfulDifference.lowerIsBetter(primary);
        Map<String, ExperimentSpec.Arm> arms = new LinkedHashMap<>();
        for (String c : CELLS) {
            arms.put(c, Points.arm(spec, c));
        }
        List<Map<String, Object>> combos = Paired.factorial(spec.factors());
        List<Point> all = new ArrayList<>();
        Map<String, Map<String, Point>> byCombo = new LinkedHashMap<>();
        for (Map<String, Object> combo : combos) {
            String level = combo.isEmpty() ? "as shipped" : combo.values().stream().map(Paired::label)
                    .reduce((a, b) -> a + ", " + b).orElse("");
            Map<String, Point> cells = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("level", level);
            cells.put(Points.BASE, Points.of(spec, name(Points.BASE, combo, level), null, combo, labels));
            for (String c : CELLS) {
                cells.put(c, Points.of(spec, name(c, combo, level), arms.get(c), combo, labels));
            }
            byCombo.put(level, cells);
            all.addAll(cells.values());
        }
        if (!combos.get(0).isEmpty()) {
            // the shipped parameters too, for the verdict
            Map<String, Point> cells = new LinkedHashMap<>();
            cells.put(Points.BASE, Points.base(spec));
            for (String c : CELLS) {
                cells.put(c, Points.of(spec, c, arms.get(c), Map.of(), Map.of("level", "as shipped")));
            }
            Map<String, Map<String, Point>> ordered = new LinkedHashMap<>();
            ordered.put("as shipped", cells);
            ordered.putAll(byCombo);
            byCombo = ordered;
            all.addAll(0, cells.values());
        }
        runs.prepare(all);

        Table.Builder cellTable = new Table.Builder("l4_cells.csv", primary + ": each cell against the base "
                + "(fragmented), paired by replication; effect: Holm across the three cells and ≥ "
                + SweepDesign.percent(spec.materiality()) + " of the baseline",
                "level", "cell", "mechanisms_on", "baseline_mean", "mean", "difference", "ci_low", "ci_high",
                "relative_change", "effect");
        Table.Builder structure = new Table.Builder("l4_structure_by_level.csv", "Where structure starts to matter: "
                + "the effect of organisational integration alone (organisation − base) and added to co-ordination "
                + "(both − coordination) on " + primary + ", and delayed-transfer bed days in the base",
                "level", "base_delayed_days", "organisation_alone", "ci_low", "ci_high", "effect_alone",
                "added_to_coordination", "ci_low_added", "ci_high_added", "effect_added");
        Reading shipped = null;
        String addedMatters = null;
        String overtakes = null;
        for (Map.Entry<String, Map<String, Point>> e : byCombo.entrySet()) {
            Map<String, Point> cells = e.getValue();
            RunSummary b = runs.run(cells.get(Points.BASE));
            Map<String, RunSummary> r = new LinkedHashMap<>();
            for (String c : CELLS) {
                r.put(c, runs.run(cells.get(c)));
            }
            Reading reading = read(b, r, primary, spec.materiality(), lower);
            for (String c : CELLS) {
                Judged j = reading.cells().get(c);
                Difference d = j.difference();
                cellTable.row(e.getKey(), c, mechanismsOn(runs, cells.get(c)), d.baselineMean(), d.mean(), d.diffMean(),
                        d.ciLow(), d.ciHigh(), d.relChange(), j.effect().text());
            }
            Judged alone = reading.cells().get(ORGANISATION);
            Difference added = PairedComparison.difference(primary, Paired.values(r.get(COORDINATION), primary),
                    Paired.values(r.get(BOTH), primary));
            Judged addedJ = MeaningfulDifference.judge("added", Paired.relativeTo(added, Paired.mean(Paired.values(b, primary))),
                    spec.materiality(), lower);
            structure.row(e.getKey(), Paired.mean(Paired.values(b, "delayed_transfer_bed_days")),
                    alone.difference().diffMean(), alone.difference().ciLow(), alone.difference().ciHigh(),
                    alone.effect().text(), added.diffMean(), added.ciLow(), added.ciHigh(), addedJ.effect().text());
            if (shipped == null) {
                shipped = reading;
                continue;
            }
            if (addedMatters == null && addedJ.effect() == Effect.BETTER) {
                addedMatters = e.getKey();
            }
            if (overtakes == null && reading.coordinationVsOrganisation().effect() == Effect.WORSE) {
                overtakes = e.getKey();
            }
        }
        boolean holds = holds(shipped);
        String sweep = byCombo.size() <= 1 ? "" : "Across the sweep (" + String.join(", ",
                byCombo.keySet().stream().skip(1).toList()) + "): added to co-ordination, structure "
                + (addedMatters == null ? "never makes a meaningful difference" : "first makes a meaningful difference at "
                + addedMatters) + "; organisational integration alone "
                + (overtakes == null ? "never does meaningfully better than co-ordination alone."
                : "does meaningfully better than co-ordination alone from " + overtakes + ".");
        String summary = verdictText(shipped, primary, holds) + " " + sweep
                + " The verdict is conditional on the mechanism sets in the table.";
        return new DesignResult(holds ? DesignResult.Verdict.HOLDS : DesignResult.Verdict.DOES_NOT_HOLD,
                summary.strip(), List.of(cellTable.build(), structure.build()), List.of());
    }

    /** The cells judged as one family, and co-ordination − organisation judged against the base's level. */
    static Reading read(RunSummary base, Map<String, RunSummary> cells, String primary, double materiality,
                        boolean lower) {
        Map<String, Difference> family = new LinkedHashMap<>();
        for (String c : CELLS) {
            family.put(c, Paired.difference(base, cells.get(c), primary));
        }
        Difference between = PairedComparison.difference(primary, Paired.values(cells.get(ORGANISATION), primary),
                Paired.values(cells.get(COORDINATION), primary));
        return new Reading(MeaningfulDifference.judge(family, materiality, lower),
                MeaningfulDifference.judge("coordination_vs_organisation",
                        Paired.relativeTo(between, Paired.mean(Paired.values(base, primary))), materiality, lower));
    }

    /**
     * Holds when co-ordination alone improves the outcome and organisation alone does not, or does meaningfully
     * less (co-ordination − organisation is itself a meaningful improvement).
     */
    static boolean holds(Reading r) {
        Effect coordination = r.cells().get(COORDINATION).effect();
        Effect organisation = r.cells().get(ORGANISATION).effect();
        if (coordination != Effect.BETTER) {
            return false;
        }
        return organisation != Effect.BETTER || r.coordinationVsOrganisation().effect() == Effect.BETTER;
    }

    static String verdictText(Reading r, String primary, boolean holds) {
        Judged org = r.cells().get(ORGANISATION);
        Judged coord = r.cells().get(COORDINATION);
        Judged both = r.cells().get(BOTH);
        String numbers = String.format(Locale.ROOT, "Against fragmented care, %s changes by %s with organisational "
                        + "integration alone (%s), %s with co-ordination alone (%s) and %s with both (%s).", primary,
                pct(org), org.effect().text(), pct(coord), coord.effect().text(), pct(both), both.effect().text());
        String head;
        if (holds) {
            head = "Leutz's fourth law holds: structure without co-ordination improves " + primary
                    + (org.effect() == Effect.BETTER ? " meaningfully less than co-ordination does." : " not at all.");
        } else if (coord.effect() != Effect.BETTER) {
            head = "The law does not hold under these parameters: co-ordination alone does not improve " + primary
                    + " meaningfully either, so there is nothing for structure to fall short of.";
        } else {
            head = "The law does not hold: organisational integration alone improves " + primary
                    + " as much as co-ordination.";
        }
        return head + " " + numbers;
    }


    private static String pct(Judged j) {
        return String.format(Locale.ROOT, "%+.1f %%", 100 * j.difference().relChange());
    }

    private static String mechanismsOn(PointRuns runs, Point p) {
        List<String> on = new ArrayList<>();
        for (IntegrationProfile.Mechanism m : IntegrationProfile.mechanisms(runs.scenario(p))) {
            if (m.enabled()) {
                on.add(m.key());
            }
        }
        return on.isEmpty() ? "none" : String.join(" ", on);
    }

    private static String name(String cell, Map<String, Object> combo, String level) {
        return combo.isEmpty() ? cell : cell + " @ " + level;
    }
}
