package icsim.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every check made on a bound {@link Scenario}, in one place: no missing values, each number inside its
 * {@link Bounds}, then the cross-field rules (shares summing to 1, day ranges in order, known referral routes,
 * a name). The first violation found is returned with its YAML path.
 */
final class ScenarioRules {
    /** Tolerance of the sum-to-one rules. */
    static final double SUM_TOLERANCE = 1e-6;

    /** Referral routes into step-up care that the model knows. */
    static final List<String> REFERRAL_ROUTES = List.of("gp", "nhs111", "ambulance", "case_manager", "ae_front_door");

    /** Sectors of the ledger (MODEL.md §4). */
    static final List<String> SECTORS = List.of("primary", "community", "acute", "social_care");

    /** Services a pooled budget can reinvest savings in. */
    static final List<String> REINVESTABLE = List.of("home_care", "reablement", "step_up", "ic_beds");

    static final List<String> CASE_FINDING_RULES = List.of("prior_admissions", "predicted_risk");

    static final List<String> COVERAGE_RULES = List.of("all", "predicted_risk", "cohorts");

    /** The groups' labels, which are the model's cohort labels (icsim.model.Cohort). */
    static final List<String> COHORTS = YamlSchema.keys(Scenario.Groups.class);

    /** Record types whose numbers are shares of a whole and must sum to 1 (unless listed in WEIGHT_PATHS). */
    private static final Set<Class<?>> SUM_TO_ONE = Set.of(
            Scenario.PopulationShares.class, Scenario.FrailtySplit.class, Scenario.NeedMix.class,
            Scenario.FirstContact.class);

    /** Share-type records used as relative weights: each just ≥ 0, any total. */
    private static final Set<String> WEIGHT_PATHS = Set.of("community_referrals.frailty_weights");

    private ScenarioRules() {
    }

    /** A broken rule: where (path of keys and list indices) and what is wrong, with the fix. */
    record Violation(List<Object> path, String problem) {
        String yamlPath() {
            return YamlSchema.format(path);
        }
    }

    /** The first broken rule of a scenario, or null if it is valid. */
    static Violation check(Scenario s) {
        if (s == null) {
            return new Violation(List.of(), "the file has no scenario in it (write the scenario's keys)");
        }
        Violation v = checkValues(s, List.of());
        if (v != null) {
            return v;
        }
        return checkCrossField(s);
    }

    // ---- values: nulls and @Bounds -------------------------------------------------------------------------

