package icsim.experiment.design;

import icsim.output.ReplicationResult;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale thresholds (MODEL.md §8.4): the base scenario at each population size, with enough replications for the
 * requested replication-years. For each size:
 * <ul>
 *   <li>the risk that a year's spend on the people registered on 1 January (NHS and local authority) exceeds a
 *   capitated budget by more than {@code overspend} (default 5 %), the budget being each person's risk-adjusted
 *   expected cost from their cell (group, age band, frailty), estimated over all replication-years at that size;</li>
 *   <li>the same with stop-loss cover: individual annual costs above costing.stop_loss_threshold are reinsured, so
 *   both the budget and the spend are taken capped;</li>
 *   <li>the per-capita cost of indivisible teams: community capacity at full staffing, with the minimum_unit rule,
 *   against the same services at their per-capita rate;</li>
 *   <li>delayed-transfer bed days per 1,000 at equal capacity per capita (pooling economies).</li>
 * </ul>
 * Reports the smallest population from which each risk stays below {@code tolerance} (default 10 %), beside the
 * seed's judgement that integrated organisations of at least 50,000 people can manage the risk.
 */
final class ScaleDesign implements Design {

    /** Overspend risk at one size: years over budget by more than the margin, of all years counted. */
    record Risk(int overspent, int years, double cv) {
        double probability() {
            return years == 0 ? Double.NaN : (double) overspent / years;
        }

        /** Wilson score interval, 95 %. */
        double[] interval() {
            double z = 1.959964;
            double n = years;
            double p = probability();
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
        }
    }

