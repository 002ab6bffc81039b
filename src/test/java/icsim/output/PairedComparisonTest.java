package icsim.output;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedComparisonTest {
    static final double NAN = Double.NaN;

    @Test
    void fourPairsMatchHandComputedPairedT() {
        // d = 1, 3, 1, 3: mean 2, sd sqrt(4/3) = 1.154701, se = 0.577350, t = 2 / 0.577350 = 2*sqrt(3)
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {10, 12, 14, 16},
                new double[] {11, 15, 15, 19});
        assertEquals("m", d.metric());
        assertEquals(4, d.n());
        assertEquals(13.0, d.baselineMean(), 1e-12);
        assertEquals(15.0, d.mean(), 1e-12);
        assertEquals(2.0, d.diffMean(), 1e-12);
        assertEquals(Math.sqrt(4.0 / 3), d.diffSd(), 1e-12);
        // t(0.975, 3) = 3.1824463; half-width = 3.1824463 * 0.5773503 = 1.8373863
        assertEquals(2 - 1.8373863, d.ciLow(), 1e-6);
        assertEquals(2 + 1.8373863, d.ciHigh(), 1e-6);
        assertEquals(2.0 / 13, d.relChange(), 1e-12);
        assertTrue(d.significant());
        // df 3: F(t) = 1/2 + (u/(1+u²) + atan u)/pi with u = t/sqrt(3) = 2, so p = 1 - (2/5 + atan 2) * 2/pi
        assertEquals(1 - (0.4 + Math.atan(2)) * 2 / Math.PI, d.pValue(), 1e-10); // 0.040519
        assertFalse(d.significantHolm(), "Holm is applied across metrics, not by difference()");
    }

    @Test
    void replicationsWithANanOnEitherSideAreDropped() {
        // kept pairs: (10, 11), (16, 19), (12, 15): d = 1, 3, 3
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {10, NAN, 14, 16, 12},
                new double[] {11, 5, Double.POSITIVE_INFINITY, 19, 15});
        assertEquals(3, d.n());
        assertEquals(38.0 / 3, d.baselineMean(), 1e-12, "baseline mean over the kept pairs only");
        assertEquals(15.0, d.mean(), 1e-12);
        assertEquals(7.0 / 3, d.diffMean(), 1e-12);
        assertEquals(Math.sqrt(4.0 / 3), d.diffSd(), 1e-12);
        // se = 2/3, t = 3.5, t(0.975, 2) = 4.302653; df 2: p = 1 - t / sqrt(2 + t²)
        assertEquals(7.0 / 3 - 4.302653 * 2 / 3, d.ciLow(), 1e-6);
        assertEquals(7.0 / 3 + 4.302653 * 2 / 3, d.ciHigh(), 1e-6);
        assertEquals(1 - 3.5 / Math.sqrt(14.25), d.pValue(), 1e-10); // 0.072827
        assertFalse(d.significant(), "the interval contains 0");
    }

    @Test
    void noPairsLeavesEverythingUndefined() {
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {NAN, 1}, new double[] {2, NAN});
        assertEquals(0, d.n());
        assertTrue(Double.isNaN(d.baselineMean()) && Double.isNaN(d.diffMean()) && Double.isNaN(d.pValue()));
        assertFalse(d.significant());
        assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.difference("m", new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void onePairHasADifferenceButNoIntervalOrTest() {
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {4}, new double[] {5});
        assertEquals(1, d.n());
        assertEquals(1.0, d.diffMean());
        assertEquals(0.25, d.relChange());
        assertTrue(Double.isNaN(d.diffSd()) && Double.isNaN(d.ciLow()) && Double.isNaN(d.ciHigh()));
        assertTrue(Double.isNaN(d.pValue()));
        assertFalse(d.significant());
    }

    @Test
    void zeroVarianceCollapsesTheInterval() {
        // (0.1 + 0.1 + 0.1) / 3 is not 0.1 in binary: equal differences must still give sd 0 and [d, d] exactly
        PairedComparison.Difference tenth = PairedComparison.difference("m", new double[] {0, 0, 0},
                new double[] {0.1, 0.1, 0.1});
        assertEquals(0.0, tenth.diffSd());
        assertEquals(0.1, tenth.ciLow());
        assertEquals(0.1, tenth.ciHigh());
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {1, 2, 3}, new double[] {3, 4, 5});
        assertEquals(2.0, d.diffMean());
        assertEquals(0.0, d.diffSd());
        assertEquals(2.0, d.ciLow());
        assertEquals(2.0, d.ciHigh());
        assertTrue(d.significant());
        assertEquals(0.0, d.pValue());
        PairedComparison.Difference same = PairedComparison.difference("m", new double[] {1, 2, 3},
                new double[] {1, 2, 3});
        assertEquals(new PairedComparison.Difference("m", 3, 2, 2, 0, 0, 0, 0, 0, false, 1, false), same);
    }

    @Test
    void relativeChangeIsNanWhenTheBaselineMeanIsZero() {
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {-1, 1}, new double[] {0, 3});
        assertEquals(0.0, d.baselineMean());
        assertEquals(1.5, d.diffMean());
        assertTrue(Double.isNaN(d.relChange()));
    }

    @Test
    void holmStepsDownInOrderOfPAndStopsAtTheFirstAcceptance() {
        // m = 4 finite p-values: 0.005 <= 0.05/4, 0.01 <= 0.05/3, 0.03 > 0.05/2 stops; 0.04 <= 0.05/1 is not reached
        double[] p = {0.01, 0.04, 0.03, 0.005, NAN};
        List<PairedComparison.Difference> in = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            in.add(new PairedComparison.Difference("m" + i, 5, 1, 1, 0, 1, -1, 1, 0, p[i] < 0.05, p[i], false));
        }
        List<PairedComparison.Difference> out = PairedComparison.holm(in);
        List<Boolean> holm = out.stream().map(PairedComparison.Difference::significantHolm).toList();
        assertEquals(List.of(true, false, false, true, false), holm);
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), out.stream().map(PairedComparison.Difference::metric).toList(),
                "input order kept");
        assertEquals(in.get(2).pValue(), out.get(2).pValue());
    }

    @Test
    void holmWithTiesAndZeroes() {
        double[] p = {0.0, 0.02, 0.02, 0.5};
        List<PairedComparison.Difference> in = new ArrayList<>();
        for (double v : p) {
            in.add(new PairedComparison.Difference("m", 5, 1, 1, 0, 1, -1, 1, 0, false, v, false));
        }
        // 0 <= 0.0125; 0.02 <= 0.0167 fails -> only the first
        assertEquals(List.of(true, false, false, false),
                PairedComparison.holm(in).stream().map(PairedComparison.Difference::significantHolm).toList());
    }

    @Test
    void compareMatchesReplicationsByIndexAndKeepsCatalogueOrder() {
        RunSummary base = new RunSummary(List.of(rep(1, Map.of("a", 12.0, "b", 1.0)), rep(0, Map.of("a", 10.0, "b", 1.0)),
                rep(2, Map.of("a", 14.0, "b", 1.0))));
        // scenario lists replications in another order and has one the baseline lacks
        RunSummary other = new RunSummary(List.of(rep(2, Map.of("a", 15.0, "b", 1.0, "c", 3.0)),
                rep(0, Map.of("a", 11.0, "b", 1.0, "c", 2.0)), rep(1, Map.of("a", 15.0, "b", 1.0, "c", 1.0)),
                rep(3, Map.of("a", 99.0, "b", 9.0, "c", 9.0))));
        List<PairedComparison.Difference> diffs = PairedComparison.compare(base, other);
        assertEquals(List.of("a", "b", "c"), diffs.stream().map(PairedComparison.Difference::metric).toList());
        PairedComparison.Difference a = diffs.get(0);
        assertEquals(3, a.n(), "replication 3 has no baseline partner");
        assertEquals(12.0, a.baselineMean(), 1e-12);
        assertEquals(new PairedComparison.Difference("a", 3, 12, 41.0 / 3, 5.0 / 3, a.diffSd(), a.ciLow(), a.ciHigh(),
                5.0 / 36, a.significant(), a.pValue(), a.significantHolm()), a);
        assertEquals(Math.sqrt(4.0 / 3), a.diffSd(), 1e-12); // d = 1, 3, 1
        PairedComparison.Difference b = diffs.get(1);
        assertEquals(0.0, b.diffMean());
        assertEquals(1.0, b.pValue());
        assertEquals(0, diffs.get(2).n(), "a metric the baseline lacks has no pairs");
    }

    @Test
    void comparisonCsvColumnsAndFormatting() {
        PairedComparison.Difference d = PairedComparison.difference("m", new double[] {10, 12, 14, 16},
                new double[] {11, 15, 15, 19});
        PairedComparison.Difference none = PairedComparison.difference("n,q", new double[] {NAN}, new double[] {1});
        String csv = CsvReports.comparisonCsv(Map.of("s", PairedComparison.holm(List.of(d, none))));
        assertEquals("""
                scenario,metric,n,baseline_mean,mean,diff_mean,diff_sd,diff_ci_low,diff_ci_high,rel_change,significant,p_value,significant_holm
                s,m,4,13,15,2,1.1547,0.162614,3.83739,0.153846,true,0.0405193,true
                s,"n,q",0,,,,,,,,false,,false
                """, csv);
    }

    private static ReplicationResult rep(int index, Map<String, Double> metrics) {
        Map<String, Double> ordered = new java.util.TreeMap<>(metrics); // a, b, c: the catalogue order here
        return new ReplicationResult(index, new java.util.LinkedHashMap<>(ordered), null, null, null, null, 0, 0);
    }
}
