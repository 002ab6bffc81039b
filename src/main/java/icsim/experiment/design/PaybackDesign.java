package icsim.experiment.design;

import icsim.output.CsvReports;
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
 * Leutz's second law, "integration costs before it pays" (MODEL.md §8, L2): the cumulative net cost of the
 * {@code intervention} arm against the base, month by month, paired by replication, in both costing perspectives;
 * decomposed into set-up, running cost, activity change and maturity lag (the activity saving lost because the
 * mechanisms mature over {@code integration.maturity.years} rather than at once); rerun with set-up costs of zero
 * and at other maturity times. Holds when the 12-month net cost is meaningfully above zero and break-even comes
 * within the horizon.
 */
final class PaybackDesign implements Design {
    static final String INTERVENTION = "intervention";
    private static final int ECONOMIC = 0;

    /** A month series of paired net cost (intervention − base): means and 95 % interval. */
    record Curve(double[] mean, double[] low, double[] high) {
        int months() {
            return mean.length;
        }
    }

    /** What the verdict reads off one curve. */
    record Reading(double net12, double net12Low, double net12High, double troughCost, int troughMonth,
                   int breakEvenMonth, int confirmedMonth, double netEnd, double netEndLow, double netEndHigh) {
    }

    @Override
    public DesignResult execute(ExperimentSpec spec, PointRuns runs) throws ScenarioException {
        Point base = Points.base(spec);
        ExperimentSpec.Arm arm = Points.arm(spec, INTERVENTION);
        Point intervention = Points.of(spec, INTERVENTION, arm, Map.of(), Map.of("arm", INTERVENTION));
        runs.prepare(List.of(base, intervention));
        Scenario s = runs.scenario(intervention);
        if (s.run().years() * 12 < 13) {
            throw new ScenarioException(spec.file(), "set.run.years", "L2 needs more than 12 measured months to "
                    + "judge both parts of the law (set run.years: 5)");
        }
        Map<String, Object> noSetup = new LinkedHashMap<>();
        for (IntegrationProfile.Mechanism m : IntegrationProfile.mechanisms(s)) {
            noSetup.put("integration." + m.key() + ".costs.setup_per_100k", 0);
        }
        Point zeroSetup = Points.of(spec, "set-up 0", arm, noSetup, Map.of("arm", "set-up 0"));
        Point immediate = Points.of(spec, "mature at once", arm, Map.of("integration.maturity.years", 0),
                Map.of("arm", "mature at once"));
        double shippedMaturity = s.integration().maturity().years();
        List<Point> maturities = new ArrayList<>();
        for (Object y : list(spec.parameter("maturity_years", List.of(2, 4, 6)), spec)) {
            double years = ((Number) y).doubleValue();
            if (years != shippedMaturity) {
                maturities.add(Points.of(spec, "maturity " + Paired.label(years) + " y", arm,
                        Map.of("integration.maturity.years", years), Map.of("arm", "maturity")));
            }
        }
        List<Point> all = new ArrayList<>(List.of(base, intervention, zeroSetup, immediate));
        all.addAll(maturities);
        runs.prepare(all);
        RunSummary b = runs.run(base);
        Map<String, RunSummary> variants = new LinkedHashMap<>();
        variants.put("as specified (maturity " + Paired.label(shippedMaturity) + " y)", runs.run(intervention));
        variants.put("set-up cost 0", runs.run(zeroSetup));
        for (Point p : maturities) {
            variants.put(p.name(), runs.run(p));
        }
        RunSummary atOnce = runs.run(immediate);

        double spend12 = Paired.mean(Paired.values(runs.run(intervention), "integration_setup_cost_total"))
                + Paired.mean(Paired.values(runs.run(intervention), "integration_running_cost"));
        Table.Builder verdictTable = new Table.Builder("l2_payback.csv",
                "Cumulative net cost against " + Points.BASE + " (intervention − base, £, paired by replication)",
                "variant", "perspective", "net_cost_12m", "ci_low_12m", "ci_high_12m", "trough_cost", "trough_month",
                "break_even_month", "break_even_month_ci", "net_cost_at_horizon", "ci_low_horizon", "ci_high_horizon");
        Table.Builder byMonth = new Table.Builder("l2_net_cost_by_month.csv", "Cumulative net cost by month",
                "variant", "perspective", "month", "net_cost", "ci_low", "ci_high");
        Reading primary = null;
        Curve primaryCurve = null;
        Curve zeroSetupCurve = null;
        for (Map.Entry<String, RunSummary> v : variants.entrySet()) {
            for (int p = 0; p < CsvReports.PERSPECTIVE_NAMES.size(); p++) {
                Curve c = curve(b, v.getValue(), p);
                Reading r = read(c);
                String perspective = CsvReports.PERSPECTIVE_NAMES.get(p);
                verdictTable.row(v.getKey(), perspective, r.net12(), r.net12Low(), r.net12High(), r.troughCost(),
                        r.troughMonth(), month(r.breakEvenMonth()), month(r.confirmedMonth()), r.netEnd(),
                        r.netEndLow(), r.netEndHigh());
                for (int m = 0; m < c.months(); m++) {
                    byMonth.row(v.getKey(), perspective, m + 1, c.mean()[m], c.low()[m], c.high()[m]);
                }
                if (p == ECONOMIC && primary == null) {
                    primary = r;
                    primaryCurve = c;
                } else if (p == ECONOMIC && zeroSetupCurve == null) {
                    zeroSetupCurve = c;
                }
            }
        }
        Table decomposition = decomposition(b, runs.run(intervention), atOnce);
        String summary = verdictText(primary, spend12, spec.materiality(), primaryCurve.months());
        boolean holds = holds(primary, spend12, spec.materiality());
        DesignResult.Chart chart = new DesignResult.Chart("Cumulative net cost against the base, economic perspective",
                "month since integration started", "£ (intervention − base)", months(primaryCurve.months()),
                List.of("as specified", "set-up cost 0"), List.of(primaryCurve.mean(), zeroSetupCurve.mean()),
                List.of(primaryCurve.low(), zeroSetupCurve.low()), List.of(primaryCurve.high(), zeroSetupCurve.high()));
        return new DesignResult(holds ? DesignResult.Verdict.HOLDS : DesignResult.Verdict.DOES_NOT_HOLD, summary,
                List.of(verdictTable.build(), decomposition, byMonth.build()), List.of(chart));
    }

