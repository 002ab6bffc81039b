package icsim.engine;

/**
 * The run's reporting periods: period 0 is the warm-up, periods 1..years are the measured years of 365
 * days. Splits intervals across period boundaries so that time integrals are exact.
 */
public final class Periods {
    public static final double YEAR = 365.0;
    private final double warmup;
    private final int years;
    private final double end;

    public Periods(double warmupDays, int years) {
        this.warmup = warmupDays;
        this.years = years;
        this.end = warmupDays + years * YEAR;
    }

    public int count() {
        return years + 1;
    }

    public int measuredYears() {
        return years;
    }

    public double warmupDays() {
        return warmup;
    }

    public double endDay() {
        return end;
    }

    /** Start of period p (p >= 1 measured). */
    public double start(int p) {
        return p == 0 ? 0 : warmup + (p - 1) * YEAR;
    }

    public int of(double t) {
        if (t < warmup) {
            return 0;
        }
        int p = 1 + (int) ((t - warmup) / YEAR);
        return Math.min(p, years);
    }

    /** Adds (b - a) x weight to acc[period] for the parts of [a, b) in each period. */
    public void addInterval(double[] acc, double a, double b, double weight) {
        if (b <= a || weight == 0) {
            return;
        }
        int p = of(a);
        while (a < b) {
            double periodEnd = p == 0 ? warmup : (p >= years ? Double.POSITIVE_INFINITY : start(p + 1));
            double upTo = Math.min(b, periodEnd);
            acc[p] += (upTo - a) * weight;
            a = upTo;
            p++;
        }
    }
}
