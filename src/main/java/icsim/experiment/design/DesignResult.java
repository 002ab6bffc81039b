package icsim.experiment.design;

import icsim.output.Table;

import java.util.List;

/**
 * What a design concludes.
 *
 * @param verdict  computed from the simulated numbers: {@link Verdict#HOLDS}, {@link Verdict#DOES_NOT_HOLD}, or
 *                 {@link Verdict#NOT_A_LAW} for designs that measure rather than test (sweep, scale, evaluation)
 * @param summary  one or more sentences that state the verdict with the numbers behind it
 * @param tables   the result tables, in reading order; the first is the verdict table
 * @param charts   series to draw in the report (may be empty)
 */
public record DesignResult(Verdict verdict, String summary, List<Table> tables, List<Chart> charts) {

    public enum Verdict {
        HOLDS("holds"), DOES_NOT_HOLD("does not hold"), NOT_A_LAW("measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A line chart: x values shared by every series; each series has a mean and optionally a 95 % band.
     *
     * @param lows  per series the band's lower edge, or null for no band
     */
    public record Chart(String title, String xLabel, String yLabel, double[] x, List<String> names, List<double[]> means,
                        List<double[]> lows, List<double[]> highs) {
    }
}
