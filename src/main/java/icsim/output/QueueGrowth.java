package icsim.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags services whose waiting list keeps growing through the run: demand above capacity, so the results
 * depend on how long the run is rather than describing a steady state (MODEL.md §9 calls such a queue a
 * scenario error, not a result).
 */
public final class QueueGrowth {
    private QueueGrowth() {
    }

    /** One line per service whose mean list in the last quarter of the run is well above the first quarter's. */
    public static List<String> warnings(RunSummary summary) {
        ReplicationResult.DailySeries s = summary.meanSeries();
        List<String> warnings = new ArrayList<>();
        int days = s.days();
        int quarter = days / 4;
        if (quarter == 0) {
            return warnings;
        }
        for (int i = 0; i < s.services().size(); i++) {
            double first = mean(s.waiting()[i], 0, quarter);
            double last = mean(s.waiting()[i], days - quarter, days);
            if (last > Math.max(2 * first, first + 5)) {
                warnings.add(String.format(Locale.ROOT,
                        "%s: the waiting list grows from %.1f to %.1f people over the run: demand exceeds capacity, "
                                + "so results depend on the run length (add capacity or reduce demand)",
                        s.services().get(i), first, last));
            }
        }
        return warnings;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int d = from; d < to; d++) {
            sum += values[d];
        }
        return sum / (to - from);
    }
}
