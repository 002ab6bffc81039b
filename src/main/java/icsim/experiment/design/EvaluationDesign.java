package icsim.experiment.design;

import icsim.experiment.EvaluationDesigns;
import icsim.output.Estimate;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluation designs (MODEL.md §8.5): the {@code intervention} arm (co-ordination, case-finding by prior
 * admissions) evaluated as a before/after study of the enrolled, against matched controls, and against the CRN
 * counterfactual (the same people in the base run), to show how much of the apparent effect is regression to the
 * mean. The analysis is {@link EvaluationDesigns}; this turns it into the experiment's tables.
 */
final class EvaluationDesign implements Design {
    static final String INTERVENTION = "intervention";

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        Point base = Points.base(spec);
        Point intervention = Points.of(spec, INTERVENTION, Points.arm(spec, INTERVENTION), Map.of(),
                Map.of("arm", INTERVENTION));
        runs.prepare(List.of(base, intervention));
        Scenario in = runs.scenario(intervention);
        Scenario cf = runs.scenario(base);
        if (!in.integration().caseManagement().enabled()) {
            throw new ScenarioException(spec.file(), "arms.intervention", "enrols nobody: the evaluation needs case "
                    + "management on (integration.case_management.enabled: true)");
        }
        int months = (int) Parameters.number(spec, "window_months", 12, 1, "a whole number of months ≥ 1");
        int cap = (int) Parameters.number(spec, "count_cap", 5, 1, "a whole number ≥ 1");
        if (in.run().years() * 12 < 2 * months + 1) {
            throw new ScenarioException(spec.file(), "set.run.years", String.format(Locale.ROOT, "a %d-month window "
                    + "before and after enrolment needs more than %d measured months (set run.years: %d or more)",
                    months, 2 * months, (2 * months) / 12 + 1));
        }
        Object never = spec.parameter("never_enrolled_controls", false);
        if (!(never instanceof Boolean)) {
            throw new ScenarioException(spec.file(), "parameters.never_enrolled_controls", "must be true or false");
        }
        long start = System.nanoTime();
        EvaluationDesigns.Result r = EvaluationDesigns.run(in, cf, EvaluationDesigns.Settings.of(in, months, months,
                cap, (Boolean) never), runs.threads(), null);
        double wall = (System.nanoTime() - start) / 1e9;
        runs.note(intervention, wall / 2);
        runs.note(base, wall / 2);
        return new DesignResult(DesignResult.Verdict.NOT_A_LAW, summary(r), tables(r, months), List.of());
    }

    static List<Table> tables(EvaluationDesigns.Result r, int months) {
        Table.Builder effects = new Table.Builder("evaluation.csv", String.format(Locale.ROOT, "Effect of case "
                        + "management on emergency admissions per enrolled person in the %d months from enrolment, "
                        + "by evaluation design (mean over replications, 95 %% interval)", months),
                "design", "effect_mean", "ci_low", "ci_high", "relative_change", "replications", "people");
        effects.row("before/after", r.beforeAfter().mean(), r.beforeAfter().ciLow(), r.beforeAfter().ciHigh(),
                r.beforeAfter().mean() / r.before().mean(), r.beforeAfter().n(), r.totalEnrolled());
        effects.row("matched controls", r.matched().mean(), r.matched().ciLow(), r.matched().ciHigh(),
                r.matched().mean() / r.controlAfter().mean(), r.matched().n(), r.totalWithControl());
        effects.row("CRN counterfactual (true effect)", r.counterfactual().mean(), r.counterfactual().ciLow(),
                r.counterfactual().ciHigh(), r.counterfactual().mean() / r.counterfactualAfter().mean(),
                r.counterfactual().n(), r.totalEnrolled());
        effects.row("bias of matched controls", r.matchedBias().mean(), r.matchedBias().ciLow(),
                r.matchedBias().ciHigh(), null, r.matchedBias().n(), r.totalWithControl());
        effects.row("regression to the mean share", r.rtmShare().mean(), r.rtmShare().ciLow(), r.rtmShare().ciHigh(),
                null, r.rtmShare().n(), r.totalEnrolled());
        Table.Builder means = new Table.Builder("evaluation_means.csv", String.format(Locale.ROOT, "Admissions per "
                + "person in the %d months before and from enrolment (95 %% interval over replications)", months),
                "group", "window", "mean", "ci_low", "ci_high");
        row(means, "enrolled", "before", r.before());
        row(means, "enrolled", "after", r.after());
        row(means, "enrolled with a control", "before", r.matchedEnrolledBefore());
        row(means, "enrolled with a control", "after", r.matchedEnrolledAfter());
        row(means, "matched controls", "before", r.controlBefore());
        row(means, "matched controls", "after", r.controlAfter());
        row(means, "same people, counterfactual run", "before", r.counterfactualBefore());
        row(means, "same people, counterfactual run", "after", r.counterfactualAfter());
        Table.Builder counts = new Table.Builder("evaluation_counts.csv", "Who was analysed, per replication",
                "measure", "mean", "ci_low", "ci_high");
        counts.row("enrolled analysed", r.enrolled().mean(), r.enrolled().ciLow(), r.enrolled().ciHigh());
        counts.row("share matched to a control", r.matchedShare().mean(), r.matchedShare().ciLow(), r.matchedShare().ciHigh());
        counts.row("share who died in the window after", r.diedShare().mean(), r.diedShare().ciLow(), r.diedShare().ciHigh());
        counts.row("replications without an analysable enrolment", (double) r.omitted(), null, null);
        return List.of(effects.build(), means.build(), counts.build());
    }

    static String summary(EvaluationDesigns.Result r) {
        Estimate ba = r.beforeAfter();
        Estimate crn = r.counterfactual();
        Estimate rtm = r.rtmShare();
        Estimate matched = r.matched();
        return String.format(Locale.ROOT, "A before/after study of the enrolled sees emergency admissions fall by %.2f "
                        + "per person (%+.0f %%). Against the same people in the counterfactual run, the true effect is "
                        + "%+.3f (95%% CI %+.3f to %+.3f, %+.1f %%): %.0f %% (95%% CI %.1f to %.1f %%) of the apparent "
                        + "effect is regression to the mean. Matched controls estimate %+.3f (95%% CI %+.3f to %+.3f), "
                        + "a bias of %+.3f against the counterfactual.", -ba.mean(), 100 * ba.mean() / r.before().mean(),
                crn.mean(), crn.ciLow(), crn.ciHigh(), 100 * crn.mean() / r.counterfactualAfter().mean(),
                100 * rtm.mean(), 100 * rtm.ciLow(), 100 * rtm.ciHigh(), matched.mean(), matched.ciLow(),
                matched.ciHigh(), r.matchedBias().mean());
    }

    private static void row(Table.Builder t, String group, String window, Estimate e) {
        t.row(group, window, e.mean(), e.ciLow(), e.ciHigh());
    }
}
