package icsim.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paired differences between a scenario and a baseline run with the same seed and replications: with common
 * random numbers, replication r of both saw the same people and the same health events, so the difference
 * d_r = scenario_r − baseline_r removes most of the noise the two runs share. Per metric: mean and sd of the
 * d_r, a 95 % Student-t interval, the two-sided paired t-test, and Holm's step-down adjustment across one
 * scenario's metrics.
 */
public final class PairedComparison {

    /** Family-wise significance level for {@link Difference#significantHolm()}. */
    public static final double ALPHA = 0.05;

    /**
     * One metric of one scenario against the baseline. Means are over the n replications where both values
     * are finite (so diffMean = mean − baselineMean, up to rounding); every field but metric and n is NaN when n is 0, and the
     * sd, interval and p-value are NaN when n is 1 (one pair cannot be tested).
     *
     * @param relChange       diffMean / baselineMean, NaN when the baseline mean is 0
     * @param significant     the 95 % interval of the mean difference excludes 0
     * @param pValue          two-sided p-value of the paired t-test
     * @param significantHolm rejected by Holm's procedure at {@link #ALPHA} across the scenario's metrics
     */
    public record Difference(String metric, int n, double baselineMean, double mean, double diffMean, double diffSd,
                             double ciLow, double ciHigh, double relChange, boolean significant, double pValue,
                             boolean significantHolm) {

        Difference withHolm(boolean holm) {
            return new Difference(metric, n, baselineMean, mean, diffMean, diffSd, ciLow, ciHigh, relChange,
                    significant, pValue, holm);
        }
    }

    private PairedComparison() {
    }

    /**
     * Every overall metric of the baseline (catalogue order), then any the scenario alone has, compared
     * replication by replication (matched on the replication index), with Holm's adjustment applied.
     */
    public static List<Difference> compare(RunSummary baseline, RunSummary scenario) {
        Set<String> metrics = new LinkedHashSet<>(baseline.overall().keySet());
        metrics.addAll(scenario.overall().keySet());
        Map<Integer, ReplicationResult> byIndex = new HashMap<>();
        for (ReplicationResult r : scenario.results()) {
            byIndex.put(r.replication(), r);
        }
        List<ReplicationResult[]> pairs = new ArrayList<>(); // {baseline, scenario}, replication order
        for (ReplicationResult rb : baseline.results()) {
            ReplicationResult rs = byIndex.get(rb.replication());
            if (rs != null) {
                pairs.add(new ReplicationResult[] {rb, rs});
            }
        }
        List<Difference> out = new ArrayList<>();
        for (String metric : metrics) {
            double[] b = new double[pairs.size()];
            double[] s = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                b[i] = value(pairs.get(i)[0], metric);
                s[i] = value(pairs.get(i)[1], metric);
            }
            out.add(difference(metric, b, s));
        }
        return holm(out);
    }

    /** One metric: baseline[r] and scenario[r] are replication r; pairs where either is not finite are dropped. */
    public static Difference difference(String metric, double[] baseline, double[] scenario) {
        if (baseline.length != scenario.length) {
            throw new IllegalArgumentException("paired values need equal lengths: " + baseline.length + " and "
                    + scenario.length);
        }
        int n = 0;
        double[] b = new double[baseline.length];
        double[] s = new double[baseline.length];
        double[] d = new double[baseline.length];
        for (int r = 0; r < baseline.length; r++) {
            if (Double.isFinite(baseline[r]) && Double.isFinite(scenario[r])) {
                b[n] = baseline[r];
                s[n] = scenario[r];
                d[n] = scenario[r] - baseline[r];
                n++;
            }
        }
        double nan = Double.NaN;
        if (n == 0) {
            return new Difference(metric, 0, nan, nan, nan, nan, nan, nan, nan, false, nan, false);
        }
        d = Arrays.copyOf(d, n);
        double baseMean = Estimates.of(Arrays.copyOf(b, n)).mean();
        double mean = Estimates.of(Arrays.copyOf(s, n)).mean();
        if (n == 1) {
            return new Difference(metric, 1, baseMean, mean, d[0], nan, nan, nan, relative(d[0], baseMean), false,
                    nan, false);
        }
        if (constant(d)) {
            // Zero variance: the interval collapses onto the common difference, which is significant unless 0.
            double v = d[0];
            return new Difference(metric, n, baseMean, mean, v, 0, v, v, relative(v, baseMean), v != 0,
                    v != 0 ? 0 : 1, false);
        }
        Estimate e = Estimates.of(d);
        double t = e.mean() / (e.sd() / Math.sqrt(n));
        double p = Estimates.twoSidedP(t, n - 1);
        boolean significant = e.ciLow() > 0 || e.ciHigh() < 0;
        return new Difference(metric, n, baseMean, mean, e.mean(), e.sd(), e.ciLow(), e.ciHigh(),
                relative(e.mean(), baseMean), significant, p, false);
    }

    /**
     * Holm's step-down procedure at {@link #ALPHA}: the m finite p-values sorted ascending (ties in input
     * order), the k-th smallest (k from 0) rejected while p ≤ ALPHA / (m − k); the first that is not stops it.
     * Differences without a p-value are never rejected and do not count in m.
     */
    public static List<Difference> holm(List<Difference> differences) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < differences.size(); i++) {
            if (Double.isFinite(differences.get(i).pValue())) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> differences.get(i).pValue())); // stable: ties keep input order
        boolean[] rejected = new boolean[differences.size()];
        int m = order.size();
        for (int k = 0; k < m; k++) {
            int i = order.get(k);
            if (differences.get(i).pValue() > ALPHA / (m - k)) {
                break;
            }
            rejected[i] = true;
        }
        List<Difference> out = new ArrayList<>(differences.size());
        for (int i = 0; i < differences.size(); i++) {
            out.add(differences.get(i).withHolm(rejected[i]));
        }
        return Collections.unmodifiableList(out);
    }

    private static double relative(double diff, double baseMean) {
        return baseMean == 0 ? Double.NaN : diff / baseMean;
    }

    private static boolean constant(double[] d) {
        for (double v : d) {
            if (v != d[0]) {
                return false;
            }
        }
        return true;
    }

    private static double value(ReplicationResult r, String metric) {
        Map<String, Double> m = r.metrics();
        Double v = m == null ? null : m.get(metric);
        return v == null ? Double.NaN : v;
    }
}
