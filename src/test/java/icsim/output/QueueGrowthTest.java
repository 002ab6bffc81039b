package icsim.output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueGrowthTest {
    private static RunSummary withWaiting(double[] acute, double[] homeCare) {
        ReplicationResult.DailySeries series = new ReplicationResult.DailySeries(List.of("acute_beds", "home_care"),
                new double[][]{new double[acute.length], new double[acute.length]}, new double[][]{acute, homeCare});
        return new RunSummary(List.of(new ReplicationResult(0, Map.of("x", 1.0), Map.of(), Map.of(), series, List.of(), 0, 0)));
    }

    @Test
    void aGrowingListIsFlaggedAndASteadyOneIsNot() {
        int days = 400;
        double[] growing = new double[days];
        double[] steady = new double[days];
        for (int d = 0; d < days; d++) {
            growing[d] = d / 10.0;                 // 0 -> 40 people
            steady[d] = 3 + (d % 7 == 5 ? 4 : 0);  // weekly bumps, no trend
        }
        List<String> w = QueueGrowth.warnings(withWaiting(growing, steady));
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("acute_beds: the waiting list grows from 5.0 to 35.0 people"), w.get(0));
    }

    @Test
    void shortOrEmptySeriesGiveNoWarning() {
        assertTrue(QueueGrowth.warnings(withWaiting(new double[3], new double[3])).isEmpty());
    }
}
