package icsim.engine;

/** A level that changes at event times (beds in use, people at home), integrated over time per period. */
public final class TimeWeighted {
    private final Periods periods;
    private final double[] integral;
    private double level;
    private double since;

    public TimeWeighted(Periods periods) {
        this.periods = periods;
        this.integral = new double[periods.count()];
    }

    public double level() {
        return level;
    }

    public void set(double t, double newLevel) {
        periods.addInterval(integral, since, t, level);
        since = t;
        level = newLevel;
    }

    public void add(double t, double delta) {
        set(t, level + delta);
    }

    /** Integral of the level over period p (level x days), brought up to time t first. */
    public double integral(double t, int p) {
        set(t, level);
        return integral[p];
    }
}
