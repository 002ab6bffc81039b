package icsim.experiment.design;

import icsim.experiment.design.MeaningfulDifference.Effect;
import icsim.experiment.design.MeaningfulDifference.Judged;
import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;
import icsim.output.RunSummary;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leutz's fifth law, "the one who integrates calls the tune" (MODEL.md §8, L5): the same annual investment, led
 * by acute, primary or social care, each spending it where its own sector gains. Each lead's allocation (shares of
 * the investment by target) becomes extra places at their annual cost, after the running cost of any mechanism the
 * lead switches on. Every single-target allocation is run too, to find the best allocation and each lead's
 * shortfall from it. Holds when the primary outcome differs meaningfully between some pair of leads.
 */
final class LeadDesign implements Design {

    /** What the investment can buy: the scenario path of its capacity and the annual cost of one unit. */
    enum Target {
        IC_BEDS("ic_beds", "services.ic_beds.capacity.per_100k", null),
        STEP_UP("step_up", "services.step_up.per_100k", null),
        REABLEMENT("reablement", "services.reablement.capacity.per_100k", null),
        HOME_CARE("home_care", "services.home_care.capacity.per_100k", null),
        D2A("d2a", "integration.d2a.capacity.per_100k", "integration.d2a.enabled"),
        CASE_MANAGEMENT("case_management", "integration.case_management.fte_per_100k", "integration.case_management.enabled");

        final String key;
        final String path;
        /** The mechanism the target needs switched on; its capacity then starts from zero. */
        final String mechanism;

        Target(String key, String path, String mechanism) {
            this.key = key;
            this.path = path;
            this.mechanism = mechanism;
        }

        static Target of(String key) {
            for (Target t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            return null;
        }

        /** £ a year for one place (one FTE for case management) at full use, from the scenario's unit costs. */
        double annualCost(Scenario s) {
            return switch (this) {
                case IC_BEDS -> 365 * s.costs().icBedDay();
                case STEP_UP -> 365 * s.costs().stepUpDay();
                case REABLEMENT -> s.costs().reablementEpisode() * 365 / s.services().reablement().meanDays();
                case HOME_CARE -> s.services().homeCare().hoursPerWeek() * s.costs().homeCareHour() * 365 / 7;
                case D2A -> 365 * s.integration().d2a().costPerDay();
                case CASE_MANAGEMENT -> s.integration().caseManagement().costPerFte();
            };
        }

        /** The capacity (per 100k) the base scenario already has of it in use. */
        double baseLevel(Scenario s) {
            return switch (this) {
                case IC_BEDS -> s.services().icBeds().capacity().per100k();
                case STEP_UP -> s.services().stepUp().per100k();
                case REABLEMENT -> s.services().reablement().capacity().per100k();
                case HOME_CARE -> s.services().homeCare().capacity().per100k();
                case D2A -> s.integration().d2a().enabled() ? s.integration().d2a().capacity().per100k() : 0;
                case CASE_MANAGEMENT -> s.integration().caseManagement().enabled()
                        ? s.integration().caseManagement().ftePer100k() : 0;
            };
        }
    }

    /** One allocation as run: its point and what it bought. */
    record Allocation(String name, boolean lead, String description, Point point) {
    }

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        String primary = Points.primary(spec, "acute_bed_days");
        boolean lower = MeaningfulDifference.lowerIsBetter(primary);
        double investment = Parameters.number(spec, "investment_per_100k", Double.NaN, 1e-9,
                "an amount in £ a year > 0, e.g. 2000000");
        Map<String, Map<String, Double>> leads = leads(spec);
        Point base = Points.base(spec);
        runs.prepare(List.of(base));
        Scenario b = runs.scenario(base);

        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> lead : leads.entrySet()) {
            ExperimentSpec.Arm arm = spec.arms().stream().filter(a -> a.name().equals(lead.getKey())).findFirst().orElse(null);
            allocations.add(allocation(spec, runs, b, lead.getKey(), true, arm, lead.getValue(), investment));
        }
        for (Target t : Target.values()) {
            allocations.add(allocation(spec, runs, b, "all into " + t.key, false, null, Map.of(t.key, 1.0), investment));
        }
        List<Point> points = new ArrayList<>(List.of(base));
        allocations.forEach(a -> points.add(a.point()));
        runs.prepare(points);
        RunSummary baseRun = runs.run(base);
        Map<String, RunSummary> results = new LinkedHashMap<>();
        Map<String, Difference> family = new LinkedHashMap<>();
        for (Allocation a : allocations) {
            RunSummary r = runs.run(a.point());
            results.put(a.name(), r);
            if (a.lead()) {
                family.put(a.name(), Paired.difference(baseRun, r, primary));
            }
        }
        Map<String, Judged> judged = MeaningfulDifference.judge(family, spec.materiality(), lower);
        String best = null;
        double bestValue = Double.NaN;
        for (Allocation a : allocations) {
            double d = Paired.difference(baseRun, results.get(a.name()), primary).diffMean();
            if (best == null || (lower ? d < bestValue : d > bestValue)) {
                best = a.name();
                bestValue = d;
            }
        }
        double baseMean = Paired.mean(Paired.values(baseRun, primary));

