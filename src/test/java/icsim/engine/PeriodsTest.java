package icsim.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PeriodsTest {
    private static final double EPS = 1e-9;
    private final Periods periods = new Periods(182.5, 3);

    @Test
    void basicAccessors() {
        assertEquals(4, periods.count());
        assertEquals(3, periods.measuredYears());
        assertEquals(182.5, periods.warmupDays());
        assertEquals(182.5 + 3 * 365, periods.endDay());
        assertEquals(0.0, periods.start(0));
        assertEquals(182.5, periods.start(1));
        assertEquals(547.5, periods.start(2));
        assertEquals(912.5, periods.start(3));
    }

    @Test
    void ofGivesZeroDuringWarmupThenYears() {
        assertEquals(0, periods.of(0));
        assertEquals(0, periods.of(100));
        assertEquals(0, periods.of(182.49));
        assertEquals(1, periods.of(182.5));
        assertEquals(1, periods.of(547.49));
        assertEquals(2, periods.of(547.5));
        assertEquals(2, periods.of(912.49));
        assertEquals(3, periods.of(912.5));
        assertEquals(3, periods.of(1277.49));
        assertEquals(3, periods.of(1277.5), "end of run belongs to the last year");
        assertEquals(3, periods.of(5000), "past the end is clamped to the last year");
    }

    @Test
    void noWarmup() {
        Periods p = new Periods(0, 2);
        assertEquals(1, p.of(0));
        assertEquals(2, p.of(365));
        double[] acc = new double[p.count()];
        p.addInterval(acc, 0, 730, 1);
        assertArrayEquals(new double[] {0, 365, 365}, acc, EPS);
    }

    @Test
    void addIntervalSplitsAcrossWarmupAndYearBoundaries() {
        double[] acc = new double[periods.count()];
        periods.addInterval(acc, 100, 600, 1);
        assertArrayEquals(new double[] {82.5, 365, 52.5, 0}, acc, EPS);
    }

    @Test
    void addIntervalAppliesWeightAndAccumulates() {
        double[] acc = new double[periods.count()];
        periods.addInterval(acc, 100, 600, 2);
        periods.addInterval(acc, 10, 20, 0.5);
        assertArrayEquals(new double[] {2 * 82.5 + 5, 730, 105, 0}, acc, EPS);
    }

    @Test
    void addIntervalSpanningEverythingAndBeyondEnd() {
        double[] acc = new double[periods.count()];
        periods.addInterval(acc, 0, 1400, 1);
        // the tail past the end of the run (1277.5) is kept in the last year
        assertArrayEquals(new double[] {182.5, 365, 365, 365 + 122.5}, acc, EPS);
        double total = 0;
        for (double v : acc) {
            total += v;
        }
        assertEquals(1400, total, EPS);
    }

    @Test
    void addIntervalInsideOnePeriodAndAtBoundaries() {
        double[] acc = new double[periods.count()];
        periods.addInterval(acc, 600, 700, 1);
        assertArrayEquals(new double[] {0, 0, 100, 0}, acc, EPS);
        acc = new double[periods.count()];
        periods.addInterval(acc, 182.5, 547.5, 1); // exactly year 1
        assertArrayEquals(new double[] {0, 365, 0, 0}, acc, EPS);
        acc = new double[periods.count()];
        periods.addInterval(acc, 2000, 2100, 3); // entirely past the end
        assertArrayEquals(new double[] {0, 0, 0, 300}, acc, EPS);
    }

    @Test
    void emptyReversedOrZeroWeightIntervalsAddNothing() {
        double[] acc = new double[periods.count()];
        periods.addInterval(acc, 100, 100, 1);
        periods.addInterval(acc, 300, 200, 1);
        periods.addInterval(acc, 100, 600, 0);
        assertArrayEquals(new double[4], acc);
    }

    @Test
    void negativeWeightSubtracts() {
        double[] acc = new double[periods.count()];
        periods.addInterval(acc, 500, 600, -1);
        assertArrayEquals(new double[] {0, -47.5, -52.5, 0}, acc, EPS);
    }
}
