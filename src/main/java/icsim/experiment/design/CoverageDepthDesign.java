package icsim.experiment.design;

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
 * Leutz's first law, "all of the services for some, some of the services for all, but not all of the services
 * for all" (MODEL.md §8, L1): a grid of coverage (the top share of people by predicted risk) × depth (an
 * integration level), every cell against fragmented care. A cell's integration cost is what it spends a year;
 * under a budget (a multiple of £78 a head, the Vanguard programme) only cells that cost no more are affordable.
 * Among affordable cells whose bed-day reduction is Holm-significant, cells are ranked by bed days averted per £
 * of integration spending, and by net cost. Holds when at every budget the best-value cell is narrow-and-deep or
 * broad-and-shallow, and all-for-all is never the best value.
 */
final class CoverageDepthDesign implements Design {

    /** One grid cell's results. */
    record Cell(String depth, double coverage, Difference bedDays, double integrationCost, Difference netCost,
                boolean significant) {
        /** Bed days averted a year per £1,000 of integration spending (NaN when it spends nothing). */
        double value() {
            return integrationCost > 0 ? -bedDays.diffMean() / integrationCost * 1000 : Double.NaN;
        }

        String name() {
            return depth + " × " + Paired.label(100 * coverage) + " %";
        }
    }

    /** How a cell's shape reads against the law. */
    enum Shape {
        NARROW_DEEP("narrow and deep"), BROAD_SHALLOW("broad and shallow"), ALL_FOR_ALL("all for all"), OTHER("in between");

        final String text;

        Shape(String text) {
            this.text = text;
        }
    }

    /** The grid's shape rules: the shallowest and deepest depth, and the coverage that counts as narrow or broad. */
    record Shapes(String shallowest, String deepest, double narrowMax, double broadMin) {
        Shape of(Cell c) {
            boolean deep = !c.depth().equals(shallowest);
            if (c.coverage() >= 1 && c.depth().equals(deepest)) {
                return Shape.ALL_FOR_ALL;
            }
            if (c.coverage() <= narrowMax && deep) {
                return Shape.NARROW_DEEP;
            }
            if (c.coverage() >= broadMin && !deep) {
                return Shape.BROAD_SHALLOW;
            }
            return Shape.OTHER;
        }
    }

    /** The best cell at one budget (null: no affordable cell averts bed days). */
    record BudgetReading(double budget, Cell bestValue, Cell bestNet, boolean allForAllAffordable) {
    }

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        String primary = Points.primary(spec, "acute_bed_days");
        List<String> depths = Parameters.texts(spec, "depths", List.of("linkage", "coordination", "full"),
                "a list of integration levels, shallowest first, e.g. [linkage, coordination, full]");
        List<Double> coverages = Parameters.numbers(spec, "coverage", List.of(0.01, 0.05, 0.10, 0.25, 0.50, 1.0),
                "a list of shares of people in (0, 1], e.g. [0.01, 0.05, 0.1, 0.25, 0.5, 1]");
        double perHead = Parameters.number(spec, "budget_per_head", 78, 1e-9, "£ a head a year > 0, e.g. 78");
        List<Double> multiples = Parameters.numbers(spec, "budget_multiples", List.of(0.5, 1.0, 1.5, 2.0),
                "a list of multiples of the budget > 0, e.g. [0.5, 1, 1.5, 2]");
        Shapes shapes = new Shapes(depths.get(0), depths.get(depths.size() - 1),
                Parameters.number(spec, "narrow_max", 0.25, 1e-9, "a share > 0, e.g. 0.25"),
                Parameters.number(spec, "broad_min", 0.5, 1e-9, "a share > 0, e.g. 0.5"));