    /** Paired net cost per month in one perspective. */
    static Curve curve(RunSummary base, RunSummary scenario, int perspective) {
        int months = base.results().get(0).months();
        double[] mean = new double[months];
        double[] low = new double[months];
        double[] high = new double[months];
        for (int m = 0; m < months; m++) {
            Difference d = PairedComparison.difference("cumulative_cost", CsvReports.cumulative(base, perspective, m),
                    CsvReports.cumulative(scenario, perspective, m));
            mean[m] = d.diffMean();
            low[m] = d.ciLow();
            high[m] = d.ciHigh();
        }
        return new Curve(mean, low, high);
    }

    /**
     * Break-even month: the first month from which the mean net cost stays at or below zero to the horizon;
     * confirmed: from which the interval stays below zero. 0 when never within the horizon.
     */
    static Reading read(Curve c) {
        int n = c.months();
        int m12 = Math.min(12, n) - 1;
        int trough = 0;
        for (int m = 1; m < n; m++) {
            if (c.mean()[m] > c.mean()[trough]) {
                trough = m;
            }
        }
        int breakEven = 0;
        int confirmed = 0;
        for (int m = n - 1; m >= 0 && c.mean()[m] <= 0; m--) {
            breakEven = m + 1;
        }
        for (int m = n - 1; m >= 0 && c.high()[m] < 0; m--) {
            confirmed = m + 1;
        }
        return new Reading(c.mean()[m12], c.low()[m12], c.high()[m12], Math.max(0, c.mean()[trough]),
                c.mean()[trough] > 0 ? trough + 1 : 0, breakEven, confirmed, c.mean()[n - 1], c.low()[n - 1],
                c.high()[n - 1]);
    }

