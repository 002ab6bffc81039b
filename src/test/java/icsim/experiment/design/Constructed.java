package icsim.experiment.design;

import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;

/** Paired differences built to order, for testing verdict logic on inputs where the answer is known. */
final class Constructed {
    private Constructed() {
    }

    /**
     * Ten replications around baseMean; the scenario is the baseline times (1 + change), plus ± noise (alternating),
     * so the interval is tight when noise is small and straddles zero when noise is large.
     */
    static Difference difference(double baseMean, double change, double noise) {
        int n = 10;
        double[] b = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = baseMean * (1 + 0.01 * (i % 3));
            s[i] = b[i] * (1 + change) + (i % 2 == 0 ? noise : -noise) * (1 + 0.1 * i);
        }
        return PairedComparison.difference("m", b, s);
    }

    static MeaningfulDifference.Judged judged(double change, double noise, boolean lowerIsBetter) {
        return MeaningfulDifference.judge("x", difference(1000, change, noise), 0.05, lowerIsBetter);
    }
}
