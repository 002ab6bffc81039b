package icsim.experiment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The MODEL.md §9 calibration targets for the fragmented baseline (England), as data: which metric, the
 * target value and the band it must fall in, and the source. {@code CalibrationTest} asserts them and
 * {@code icsim targets} reports them (docs/validation.md).
 *
 * <p>Three targets cannot be met together with the others (docs/calibration.md, "Targets that cannot be met
 * together with the others"): the 65–74 and 85+ age shares, deaths within a year of admission and the top 1 %
 * share of acute cost. Each carries a {@link Gap}: why, and the range the model is held to instead, so that
 * it cannot drift unseen.
 */
public final class CalibrationTargets {

    private CalibrationTargets() {
    }

    /** How a value is shown: shares as percentages, rates and days as numbers. */
    public enum Unit {
        /** A count or rate, shown as is (e.g. per 1,000). */
        RATE(""),
        /** Days, shown as is with " d". */
        DAYS(" d"),
        /** A share in [0, 1], shown as a percentage. */
        SHARE(" %");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** The displayed number: a share times 100, anything else unchanged. */
        public double display(double v) {
            return this == SHARE ? 100 * v : v;
        }

        public String suffix() {
            return suffix;
        }
    }

    /** The band a target's model value must fall in, as MODEL.md §9 states it. */
    public sealed interface Band {
        double low(double value);

        double high(double value);

        /** The band as MODEL.md §9 writes it, for a target of this value and unit, e.g. "93 ± 15 %" or "28–38 %". */
        String describe(double value, Unit unit);
    }

    /** Within ± fraction of the value (MODEL.md §9: rates and means within ±15 %). */
    public record Relative(double fraction) implements Band {
        @Override
        public double low(double value) {
            return value * (1 - fraction);
        }

        @Override
        public double high(double value) {
            return value * (1 + fraction);
        }

        @Override
        public String describe(double value, Unit unit) {
            return plain(unit.display(value)) + unit.suffix() + " ± " + plain(100 * fraction) + " %";
        }
    }

    /** An absolute band low–high, in the metric's own units (a share band as fractions). */
    public record Absolute(double low, double high) implements Band {
        @Override
        public double low(double value) {
            return low;
        }

        @Override
        public double high(double value) {
            return high;
        }

        @Override
        public String describe(double value, Unit unit) {
            return plain(unit.display(low)) + "–" + plain(unit.display(high)) + unit.suffix();
        }
    }

    /** Within ± points of a share (MODEL.md §9: each frailty share within ±3 points); never below 0. */
    public record Points(double points) implements Band {
        @Override
        public double low(double value) {
            return Math.max(0, value - points / 100);
        }

        @Override
        public double high(double value) {
            return value + points / 100;
        }

        @Override
        public String describe(double value, Unit unit) {
            return plain(unit.display(value)) + unit.suffix() + " ± " + plain(points) + " pts";
        }
    }

    /**
     * A target the model cannot meet together with the others (docs/calibration.md).
     *
     * @param why         one sentence: why the target is out of reach
     * @param bound       what the model can reach instead, in words
     * @param reachableLow  the model's value is held within [reachableLow, reachableHigh] so that it cannot drift unseen
     * @param reachableHigh see reachableLow
     */
    public record Gap(String why, String bound, double reachableLow, double reachableHigh) {
        public boolean reachable(double v) {
            return v >= reachableLow && v <= reachableHigh;
        }
    }

    /**
     * One MODEL.md §9 target.
     *
     * @param metric   the metric id in summary.csv
     * @param label    what it is, in words
     * @param value    the target value, in the metric's units (shares as fractions)
     * @param band     the band the model's mean must fall in
     * @param unit     how values are shown
     * @param decimals decimals shown for the model's value (in displayed units)
     * @param source   where the target comes from
     * @param gap      null for a target the model must meet; otherwise why it cannot and what it reaches
     */
    public record Target(String metric, String label, double value, Band band, Unit unit, int decimals,
                         String source, Gap gap) {
        public double low() {
            return band.low(value);
        }

        public double high() {
            return band.high(value);
        }

        public boolean within(double v) {
            return v >= low() && v <= high();
        }

        public boolean isGap() {
            return gap != null;
        }

        /** The target and band as MODEL.md §9 writes them, e.g. "93 ± 15 %". */
        public String describeBand() {
            return band.describe(value, unit);
        }

        /** A model value in this target's displayed units, e.g. "92.7" or "33.4 %". */
        public String format(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", unit.display(v)) + unit.suffix()
                    : "n/a";
        }

        /** A model value in displayed units without the unit suffix. */
        public String number(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", unit.display(v)) : "n/a";
        }
    }

    /** MODEL.md §9: rates and means within ±15 %. */
    public static final Band WITHIN_15_PCT = new Relative(0.15);
    /** MODEL.md §9: each frailty share within ±3 points. */
    public static final Band THREE_POINTS = new Points(3);

    private static final String AGE_GAP_WHY = "With 65+ deaths at 4.3 % a year and deaths replaced at 65, the stationary "
            + "65+ population lives ~23 years past 65, so it is older than England's growing 2021 population; meeting "
            + "the shares would need 65+ mortality near 5.3 %.";

    /** The MODEL.md §9 targets, in MODEL.md order. */
    public static final List<Target> ALL = List.of(
            // population and deaths
            new Target("share_65_74", "population aged 65–74 (share)", 0.098, WITHIN_15_PCT, Unit.SHARE, 1,
                    "ONS Census 2021",
                    new Gap(AGE_GAP_WHY, "at most ~8 % (10/23 of the 65+) in steady state", 0.070, 0.098 * 1.15)),
            new Target("share_75_84", "population aged 75–84 (share)", 0.061, WITHIN_15_PCT, Unit.SHARE, 1,
                    "ONS Census 2021", null),
            new Target("share_85plus", "population aged 85+ (share)", 0.025, WITHIN_15_PCT, Unit.SHARE, 1,
                    "ONS 2020-based projections",
                    new Gap(AGE_GAP_WHY, "about 4–4.5 % in the stationary structure", 0.025 * 0.85, 0.050)),
            new Target("frailty_fit_share_65plus", "65+ who are fit (eFI)", 0.50, THREE_POINTS, Unit.SHARE, 1,
                    "Clegg 2016 (split not verified)", null),
            new Target("frailty_mild_share_65plus", "65+ with mild frailty (eFI)", 0.35, THREE_POINTS, Unit.SHARE, 1,
                    "Clegg 2016 (split not verified)", null),
            new Target("frailty_moderate_share_65plus", "65+ with moderate frailty (eFI)", 0.12, THREE_POINTS, Unit.SHARE, 1,
                    "Clegg 2016 (split not verified)", null),
            new Target("frailty_severe_share_65plus", "65+ with severe frailty (eFI)", 0.03, THREE_POINTS, Unit.SHARE, 1,
                    "Clegg 2016 (split not verified)", null),
            new Target("deaths_per_1000", "deaths per 1,000 a year", 10, WITHIN_15_PCT, Unit.RATE, 2,
                    "ONS (MODEL.md §2)", null),
            new Target("death_rate_65plus", "deaths a year among the 65+ (share)", 0.043, WITHIN_15_PCT, Unit.SHARE, 2,
                    "MODEL.md §2 group death rates", null),
            // admissions and stays
            new Target("emergency_admissions_per_1000", "emergency admissions per 1,000 a year", 93, WITHIN_15_PCT,
                    Unit.RATE, 1, "Health Foundation 2023 (5.27M in 2022)", null),
            new Target("emergency_admissions_per_1000_65plus", "emergency admissions per 1,000 aged 65+", 245,
                    WITHIN_15_PCT, Unit.RATE, 1, "IAU, Wolters 2019 (2016/17, derived)", null),
            new Target("mean_los_days_overnight", "mean stay of emergency stays ≥ 1 night", 9.1, WITHIN_15_PCT,
                    Unit.DAYS, 2, "Health Foundation 2023", null),
            new Target("mean_los_days_85plus", "mean stay ≥ 1 night, aged 85+", 12.5, WITHIN_15_PCT, Unit.DAYS, 2,
                    "Health Foundation 2023", null),
            new Target("same_day_share", "same-day emergency admissions (share)", 0.33, new Absolute(0.28, 0.38),
                    Unit.SHARE, 1, "Steventon 2018", null),
            new Target("ae_admitted_share_65plus", "65+ A&E attenders admitted (share)", 0.47, new Absolute(0.42, 0.52),
                    Unit.SHARE, 1, "Gilbert & Conroy 2017", null),
            // beds
            new Target("acute_occupancy_mean", "acute bed occupancy (mean)", 0.925, new Absolute(0.90, 0.95),
                    Unit.SHARE, 1, "KH03 G&A occupancy (HSJ; King's Fund)", null),
            new Target("mffd_bed_share", "share of acute bed days medically fit for discharge", 0.13,
                    new Absolute(0.11, 0.15), Unit.SHARE, 1, "Health Foundation 2023 (13,000 of ~100,000 beds)", null),
            // after admission
            new Target("readmission_30d_rate", "30-day emergency readmission (share of discharges)", 0.07, WITHIN_15_PCT,
                    Unit.SHARE, 2, "Blunt 2015", null),
            new Target("mortality_1y_after_admission", "deaths within a year of an emergency admission (share)", 0.22,
                    WITHIN_15_PCT, Unit.SHARE, 1, "Moore 2018 (medical admissions, Scotland)",
                    new Gap("With ~10 deaths and ~93 admissions (~65 people admitted) per 1,000 a year, even if every death "
                            + "followed an admission the share could not exceed ~15 %; Moore 2018 counts emergency medical "
                            + "admissions in Scotland, a frailer subset.", "at most ~15 %", 0.07, 0.15)),
            new Target("top1pct_acute_cost_share", "share of acute cost spent on the top 1 % of people", 0.32,
                    WITHIN_15_PCT, Unit.SHARE, 1, "Kelly 2015 (all hospital spend)",
                    new Gap("The model holds emergency care only, where A&E attendances spread cost thinly; the source counts "
                            + "all hospital spend, elective and outpatient included. A lower risk_shape raises the share but "
                            + "pushes readmissions above 8 %.", "about 22 %", 0.20, 0.32 * 1.15)));

    /** MODEL.md §9 consistency check: ~32M emergency bed days a year in England ≈ 155 occupied beds per 100,000. */
    public static final double OCCUPIED_BEDS_PER_100K = 155;

    /** The target for a metric id, or null. */
    public static Target of(String metric) {
        for (Target t : ALL) {
            if (t.metric().equals(metric)) {
                return t;
            }
        }
        return null;
    }

    /** A number without trailing zeros: 93, 9.8, 12.5, 4.3. */
    static String plain(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