    private static Violation checkValues(Record r, List<Object> path) {
        boolean weights = WEIGHT_PATHS.contains(YamlSchema.format(path));
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            List<Object> p = YamlSchema.child(path, YamlSchema.yamlName(c));
            Object value = get(r, c);
            if (value == null) {
                return new Violation(p, "has no value (give " + YamlSchema.describeType(c.getGenericType()) + ")");
            }
            Violation v;
            if (value instanceof Number n) {
                v = checkNumber(n, c.getAnnotation(Bounds.class), weights, p);
            } else if (value instanceof Record child) {
                v = checkValues(child, p);
            } else if (value instanceof List<?> list) {
                v = checkList(list, c, p);
            } else {
                v = null;
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation checkList(List<?> list, RecordComponent c, List<Object> path) {
        for (int i = 0; i < list.size(); i++) {
            List<Object> p = YamlSchema.child(path, i);
            Object e = list.get(i);
            if (e == null) {
                return new Violation(p, "has no value (remove the empty list item or give "
                        + YamlSchema.describeType(YamlSchema.typeAt(p)) + ")");
            }
            if (e instanceof Record r) {
                Violation v = checkValues(r, p);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Violation checkNumber(Number n, Bounds bounds, boolean weight, List<Object> path) {
        double v = n.doubleValue();
        boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short;
        String got = integral ? n.toString() : YamlSchema.number(v);
        if (!integral && !Double.isFinite(v)) {
            return new Violation(path, "must be a finite number, got " + got);
        }
        double min;
        double max;
        String what;
        if (weight) {
            min = 0;
            max = Double.POSITIVE_INFINITY;
            what = "";
        } else if (bounds != null) {
            min = bounds.min();
            max = bounds.max();
            what = bounds.what();
        } else {
            return null;
        }
        if (v >= min && v <= max) {
            return null;
        }
        return new Violation(path, rangeText(min, max, what) + ", got " + got);
    }

    /** "must be ≥ 0", "must be a probability between 0 and 1", "must be between 1 and 50". */
    static String rangeText(double min, double max, String what) {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        String subject = what == null || what.isBlank() ? "" : what.strip() + " ";
        if (subject.isEmpty() && min == 0 && max == 1) {
            subject = "a probability ";
        }
        if (hasMin && hasMax) {
            return "must be " + subject + "between " + YamlSchema.number(min) + " and " + YamlSchema.number(max);
        }
        if (hasMin) {
            return "must be " + subject + "≥ " + YamlSchema.number(min);
        }
        if (hasMax) {
            return "must be " + subject + "≤ " + YamlSchema.number(max);
        }
        return "must be " + (subject.isEmpty() ? "a number" : subject.strip());
    }

    // ---- cross-field rules ---------------------------------------------------------------------------------

    private record Node(List<Object> path, Record value) {
    }

    private static Violation checkCrossField(Scenario s) {
        if (s.name().isBlank()) {
            return new Violation(List.of("name"), "must not be empty (give the scenario a name)");
        }
        if (s.run().years() != Math.rint(s.run().years())) {
            return new Violation(List.of("run", "years"), "must be a whole number of years (results are reported by year), got "
                    + s.run().years());
        }
        String structure = s.population().initialStructure();
        if (!"stationary".equals(structure) && !"given".equals(structure)) {
            return new Violation(List.of("population", "initial_structure"),
                    "must be 'stationary' or 'given', got '" + structure + "'");
        }
        if (s.costing().stopLossThreshold() <= 0) {
            return new Violation(List.of("costing", "stop_loss_threshold"),
                    "must be > 0 (£ of one person's annual cost above which stop-loss cover pays), got "
                            + YamlSchema.number(s.costing().stopLossThreshold()));
        }
        Violation pool = checkSharedPool(s);
        if (pool != null) {
            return pool;
        }
        Scenario.Payment pay = s.payment();
        Scenario.SectorPayment[] sectors = {pay.primary(), pay.community(), pay.acute(), pay.socialCare()};
        String[] names = {"primary", "community", "acute", "social_care"};
        for (int i = 0; i < sectors.length; i++) {
            String regime = sectors[i].regime();
            if (!List.of("activity", "block", "capitation", "none").contains(regime)) {
                return new Violation(List.of("payment", names[i], "regime"),
                        "must be one of activity, block, capitation, none; got '" + regime + "'");
            }
        }
        List<Node> nodes = new ArrayList<>();
        collect(s, List.of(), nodes);
        for (Node node : nodes) {
            String at = YamlSchema.format(node.path());
            Violation v = null;
            if (WEIGHT_PATHS.contains(at)) {
                v = checkWeights(s, node);
            } else if (SUM_TO_ONE.contains(node.value().getClass())) {
                v = checkSumToOne(node);
            } else if (node.value() instanceof Scenario.DayRange range) {
                v = checkDayRange(range, node.path());
            } else if (node.value() instanceof Scenario.MechanismCosts costs) {
                v = checkChoice(YamlSchema.child(node.path(), "sector"), costs.sector(), SECTORS);
            }
            if (v != null) {
                return v;
            }
        }
        Violation v = checkRoutes(s.stepUp().referralRoutes(), List.of("step_up", "referral_routes"));
        if (v == null) {
            v = checkChoice(List.of("ae", "when_no_bed"), s.ae().whenNoBed(), List.of("wait", "divert"));
        }
        if (v == null) {
            v = checkChoice(List.of("severity", "los_distribution"), s.severity().losDistribution(),
                    List.of("lognormal", "exponential"));
        }
        return v != null ? v : checkIntegration(s.integration());
    }

    /** A background that is admitted must stay somewhere: a mean stay of 0 would be admissions without bed days. */
    private static Violation checkSharedPool(Scenario s) {
        Scenario.SharedPool pool = s.services().sharedPool();
        if (!pool.pools(s.population().size())) {
            return null;
        }
        List<Object> base = List.of("services", "shared_pool");
        if (pool.acuteAdmissionsPer1000() > 0 && pool.acuteMeanStayDays() <= 0) {
            return new Violation(YamlSchema.child(base, "acute_mean_stay_days"),
                    "must be > 0 while acute_admissions_per_1000 is above 0 (give the background's mean stay in days)");
        }
        if (pool.careHomeAdmissionsPer1000() > 0 && pool.careHomeMeanStayDays() <= 0) {
            return new Violation(YamlSchema.child(base, "care_home_mean_stay_days"),
                    "must be > 0 while care_home_admissions_per_1000 is above 0 (give the background's mean stay in days)");
        }
        return null;
    }

    private static Violation checkIntegration(Scenario.Integration in) {
        List<Object> base = List.of("integration");
        Violation v = checkChoice(YamlSchema.child(base, "level"), in.level(), ScenarioLoader.levels());
        if (v == null) {
            v = checkRoutes(in.referralRoutes().routes(), List.of("integration", "referral_routes", "routes"));
        }
        if (v == null && in.d2a().capacity().initialOccupancy() != 0) {
            v = new Violation(List.of("integration", "d2a", "capacity", "initial_occupancy"),
                    "must be 0: discharge to assess starts with integration, at the end of warm-up, so its places start empty");
        }
        List<Object> pooled = YamlSchema.child(base, "pooled_budget");
        List<String> sectors = in.pooledBudget().sectors();
        if (v == null && in.pooledBudget().enabled() && sectors.isEmpty()) {
            v = new Violation(YamlSchema.child(pooled, "sectors"),
                    "is empty while the pooled budget is enabled (list the sectors it holds, e.g. [community, social_care])");
        }
        for (int i = 0; v == null && i < sectors.size(); i++) {
            List<Object> at = YamlSchema.child(YamlSchema.child(pooled, "sectors"), i);
            v = checkChoice(at, sectors.get(i), SECTORS);
            if (v == null && sectors.subList(0, i).contains(sectors.get(i))) {
                v = new Violation(at, "sector '" + sectors.get(i) + "' is listed twice (remove one)");
            }
        }
        if (v == null) {
            v = checkChoice(YamlSchema.child(pooled, "reinvest_into"), in.pooledBudget().reinvestInto(), REINVESTABLE);
        }
        List<Object> finding = YamlSchema.child(base, "case_finding");
        if (v == null) {
            v = checkChoice(YamlSchema.child(finding, "rule"), in.caseFinding().rule(), CASE_FINDING_RULES);
        }
        if (v == null) {
            v = checkChoice(YamlSchema.child(finding, "ages"), in.caseFinding().ages(), List.of("over65", "all"));
        }
        return v != null ? v : checkCoverage(in.coverage(), YamlSchema.child(base, "coverage"));
    }

    private static Violation checkCoverage(Scenario.Coverage c, List<Object> at) {
        Violation v = checkChoice(YamlSchema.child(at, "rule"), c.rule(), COVERAGE_RULES);
        if (v == null && !(c.share() > 0 && c.share() <= 1)) {
            v = new Violation(YamlSchema.child(at, "share"), "must be above 0 and at most 1 (the share of the population "
                    + "covered; 1 = everyone), got " + YamlSchema.number(c.share()));
        }
        List<Object> listAt = YamlSchema.child(at, "cohorts");
        if (v == null && "cohorts".equals(c.rule()) && c.cohorts().isEmpty()) {
            v = new Violation(listAt, "is empty while rule is cohorts (list the cohorts covered, e.g. "
                    + "[over65_moderate, over65_severe])");
        }
        for (int i = 0; v == null && i < c.cohorts().size(); i++) {
            String cohort = c.cohorts().get(i);
            List<Object> p = YamlSchema.child(listAt, i);
            if (!COHORTS.contains(cohort)) {
                String hint = YamlSchema.suggest(cohort, COHORTS);
                v = new Violation(p, "unknown cohort '" + cohort + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + "; allowed: " + String.join(", ", COHORTS));
            } else if (c.cohorts().subList(0, i).contains(cohort)) {
                v = new Violation(p, "cohort '" + cohort + "' is listed twice (remove one)");
            }
        }
        return v;
    }

    /** A text value that must be one of a fixed set. */
    private static Violation checkChoice(List<Object> path, String value, List<String> allowed) {
        if (allowed.contains(value)) {
            return null;
        }
        String hint = YamlSchema.suggest(value, allowed);
        return new Violation(path, "unknown value '" + value + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                + "; allowed: " + String.join(", ", allowed));
    }

    private static void collect(Record r, List<Object> path, List<Node> out) {
        out.add(new Node(path, r));
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object value = get(r, c);
            List<Object> p = YamlSchema.child(path, YamlSchema.yamlName(c));
            if (value instanceof Record child) {
                collect(child, p, out);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Record child) {
                        collect(child, YamlSchema.child(p, i), out);
                    }
                }
            }
        }
    }

    private static Violation checkSumToOne(Node node) {
        double sum = 0;
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : node.value().getClass().getRecordComponents()) {
            if (get(node.value(), c) instanceof Number n) {
                sum += n.doubleValue();
                keys.add(YamlSchema.yamlName(c));
            }
        }
        if (Math.abs(sum - 1) <= SUM_TOLERANCE) {
            return null;
        }
        return new Violation(node.path(), "shares must sum to 1, got " + YamlSchema.number(sum)
                + " (adjust " + String.join(" + ", keys) + " to total 1)");
    }

    private static Violation checkWeights(Scenario s, Node node) {
        double sum = 0;
        for (RecordComponent c : node.value().getClass().getRecordComponents()) {
            if (get(node.value(), c) instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        Scenario.CommunityReferrals cr = s.communityReferrals();
        boolean referrals = cr.reablement() > 0 || cr.newPackage() > 0 || cr.careHome() > 0;
        if (sum > 0 || !referrals) {
            return null;
        }
        return new Violation(node.path(),
                "weights are all 0 while community referral rates are above 0 (give at least one weight above 0)");
    }

    private static Violation checkDayRange(Scenario.DayRange range, List<Object> path) {
        if (range.min() <= range.max()) {
            return null;
        }
        return new Violation(path, "min must be ≤ max, got min " + YamlSchema.number(range.min()) + " and max "
                + YamlSchema.number(range.max()) + " (swap them)");
    }

    private static Violation checkRoutes(List<String> routes, List<Object> base) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            String route = routes.get(i);
            List<Object> p = YamlSchema.child(base, i);
            if (!REFERRAL_ROUTES.contains(route)) {
                String hint = YamlSchema.suggest(route, REFERRAL_ROUTES);
                return new Violation(p, "unknown referral route '" + route + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + "; allowed: " + String.join(", ", REFERRAL_ROUTES));
            }
            if (!seen.add(route)) {
                return new Violation(p, "referral route '" + route + "' is listed twice (remove one)");
            }
        }
        return null;
    }

    private static Object get(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e.getCause());
        }
    }
}
