package icsim.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two small replications, deliberately listed out of order and with differing key orders. */
final class Fixtures {

    private Fixtures() {
    }

    static Map<String, Double> metrics(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    static ReplicationResult rep0() {
        Map<Integer, Map<String, Double>> byYear = new LinkedHashMap<>();
        byYear.put(2, metrics("deaths", 6));
        byYear.put(1, metrics("deaths", 4));
        Map<String, Map<String, Double>> byCohort = new LinkedHashMap<>();
        byCohort.put("frail, elderly", metrics("deaths", 5));
        byCohort.put("young", metrics("deaths", 5));
        var series = new ReplicationResult.DailySeries(List.of("acute", "care_home"),
                new double[][] {{1, 2}, {3, 4}}, new double[][] {{0, 1}, {2, 2}});
        var ledger = List.of(
                new ReplicationResult.LedgerLine(1, "financial", "social", "council", "bcf", "placements", 50, 48),
                new ReplicationResult.LedgerLine(1, "economic", "health", "nhs", "core", "staff", 100, 95));
        return new ReplicationResult(0, metrics("deaths", 10, "cost", 100.5, "rate", Double.NaN),
                byYear, byCohort, series, ledger, 1000, 50);
    }

    static ReplicationResult rep1() {
        Map<Integer, Map<String, Double>> byYear = new LinkedHashMap<>();
        byYear.put(1, metrics("deaths", 8));
        byYear.put(2, metrics("deaths", 6));
        Map<String, Map<String, Double>> byCohort = new LinkedHashMap<>();
        byCohort.put("young", metrics("deaths", 7));
        byCohort.put("frail, elderly", metrics("deaths", 7));
        var series = new ReplicationResult.DailySeries(List.of("care_home", "acute"),
                new double[][] {{5, 6}, {7, 8}}, new double[][] {{0, 0}, {1, 1}});
        // No "financial" line: it must count as 0 for this replication.
        var ledger = List.of(new ReplicationResult.LedgerLine(1, "economic", "health", "nhs", "core", "staff", 200, 190));
        return new ReplicationResult(1, metrics("rate", 0.5, "deaths", 14, "cost", 99.5),
                byYear, byCohort, series, ledger, 1200, 50);
    }

    static RunSummary summary() {
        return new RunSummary(List.of(rep1(), rep0()));
    }
}