    /**
     * The law's two parts: a meaningful net cost at 12 months (interval above zero and at least the materiality
     * share of what integration spent in its first year) and a confirmed break-even within the horizon.
     */
    static boolean holds(Reading r, double firstYearSpend, double materiality) {
        return costsFirst(r, firstYearSpend, materiality) && r.confirmedMonth() > 0;
    }

    static boolean costsFirst(Reading r, double firstYearSpend, double materiality) {
        return r.net12Low() > 0 && r.net12() >= materiality * firstYearSpend;
    }

    static String verdictText(Reading r, double firstYearSpend, double materiality, int horizon) {
        boolean costs = costsFirst(r, firstYearSpend, materiality);
        boolean pays = r.confirmedMonth() > 0;
        String first = String.format(Locale.ROOT, "At 12 months the intervention has cost £%s net (95%% CI %s to %s; "
                        + "integration spent £%s in its first year)", money(r.net12()), money(r.net12Low()),
                money(r.net12High()), money(firstYearSpend));
        String second = pays
                ? String.format(Locale.ROOT, "it breaks even in month %d (interval below zero from month %d on), "
                + "after a trough of £%s in month %d", r.breakEvenMonth(), r.confirmedMonth(), money(r.troughCost()),
                r.troughMonth())
                : String.format(Locale.ROOT, "it does not break even within the %d-month horizon (net cost at the "
                + "horizon £%s, 95%% CI %s to %s)", horizon, money(r.netEnd()), money(r.netEndLow()), money(r.netEndHigh()));
        String verdict;
        if (costs && pays) {
            verdict = "Leutz's second law holds (economic perspective): integration costs before it pays.";
        } else if (costs) {
            verdict = "The law does not hold as stated: integration costs and never pays back within the horizon.";
        } else if (pays) {
            verdict = "The law does not hold: there is no meaningful up-front net cost before it pays.";
        } else {
            verdict = "The law does not hold: no meaningful up-front net cost, and no break-even within the horizon.";
        }
        return verdict + " " + first + "; " + second + ".";
    }

    /** Net cost at each year end split into set-up, running cost, activity change and maturity lag. */
    private static Table decomposition(RunSummary base, RunSummary intervention, RunSummary atOnce) {
        Table.Builder t = new Table.Builder("l2_decomposition.csv", "Cumulative net cost at each year end, decomposed "
                + "(economic, £ means; activity change = net − set-up − running; maturity lag = the activity saving "
                + "still missing because the mechanisms mature gradually)",
                "month", "net_cost", "setup", "running", "activity_change", "maturity_lag");
        Curve net = curve(base, intervention, ECONOMIC);
        Curve instant = curve(base, atOnce, ECONOMIC);
        double setup = Paired.mean(Paired.values(intervention, "integration_setup_cost_total"));
        double runningPerYear = Paired.mean(Paired.values(intervention, "integration_running_cost"));
        for (int m = 12; m <= net.months(); m += 12) {
            double running = runningPerYear * m / 12.0;
            double activity = net.mean()[m - 1] - setup - running;
            t.row(m, net.mean()[m - 1], setup, running, activity, net.mean()[m - 1] - instant.mean()[m - 1]);
        }
        return t.build();
    }

    private static List<?> list(Object value, ExperimentSpec spec) throws ScenarioException {
        if (value instanceof List<?> l && l.stream().allMatch(v -> v instanceof Number n && n.doubleValue() >= 0)) {
            return l;
        }
        throw new ScenarioException(spec.file(), "parameters.maturity_years", "must be a list of years ≥ 0, e.g. [2, 4, 6]");
    }

    private static double[] months(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static Object month(int m) {
        return m == 0 ? "not within horizon" : (Object) m;
    }

    static String money(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String s = a >= 1e6 ? String.format(Locale.ROOT, "%.2fm", a / 1e6)
                : a >= 1e3 ? String.format(Locale.ROOT, "%.0fk", a / 1e3) : String.format(Locale.ROOT, "%.0f", a);
        return (v < 0 ? "−" : "") + s;
    }
}
