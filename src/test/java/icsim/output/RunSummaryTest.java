package icsim.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunSummaryTest {

    private static final double T1 = 12.706204736; // t(0.975, 1)

    @Test
    void sortsByReplicationAndKeepsCatalogueOrder() {
        RunSummary s = Fixtures.summary();
        assertEquals(List.of(0, 1), s.results().stream().map(ReplicationResult::replication).toList());
        assertEquals(List.of("deaths", "cost", "rate"), s.metrics());
        assertEquals(List.of("deaths", "cost", "rate"), List.copyOf(s.overall().keySet()));
        Estimate deaths = s.overall("deaths");
        assertEquals(12.0, deaths.mean(), 1e-12);
        assertEquals(2, deaths.n());
        assertEquals(1, s.overall("rate").n()); // NaN in replication 0 is skipped
    }

    @Test
    void byYearAndCohort() {
        RunSummary s = Fixtures.summary();
        assertEquals(List.of(1, 2), List.copyOf(s.byYear().keySet()));
        assertEquals(6.0, s.byYear().get(1).get("deaths").mean(), 1e-12);
        assertEquals(0.0, s.byYear().get(2).get("deaths").sd(), 1e-12);
        assertEquals(List.of("frail, elderly", "young"), List.copyOf(s.byCohort().keySet()));
        assertEquals(6.0, s.byCohort().get("young").get("deaths").mean(), 1e-12);
    }

    @Test
    void meanSeriesMatchesServicesByName() {
        ReplicationResult.DailySeries m = Fixtures.summary().meanSeries();
        assertEquals(List.of("acute", "care_home"), m.services());
        assertArrayEquals(new double[] {4, 5}, m.occupancy()[0], 1e-12);
        assertArrayEquals(new double[] {4, 5}, m.occupancy()[1], 1e-12);
        assertArrayEquals(new double[] {0.5, 1}, m.waiting()[0], 1e-12);
        assertArrayEquals(new double[] {1, 1}, m.waiting()[1], 1e-12);
    }

    @Test
    void ledgerKeyMissingInOneReplicationCountsAsZero() {
        List<LedgerSummary> l = Fixtures.summary().ledger();
        assertEquals(2, l.size());
        assertEquals(new LedgerKey(1, "economic", "health", "nhs", "core", "staff"), l.get(0).key());
        assertEquals(150.0, l.get(0).cost().mean(), 1e-9);
        assertEquals(142.5, l.get(0).discountedMean(), 1e-9);

        LedgerSummary fin = l.get(1);
        assertEquals("financial", fin.key().perspective());
        assertEquals(2, fin.cost().n());
        assertEquals(25.0, fin.cost().mean(), 1e-9);          // (50 + 0) / 2
        assertEquals(Math.sqrt(1250), fin.cost().sd(), 1e-9); // sd of {50, 0}
        assertEquals(T1 * 25, fin.cost().halfWidth(), 1e-6);
        assertEquals(24.0, fin.discountedMean(), 1e-9);       // (48 + 0) / 2
    }

    @Test
    void emptyInputRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RunSummary(List.of()));
    }
}