        Table.Builder leadTable = new Table.Builder("l5_leads.csv", primary + " for each lead against the base, "
                + "and its shortfall from the best allocation found (" + best + "); effect: Holm across leads and ≥ "
                + SweepDesign.percent(spec.materiality()) + " of the baseline",
                "lead", "allocation", "difference", "ci_low", "ci_high", "relative_change", "effect",
                "shortfall_from_best", "ci_low_shortfall", "ci_high_shortfall");
        for (Allocation a : allocations) {
            if (!a.lead()) {
                continue;
            }
            Judged j = judged.get(a.name());
            Difference shortfall = PairedComparison.difference(primary, Paired.values(results.get(best), primary),
                    Paired.values(results.get(a.name()), primary));
            leadTable.row(a.name(), a.description(), j.difference().diffMean(), j.difference().ciLow(),
                    j.difference().ciHigh(), j.difference().relChange(), j.effect().text(), shortfall.diffMean(),
                    shortfall.ciLow(), shortfall.ciHigh());
        }
        Map<String, Difference> pairs = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(family.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int k = i + 1; k < names.size(); k++) {
                Difference d = PairedComparison.difference(primary, Paired.values(results.get(names.get(i)), primary),
                        Paired.values(results.get(names.get(k)), primary));
                pairs.put(names.get(k) + " − " + names.get(i), Paired.relativeTo(d, baseMean));
            }
        }
        Map<String, Judged> pairJudged = MeaningfulDifference.judge(pairs, spec.materiality(), lower);
        Table.Builder pairTable = new Table.Builder("l5_lead_pairs.csv", "Leads against each other on " + primary
                + " (paired by replication; Holm across pairs; relative to the base)",
                "pair", "difference", "ci_low", "ci_high", "relative_change", "meaningful");
        pairJudged.forEach((name, j) -> pairTable.row(name, j.difference().diffMean(), j.difference().ciLow(),
                j.difference().ciHigh(), j.difference().relChange(), j.meaningful() ? "yes" : "no"));

        Table.Builder payers = new Table.Builder("l5_who_pays.csv", "Who pays and who gains: change in annual cost "
                + "against the base by payer and by sector (£, economic; negative = saves)",
                "allocation", "cost_nhs", "cost_local_authority", "cost_self_funder", "cost_primary", "cost_community",
                "cost_acute", "cost_social_care", "total_cost");
        Table.Builder all = new Table.Builder("l5_allocations.csv", "Every allocation run, best first on " + primary,
                "allocation", "lead", "bought", "difference", "ci_low", "ci_high", "relative_change");
        List<Allocation> ranked = new ArrayList<>(allocations);
        ranked.sort((x, y) -> {
            double dx = Paired.difference(baseRun, results.get(x.name()), primary).diffMean();
            double dy = Paired.difference(baseRun, results.get(y.name()), primary).diffMean();
            return lower ? Double.compare(dx, dy) : Double.compare(dy, dx);
        });
        for (Allocation a : ranked) {
            Difference d = Paired.difference(baseRun, results.get(a.name()), primary);
            all.row(a.name(), a.lead() ? "yes" : "no", a.description(), d.diffMean(), d.ciLow(), d.ciHigh(), d.relChange());
        }
        for (Allocation a : allocations) {
            List<Object> row = new ArrayList<>(List.of(a.name()));
            for (String m : List.of("cost_nhs", "cost_local_authority", "cost_self_funder", "cost_primary",
                    "cost_community", "cost_acute", "cost_social_care", "total_cost")) {
                row.add(Paired.difference(baseRun, results.get(a.name()), m).diffMean());
            }
            payers.row(row.toArray());
        }
        boolean holds = holds(pairJudged);
        String summary = verdictText(holds, primary, judged, pairJudged, best, bestValue / baseMean, investment);
        return new DesignResult(holds ? DesignResult.Verdict.HOLDS : DesignResult.Verdict.DOES_NOT_HOLD, summary,
                List.of(leadTable.build(), pairTable.build(), payers.build(), all.build()), List.of());
    }

    /** Holds when some pair of leads differs meaningfully (the pairs judged as one Holm family). */
    static boolean holds(Map<String, Judged> pairs) {
        return pairs.values().stream().anyMatch(Judged::meaningful);
    }

    static String verdictText(boolean holds, String primary, Map<String, Judged> leads, Map<String, Judged> pairs,
                              String best, double bestRelative, double investment) {
        StringBuilder effects = new StringBuilder();
        leads.forEach((name, j) -> effects.append(effects.length() == 0 ? "" : ", ").append(name).append(" ")
                .append(String.format(Locale.ROOT, "%+.1f %%", 100 * j.difference().relChange()))
                .append(j.effect() == Effect.NONE ? " (not meaningful)" : ""));
        String head = holds
                ? "Leutz's fifth law holds: who leads changes the system's " + primary + " meaningfully ("
                + pairs.entrySet().stream().filter(e -> e.getValue().meaningful()).map(Map.Entry::getKey)
                .reduce((a, b) -> a + "; " + b).orElse("") + ")."
                : "The law does not hold under these parameters: no two leads differ meaningfully in " + primary + ".";
        return head + String.format(Locale.ROOT, " With £%s a year per 100,000 people: %s against fragmented care. "
                        + "The best allocation found is %s (%+.1f %%).", PaybackDesign.money(investment), effects,
                best, 100 * bestRelative);
    }

    private static Allocation allocation(ExperimentSpec spec, PointRuns runs, Scenario base, String name, boolean lead,
                                         ExperimentSpec.Arm arm, Map<String, Double> shares, double investment)
            throws ScenarioException {
        Map<String, Object> switches = new LinkedHashMap<>();
        for (String key : shares.keySet()) {
            Target t = Target.of(key);
            if (t.mechanism != null) {
                switches.put(t.mechanism, true);
            }
        }
        // the mechanisms the lead switches on are paid from the investment first
        Point probe = Points.of(spec, name + " (probe)", arm, switches, Map.of());
        runs.prepare(List.of(probe));
        Scenario s = runs.scenario(probe);
        double running = 0;
        List<IntegrationProfile.Mechanism> before = IntegrationProfile.mechanisms(base);
        List<IntegrationProfile.Mechanism> after = IntegrationProfile.mechanisms(s);
        for (int i = 0; i < after.size(); i++) {
            // a bought target's own mechanism is costed by what is bought (e.g. case managers' FTE)
            boolean bought = shares.containsKey(after.get(i).key());
            if (after.get(i).enabled() && !before.get(i).enabled() && !bought) {
                running += after.get(i).runningCostPerYear();
            }
        }
        double per100k = 100_000.0 / s.population().size();
        double left = Math.max(0, investment - running * per100k);
        Map<String, Object> overrides = new LinkedHashMap<>(switches);
        List<String> bought = new ArrayList<>();
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            Target t = Target.of(share.getKey());
            double units = share.getValue() * left / t.annualCost(s);
            overrides.put(t.path, t.baseLevel(s) + units);
            bought.add(String.format(Locale.ROOT, "%s +%.1f", t.key, units));
        }
        String description = String.join(", ", bought) + " per 100k"
                + (running > 0 ? String.format(Locale.ROOT, " (after £%s of mechanism running costs)",
                PaybackDesign.money(running * per100k)) : "");
        return new Allocation(name, lead, description, Points.of(spec, name, arm, overrides, Map.of("allocation", name)));
    }

    private static Map<String, Map<String, Double>> leads(ExperimentSpec spec) throws ScenarioException {
        Object value = spec.parameters().get("leads");
        String path = "parameters.leads";
        if (!(value instanceof Map<?, ?> map) || map.size() < 2) {
            throw new ScenarioException(spec.file(), path, "must name at least two leads, each with its allocation, "
                    + "e.g. {acute: {ic_beds: 0.5, d2a: 0.5}, primary: {case_management: 0.5, step_up: 0.5}}");
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String lead = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> shares) || shares.isEmpty()) {
                throw new ScenarioException(spec.file(), path + "." + lead, "must map targets to shares of the investment");
            }
            Map<String, Double> s = new LinkedHashMap<>();
            double sum = 0;
            for (Map.Entry<?, ?> t : shares.entrySet()) {
                String target = String.valueOf(t.getKey());
                if (Target.of(target) == null) {
                    throw new ScenarioException(spec.file(), path + "." + lead + "." + target, "unknown target (one of "
                            + String.join(", ", java.util.Arrays.stream(Target.values()).map(x -> x.key).toList()) + ")");
                }
                if (!(t.getValue() instanceof Number n) || n.doubleValue() < 0) {
                    throw new ScenarioException(spec.file(), path + "." + lead + "." + target, "must be a share ≥ 0");
                }
                s.put(target, n.doubleValue());
                sum += n.doubleValue();
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new ScenarioException(spec.file(), path + "." + lead, String.format(Locale.ROOT,
                        "shares add up to %.3f; make them add up to 1 (the same investment for every lead)", sum));
            }
            out.put(lead, s);
        }
        return out;
    }
}
