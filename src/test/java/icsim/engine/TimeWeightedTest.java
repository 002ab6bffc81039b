package icsim.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeWeightedTest {
    private static final double EPS = 1e-9;

    /** Warm-up [0,10), year 1 [10,375), year 2 [375, 740) and beyond. */
    private final Periods periods = new Periods(10, 2);

    @Test
    void integralOfStepFunctionEqualsHandComputedArea() {
        TimeWeighted tw = new TimeWeighted(periods);
        assertEquals(0.0, tw.level());
        tw.set(0, 2);      // 2 on [0,5)
        tw.set(5, 4);      // 4 on [5,20)
        tw.add(20, -1);    // 3 on [20,400)
        assertEquals(3.0, tw.level());
        tw.set(400, 0);    // 0 on [400,600)
        tw.add(600, 1.5);  // 1.5 on [600, 800)
        // period 0: 2*5 + 4*5 = 30
        // period 1: 4*10 + 3*355 = 1105
        // period 2: 3*25 + 0*200 + 1.5*200 = 375
        assertEquals(30, tw.integral(800, 0), EPS);
        assertEquals(1105, tw.integral(800, 1), EPS);
        assertEquals(375, tw.integral(800, 2), EPS);
        assertEquals(1.5, tw.level(), "reading the integral does not change the level");
    }

    @Test
    void readingMidwayDoesNotDoubleCount() {
        TimeWeighted tw = new TimeWeighted(periods);
        tw.set(0, 1);
        assertEquals(7, tw.integral(7, 0), EPS);
        assertEquals(10, tw.integral(10, 0), EPS);
        assertEquals(90, tw.integral(100, 1), EPS);
        tw.set(200, 2);
        // period 1: 1*190 + 2*175
        assertEquals(190 + 350, tw.integral(375, 1), EPS);
        assertEquals(10, tw.integral(375, 0), EPS);
        assertEquals(2 * 25, tw.integral(400, 2), EPS);
    }

    @Test
    void initialLevelIsZeroUntilFirstSet() {
        TimeWeighted tw = new TimeWeighted(periods);
        tw.set(8, 5); // level 0 on [0,8)
        assertEquals(5 * 2, tw.integral(10, 0), EPS);
        assertEquals(5 * 5, tw.integral(15, 1), EPS);
    }

    @Test
    void repeatedSetsAtSameTimeUseTheLastLevel() {
        TimeWeighted tw = new TimeWeighted(periods);
        tw.set(2, 100);
        tw.set(2, 1);
        tw.add(2, 1); // level 2 from t=2
        assertEquals(2 * 8, tw.integral(10, 0), EPS);
    }
}