        Point base = Points.base(spec);
        List<Point> cells = new ArrayList<>();
        for (String depth : depths) {
            for (double c : coverages) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("integration.level", depth);
                o.put("integration.coverage.rule", "predicted_risk");
                o.put("integration.coverage.share", c);
                cells.add(Points.of(spec, depth + " × " + Paired.label(100 * c) + " %", null, o,
                        Map.of("depth", depth, "coverage", Paired.label(c))));
            }
        }
        List<Point> all = new ArrayList<>(cells);
        all.add(0, base);
        runs.prepare(all);
        RunSummary b = runs.run(base);
        int population = runs.scenario(base).population().size();
        Map<String, Difference> family = new LinkedHashMap<>();
        List<Cell> grid = new ArrayList<>();
        int i = 0;
        for (String depth : depths) {
            for (double c : coverages) {
                RunSummary r = runs.run(cells.get(i++));
                Difference bed = Paired.difference(b, r, primary);
                family.put(depth + c, bed);
                grid.add(new Cell(depth, c, bed, Paired.mean(Paired.values(r, "integration_cost")),
                        Paired.difference(b, r, "total_cost"), false));
            }
        }
        Map<String, MeaningfulDifference.Judged> judged = MeaningfulDifference.judge(family, 0, true);
        List<Cell> ranked = new ArrayList<>();
        for (Cell c : grid) {
            MeaningfulDifference.Judged j = judged.get(c.depth() + c.coverage());
            ranked.add(new Cell(c.depth(), c.coverage(), c.bedDays(), c.integrationCost(), c.netCost(),
                    j.effect() == MeaningfulDifference.Effect.BETTER));
        }
        List<BudgetReading> budgets = new ArrayList<>();
        for (double m : multiples) {
            budgets.add(atBudget(ranked, m * perHead * population, shapes));
        }
        boolean holds = holds(budgets, shapes);

        Table.Builder gridTable = new Table.Builder("l1_grid.csv", "Every cell against fragmented care: " + primary
                + " averted a year, integration spending, net cost (annual, £), and bed days averted per £1,000",
                "depth", "coverage_share", "shape", "bed_days_averted", "ci_low", "ci_high", "significant_holm",
                "integration_cost", "cost_per_head", "net_cost", "net_ci_low", "net_ci_high", "bed_days_per_1000_gbp");
        for (Cell c : ranked) {
            gridTable.row(c.depth(), c.coverage(), shapes.of(c).text, -c.bedDays().diffMean(), -c.bedDays().ciHigh(),
                    -c.bedDays().ciLow(), c.significant() ? "yes" : "no", c.integrationCost(),
                    c.integrationCost() / population, c.netCost().diffMean(), c.netCost().ciLow(), c.netCost().ciHigh(),
                    c.value());
        }
        Table.Builder budgetTable = new Table.Builder("l1_budgets.csv", "The best cell at each annual integration "
                + "budget (" + Paired.label(perHead) + " £ a head × multiple): by bed days averted per £ and by net cost",
                "budget_multiple", "budget", "best_value_cell", "shape", "bed_days_per_1000_gbp", "best_net_cost_cell",
                "net_cost", "all_for_all_affordable");
        for (int k = 0; k < budgets.size(); k++) {
            BudgetReading r = budgets.get(k);
            budgetTable.row(multiples.get(k), r.budget(), r.bestValue() == null ? "none averts bed days" : r.bestValue().name(),
                    r.bestValue() == null ? "" : shapes.of(r.bestValue()).text,
                    r.bestValue() == null ? null : r.bestValue().value(),
                    r.bestNet() == null ? "none" : r.bestNet().name(),
                    r.bestNet() == null ? null : r.bestNet().netCost().diffMean(), r.allForAllAffordable() ? "yes" : "no");
        }
        List<String> names = new ArrayList<>();
        List<double[]> means = new ArrayList<>();
        List<double[]> lows = new ArrayList<>();
        List<double[]> highs = new ArrayList<>();
        double[] x = coverages.stream().mapToDouble(c -> 100 * c).toArray();
        for (String depth : depths) {
            List<Cell> row = ranked.stream().filter(c -> c.depth().equals(depth)).toList();
            names.add(depth);
            means.add(row.stream().mapToDouble(c -> -c.bedDays().diffMean()).toArray());
            lows.add(row.stream().mapToDouble(c -> -c.bedDays().ciHigh()).toArray());
            highs.add(row.stream().mapToDouble(c -> -c.bedDays().ciLow()).toArray());
        }
        DesignResult.Chart chart = new DesignResult.Chart("Bed days averted a year by coverage and depth",
                "coverage (% of people, highest predicted risk first)", "bed days averted a year", x, names, means,
                lows, highs);
        double dearest = ranked.stream().mapToDouble(Cell::integrationCost).max().orElse(0);
        String binds = dearest <= budgets.get(0).budget() ? String.format(Locale.ROOT, " Every cell spends at most £%.0f "
                + "a head, within the smallest budget (£%.0f): here the budget never binds, and value per £ decides.",
                dearest / population, budgets.get(0).budget() / population) : "";
        return new DesignResult(holds ? DesignResult.Verdict.HOLDS : DesignResult.Verdict.DOES_NOT_HOLD,
                verdictText(budgets, shapes, multiples) + binds, List.of(budgetTable.build(), gridTable.build()),
                List.of(chart));
    }

    /** The best affordable cells at one budget; only cells with a significant reduction are ranked. */
    static BudgetReading atBudget(List<Cell> cells, double budget, Shapes shapes) {
        Cell bestValue = null;
        Cell bestNet = null;
        boolean allForAll = false;
        for (Cell c : cells) {
            boolean affordable = c.integrationCost() <= budget;
            if (shapes.of(c) == Shape.ALL_FOR_ALL && affordable) {
                allForAll = true;
            }
            if (!affordable || !c.significant()) {
                continue;
            }
            if (bestValue == null || c.value() > bestValue.value()) {
                bestValue = c;
            }
            if (bestNet == null || c.netCost().diffMean() < bestNet.netCost().diffMean()) {
                bestNet = c;
            }
        }
        return new BudgetReading(budget, bestValue, bestNet, allForAll);
    }

    static boolean holds(List<BudgetReading> budgets, Shapes shapes) {
        for (BudgetReading r : budgets) {
            if (r.bestValue() == null) {
                return false;
            }
            Shape s = shapes.of(r.bestValue());
            if (s != Shape.NARROW_DEEP && s != Shape.BROAD_SHALLOW) {
                return false;
            }
        }
        return true;
    }

    static String verdictText(List<BudgetReading> budgets, Shapes shapes, List<Double> multiples) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < budgets.size(); k++) {
            parts.add(best(budgets.get(k), shapes));
        }
        String head = holds(budgets, shapes)
                ? "Leutz's first law holds: the best value at every budget is narrow-and-deep or broad-and-shallow, "
                + "never all services for all."
                : "The law does not hold under these parameters at every budget.";
        if (parts.stream().distinct().count() == 1) {
            return head + String.format(Locale.ROOT, " Best value at every budget from %s× to %s×: %s.",
                    Paired.label(multiples.get(0)), Paired.label(multiples.get(multiples.size() - 1)), parts.get(0));
        }
        List<String> each = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            each.add("at " + Paired.label(multiples.get(k)) + "× the budget, " + parts.get(k));
        }
        return head + " Best value: " + String.join("; ", each) + ".";
    }

    private static String best(BudgetReading r, Shapes shapes) {
        String best = r.bestValue() == null ? "no affordable cell averts bed days significantly"
                : String.format(Locale.ROOT, "%s (%s, %.2f bed days per £1,000)", r.bestValue().name(),
                shapes.of(r.bestValue()).text, r.bestValue().value());
        return best + (r.allForAllAffordable() ? "; all-for-all affordable" : "; all-for-all not affordable");
    }
}
