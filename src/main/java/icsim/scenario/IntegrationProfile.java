package icsim.scenario;

import icsim.scenario.Scenario.Integration;
import icsim.scenario.Scenario.MechanismCosts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which integration mechanisms a scenario switches on, and so which of the six dimensions of integration
 * (seeds 003/004: organisational, functional, service, clinical, normative, systemic) it touches (MODEL.md §5).
 * No mechanism in the model is normative (shared values and culture), so that dimension is never on.
 */
public final class IntegrationProfile {
    /** The six dimensions, in the order the seeds list them. */
    public static final List<String> DIMENSIONS =
            List.of("organisational", "functional", "service", "clinical", "normative", "systemic");

    /**
     * One mechanism: its YAML key, whether it is on, the dimensions it belongs to, and its cost per year at
     * full running for the scenario's population (set-up once; running a year).
     */
    public record Mechanism(String key, boolean enabled, List<String> dimensions, double setupCost,
                            double runningCostPerYear, String sector, double nhsShare) {
    }

    private IntegrationProfile() {
    }

    /** Every mechanism of the scenario, in MODEL.md §5 table order. */
    public static List<Mechanism> mechanisms(Scenario s) {
        Integration in = s.integration();
        double scale = s.population().size() / 100_000.0;
        List<Mechanism> out = new ArrayList<>();
        add(out, "shared_records", in.sharedRecords().enabled(), List.of("functional"), in.sharedRecords().costs(), 0, scale);
        add(out, "trusted_assessment", in.trustedAssessment().enabled(), List.of("service", "clinical"),
                in.trustedAssessment().costs(), 0, scale);
        add(out, "d2a", in.d2a().enabled(), List.of("service"), in.d2a().costs(), 0, scale);
        add(out, "eligibility_alignment", in.eligibilityAlignment().enabled(), List.of("systemic"),
                in.eligibilityAlignment().costs(), 0, scale);
        add(out, "pooled_budget", in.pooledBudget().enabled(), List.of("systemic", "organisational"),
                in.pooledBudget().costs(), 0, scale);
        add(out, "merged_governance", in.mergedGovernance().enabled(), List.of("organisational"),
                in.mergedGovernance().costs(), 0, scale);
        Scenario.CaseManagement cm = in.caseManagement();
        add(out, "case_management", cm.enabled(), List.of("clinical"), cm.costs(),
                cm.ftePer100k() * cm.costPerFte(), scale);
        add(out, "referral_routes", in.referralRoutes().enabled(), List.of("service"), in.referralRoutes().costs(), 0, scale);
        add(out, "front_door_frailty", in.frontDoorFrailty().enabled(), List.of("clinical"), in.frontDoorFrailty().costs(), 0, scale);
        add(out, "integrated_follow_up", in.integratedFollowUp().enabled(), List.of("clinical"),
                in.integratedFollowUp().costs(), 0, scale);
        add(out, "care_home_support", in.careHomeSupport().enabled(), List.of("clinical"), in.careHomeSupport().costs(), 0, scale);
        return out;
    }

    private static void add(List<Mechanism> out, String key, boolean enabled, List<String> dimensions,
                            MechanismCosts c, double extraRunningPer100k, double scale) {
        out.add(new Mechanism(key, enabled, dimensions, c.setupPer100k() * scale,
                (c.runningPer100k() + extraRunningPer100k) * scale, c.sector(), c.nhsShare()));
    }

    /** The dimensions at least one enabled mechanism belongs to, in {@link #DIMENSIONS} order. */
    public static List<String> dimensionsOn(Scenario s) {
        Set<String> on = new LinkedHashSet<>();
        for (Mechanism m : mechanisms(s)) {
            if (m.enabled()) {
                on.addAll(m.dimensions());
            }
        }
        return DIMENSIONS.stream().filter(on::contains).toList();
    }

    /**
     * One line for a report, e.g. "integration: level coordination; dimensions on: functional, service,
     * clinical; off: organisational, normative, systemic; mechanisms on: shared_records, ...", ending with
     * "; covering ..." when the mechanisms act on less than everyone.
     */
    public static String summary(Scenario s) {
        List<String> on = dimensionsOn(s);
        List<String> off = DIMENSIONS.stream().filter(d -> !on.contains(d)).toList();
        List<String> mechanisms = mechanisms(s).stream().filter(Mechanism::enabled).map(Mechanism::key).toList();
        String coverage = coverage(s);
        return String.format(Locale.ROOT, "integration: level %s; dimensions on: %s; off: %s; mechanisms on: %s%s",
                s.integration().level(), on.isEmpty() ? "none" : String.join(", ", on),
                off.isEmpty() ? "none" : String.join(", ", off),
                mechanisms.isEmpty() ? "none" : String.join(", ", mechanisms),
                coverage.equals("everyone") ? "" : "; covering " + coverage);
    }

    /** Who the mechanisms act on: "everyone", "the top 5 % by predicted risk" or "cohorts a, b". */
    public static String coverage(Scenario s) {
        Scenario.Coverage c = s.integration().coverage();
        return switch (c.rule()) {
            case "predicted_risk" -> c.share() >= 1 ? "everyone"
                    : String.format(Locale.ROOT, "the top %s %% by predicted risk", YamlSchema.number(100 * c.share()));
            case "cohorts" -> "cohorts " + String.join(", ", c.cohorts());
            default -> "everyone";
        };
    }
}
