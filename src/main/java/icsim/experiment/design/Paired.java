package icsim.experiment.design;

import icsim.output.PairedComparison;
import icsim.output.PairedComparison.Difference;
import icsim.output.ReplicationResult;
import icsim.output.RunSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-replication values of runs made with common random numbers, and their paired differences. */
final class Paired {
    private Paired() {
    }

    /** The metric in each replication, in replication order (NaN where absent). */
    static double[] values(RunSummary run, String metric) {
        List<ReplicationResult> results = run.results();
        double[] v = new double[results.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = results.get(i).metrics().get(metric);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** A by-cohort metric in each replication. */
    static double[] cohortValues(RunSummary run, String cohort, String metric) {
        List<ReplicationResult> results = run.results();
        double[] v = new double[results.size()];
        for (int i = 0; i < v.length; i++) {
            Map<String, Double> m = results.get(i).byCohort().get(cohort);
            Double x = m == null ? null : m.get(metric);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** scenario − baseline for one metric, paired by replication. */
    static Difference difference(RunSummary baseline, RunSummary scenario, String metric) {
        return PairedComparison.difference(metric, values(baseline, metric), values(scenario, metric));
    }

    /** A difference between two arms, with its relative change taken against the base's mean (for judging). */
    static Difference relativeTo(Difference d, double baseMean) {
        return new Difference(d.metric(), d.n(), baseMean, d.mean(), d.diffMean(), d.diffSd(), d.ciLow(), d.ciHigh(),
                baseMean == 0 ? Double.NaN : d.diffMean() / baseMean, d.significant(), d.pValue(), false);
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Every combination of the factors' values, the first factor varying slowest. */
    static List<Map<String, Object>> factorial(Map<String, List<Object>> factors) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> f : factors.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object value : f.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(f.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** A factor value for a table: a {min: x, max: x} range as x, anything else as written. */
    static String label(Object value) {
        if (value instanceof Map<?, ?> m && m.containsKey("label")) {
            return label(m.get("label"));
        }
        if (value instanceof Map<?, ?> m && m.size() == 2 && m.containsKey("min") && m.containsKey("max")) {
            Object lo = m.get("min");
            Object hi = m.get("max");
            return lo.equals(hi) ? String.valueOf(lo) : lo + "–" + hi;
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