    /** One population size's readings. */
    record SizeReading(int population, Risk risk, Risk riskStopLoss, double teamCostPerHead, double teamPremium,
                       double delayedPer1000) {
    }

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        List<Integer> populations = populations(spec);
        int replicationYears = (int) Parameters.number(spec, "replication_years", 200, 2, "a number of years ≥ 2, e.g. 200");
        double overspend = Parameters.number(spec, "overspend", 0.05, 0, "a share ≥ 0, e.g. 0.05");
        double tolerance = Parameters.number(spec, "tolerance", 0.10, 1e-9, "a share > 0, e.g. 0.1");
        int seedThreshold = (int) Parameters.number(spec, "seed_threshold", 50_000, 1, "a population, e.g. 50000");
        Point probe = Points.base(spec);
        runs.prepare(List.of(probe));
        double years = runs.scenario(probe).run().years();
        int replications = (int) Math.ceil(replicationYears / years);
        List<Point> points = new ArrayList<>();
        for (int n : populations) {
            points.add(Points.of(spec, String.format(Locale.ROOT, "%,d people", n), null,
                    Map.of("population.size", n, "run.replications", Math.max(2, replications)),
                    Map.of("population", Integer.toString(n))));
        }
        runs.prepare(points);
        List<SizeReading> readings = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Scenario s = runs.scenario(points.get(i));
            RunSummary r = runs.run(points.get(i), true);
            double[] team = teamCost(s);
            readings.add(new SizeReading(s.population().size(), risk(r, overspend, false), risk(r, overspend, true),
                    team[0], team[0] / team[1] - 1,
                    1000 * Paired.mean(Paired.values(r, "delayed_transfer_bed_days")) / s.population().size()));
        }
        Table.Builder t = new Table.Builder("scale.csv", String.format(Locale.ROOT, "By population size: probability "
                        + "that a year's spend exceeds the capitated budget by more than %.0f %% (without and with "
                        + "stop-loss cover), the per-capita cost of indivisible community teams, and delayed days per "
                        + "1,000", 100 * overspend),
                "population", "replication_years", "overspend_probability", "probability_ci_low", "probability_ci_high",
                "spend_cv", "stop_loss_overspend_probability", "stop_loss_probability_ci_low",
                "stop_loss_probability_ci_high", "stop_loss_spend_cv", "team_cost_per_head", "team_premium_share",
                "delayed_days_per_1000");
        for (SizeReading s : readings) {
            double[] ci = s.risk().interval();
            double[] cis = s.riskStopLoss().interval();
            t.row(s.population(), s.risk().years(), s.risk().probability(), ci[0], ci[1], s.risk().cv(),
                    s.riskStopLoss().probability(), cis[0], cis[1], s.riskStopLoss().cv(), s.teamCostPerHead(),
                    s.teamPremium(), s.delayedPer1000());
        }
        Integer budget = smallest(readings, r -> r.risk().probability(), tolerance);
        Integer stopLoss = smallest(readings, r -> r.riskStopLoss().probability(), tolerance);
        Integer teams = smallest(readings, SizeReading::teamPremium, tolerance);
        Table.Builder thresholds = new Table.Builder("scale_thresholds.csv", String.format(Locale.ROOT,
                "Smallest population from which each risk stays below %.0f %%, beside the seed's %,d", 100 * tolerance,
                seedThreshold), "risk", "smallest_population", "against_seed");
        thresholds.row("overspend > " + pct(overspend) + " of the capitated budget", threshold(budget),
                against(budget, seedThreshold, populations));
        thresholds.row("the same with stop-loss above £" + money(stopLossOf(runs, points)), threshold(stopLoss),
                against(stopLoss, seedThreshold, populations));
        thresholds.row("indivisible teams' per-capita cost premium", threshold(teams),
                against(teams, seedThreshold, populations));
        String summary = String.format(Locale.ROOT, "The capitated budget is overspent by more than %s in under %s of "
                        + "years from %s people; with stop-loss cover from %s; indivisible teams cost under %s more per "
                        + "head from %s. The seed's judgement is at least %,d people (%s).", pct(overspend),
                pct(tolerance), text(budget, populations), text(stopLoss, populations), pct(tolerance),
                text(teams, populations), seedThreshold, against(budget, seedThreshold, populations));
        double[] x = readings.stream().mapToDouble(r -> r.population() / 1000.0).toArray();
        DesignResult.Chart chart = new DesignResult.Chart("Probability of overspending the capitated budget by more than "
                + pct(overspend), "population (thousands)", "probability", x, List.of("no cover", "stop-loss"),
                List.of(readings.stream().mapToDouble(r -> r.risk().probability()).toArray(),
                        readings.stream().mapToDouble(r -> r.riskStopLoss().probability()).toArray()),
                List.of(readings.stream().mapToDouble(r -> r.risk().interval()[0]).toArray(),
                        readings.stream().mapToDouble(r -> r.riskStopLoss().interval()[0]).toArray()),
                List.of(readings.stream().mapToDouble(r -> r.risk().interval()[1]).toArray(),
                        readings.stream().mapToDouble(r -> r.riskStopLoss().interval()[1]).toArray()));
        return new DesignResult(DesignResult.Verdict.NOT_A_LAW, summary, List.of(thresholds.build(), t.build()),
                List.of(chart));
    }

    /**
     * Budget = Σ cells count × the cell's mean cost over every replication-year at this size (capped costs with
     * stop-loss); a year is overspent when its spend exceeds the budget by more than the margin.
     */
    static Risk risk(RunSummary run, double margin, boolean stopLoss) {
        List<ReplicationResult.Capitation> caps = run.results().stream().map(ReplicationResult::capitation).toList();
        int cells = caps.get(0).cells().size();
        double[] cost = new double[cells];
        double[] people = new double[cells];
        for (ReplicationResult.Capitation c : caps) {
            for (int y = 0; y < c.years(); y++) {
                for (int k = 0; k < cells; k++) {
                    cost[k] += (stopLoss ? c.sumCapped() : c.sum())[y][k];
                    people[k] += c.count()[y][k];
                }
            }
        }
        int over = 0;
        int years = 0;
        double sumRatio = 0;
        double sumRatio2 = 0;
        for (ReplicationResult.Capitation c : caps) {
            for (int y = 0; y < c.years(); y++) {
                double budget = 0;
                double spend = 0;
                for (int k = 0; k < cells; k++) {
                    if (people[k] > 0) {
                        budget += c.count()[y][k] * cost[k] / people[k];
                    }
                    spend += (stopLoss ? c.sumCapped() : c.sum())[y][k];
                }
                double ratio = spend / budget;
                over += ratio > 1 + margin ? 1 : 0;
                years++;
                sumRatio += ratio;
                sumRatio2 += ratio * ratio;
            }
        }
        double mean = sumRatio / years;
        double cv = years > 1 ? Math.sqrt(Math.max(0, (sumRatio2 - years * mean * mean) / (years - 1))) / mean : Double.NaN;
        return new Risk(over, years, cv);
    }

    /** Smallest population from which the value stays below the tolerance at every larger size (null: never). */
    static Integer smallest(List<SizeReading> readings, java.util.function.ToDoubleFunction<SizeReading> value,
                            double tolerance) {
        Integer from = null;
        for (int i = readings.size() - 1; i >= 0; i--) {
            double v = value.applyAsDouble(readings.get(i));
            if (!(v < tolerance)) {
                break;
            }
            from = readings.get(i).population();
        }
        return from;
    }

    /**
     * Per-capita annual cost of the capacity-limited community services at full staffing, with the minimum_unit
     * rule ([0]) and at their per-capita rate alone ([1]).
     */
    static double[] teamCost(Scenario s) {
        int n = s.population().size();
        Scenario.Services v = s.services();
        double[][] services = {
                {v.stepUp().places(n), v.stepUp().per100k(), 365 * s.costs().stepUpDay()},
                {v.icBeds().capacity().places(n), v.icBeds().capacity().per100k(), 365 * s.costs().icBedDay()},
                {v.reablement().capacity().places(n), v.reablement().capacity().per100k(),
                        s.costs().reablementEpisode() * 365 / v.reablement().meanDays()},
        };
        double actual = 0;
        double rate = 0;
        for (double[] x : services) {
            actual += x[0] * x[2] / n;
            rate += x[1] * x[2] / 100_000;
        }
        return new double[] {actual, rate};
    }

    private static double stopLossOf(PointRuns runs, List<Point> points) {
        return runs.scenario(points.get(0)).costing().stopLossThreshold();
    }

    private static Object threshold(Integer n) {
        return n == null ? "not within the sizes run" : (Object) n;
    }

    static String against(Integer n, int seed, List<Integer> sizes) {
        if (n == null) {
            return "not reached by " + String.format(Locale.ROOT, "%,d", sizes.get(sizes.size() - 1)) + ": the seed's "
                    + String.format(Locale.ROOT, "%,d", seed) + " is optimistic here";
        }
        if (n > seed) {
            return "larger than the seed's: " + String.format(Locale.ROOT, "%,d", seed) + " is optimistic here";
        }
        if (n < seed) {
            return "smaller than the seed's: " + String.format(Locale.ROOT, "%,d", seed) + " is cautious here";
        }
        return "the same as the seed's";
    }

    private static String text(Integer n, List<Integer> sizes) {
        return n == null ? "no size run (up to " + String.format(Locale.ROOT, "%,d", sizes.get(sizes.size() - 1)) + ")"
                : String.format(Locale.ROOT, "%,d", n);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static List<Integer> populations(ExperimentSpec spec) throws ScenarioException {
        Object v = spec.parameter("populations", List.of(10_000, 25_000, 50_000, 100_000, 250_000, 500_000));
        if (v instanceof List<?> l && l.size() >= 2 && l.stream().allMatch(x -> x instanceof Integer i && i >= 1000)) {
            List<Integer> sizes = l.stream().map(x -> (Integer) x).sorted().toList();
            return sizes;
        }
        throw new ScenarioException(spec.file(), "parameters.populations", "must list at least two population sizes "
                + "≥ 1,000, e.g. [10000, 25000, 50000, 100000, 250000, 500000]");
    }
}
