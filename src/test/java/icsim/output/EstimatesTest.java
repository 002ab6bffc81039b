package icsim.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatesTest {

    @Test
    void oneToFiveMatchesHandComputedStudentT() {
        Estimate e = Estimates.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, e.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), e.sd(), 1e-12); // 1.5811
        // t(0.975, 4) = 2.776445; half-width = 2.776445 * 1.5811 / sqrt(5) = 1.963243
        assertEquals(1.963243, e.halfWidth(), 1e-6);
        assertEquals(3 - 1.963243, e.ciLow(), 1e-6);
        assertEquals(3 + 1.963243, e.ciHigh(), 1e-6);
        assertEquals(5, e.n());
    }

    @Test
    void tQuantileMatchesTables() {
        assertEquals(2.776445, Estimates.tQuantile(0.975, 4), 1e-6);
        assertEquals(12.706205, Estimates.tQuantile(0.975, 1), 1e-6);
    }

    @Test
    void otherConfidenceLevel() {
        Estimate e = Estimates.of(new double[] {1, 2, 3, 4, 5}, 0.90);
        // t(0.95, 4) = 2.131847
        assertEquals(2.131847 * Math.sqrt(2.5) / Math.sqrt(5), e.halfWidth(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Estimates.of(new double[] {1}, 1.0));
    }

    @Test
    void singleValueHasZeroSdAndDegenerateInterval() {
        Estimate e = Estimates.of(new double[] {7.5});
        assertEquals(new Estimate(7.5, 0, 7.5, 7.5, 1), e);
        assertEquals(0.0, e.halfWidth());
    }

    @Test
    void nanValuesAreSkippedAndNotCounted() {
        Estimate e = Estimates.of(new double[] {Double.NaN, 2, 4, Double.NaN});
        assertEquals(2, e.n());
        assertEquals(3.0, e.mean(), 1e-12);
        assertEquals(Math.sqrt(2), e.sd(), 1e-12);
    }

    @Test
    void allNanGivesNanAndZeroCount() {
        Estimate e = Estimates.of(new double[] {Double.NaN, Double.NaN});
        assertEquals(0, e.n());
        assertTrue(Double.isNaN(e.mean()) && Double.isNaN(e.sd()) && Double.isNaN(e.ciLow())
                && Double.isNaN(e.ciHigh()));
        assertEquals("", Csv.num(e.mean()));
        assertEquals(0, Estimates.of(new double[0]).n());
    }

    @Test
    void twoSidedPOfStudentT() {
        // df 1 is Cauchy: P(|T| > 1) = 1/2; df 2: p = 1 - |t| / sqrt(2 + t²)
        assertEquals(0.5, Estimates.twoSidedP(1, 1), 1e-12);
        assertEquals(1 - 3 / Math.sqrt(11), Estimates.twoSidedP(-3, 2), 1e-12);
        assertEquals(1.0, Estimates.twoSidedP(0, 5), 1e-15);
        assertTrue(Estimates.twoSidedP(40, 10) > 0, "tiny p-values are not rounded to 0");
        assertTrue(Double.isNaN(Estimates.twoSidedP(Double.NaN, 3)) && Double.isNaN(Estimates.twoSidedP(2, 0)));
    }
}
