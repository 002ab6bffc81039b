package icsim.model;

import icsim.experiment.ReplicationRunner;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A shared pool (MODEL.md §8.4) acts on the population only through the capacity it shares: its background has
 * its own random numbers, and its days are in no metric or cost of the population.
 */
class SharedPoolTest {
    private static final int N = 8000;

    private static ReplicationResult run(Map<String, Object> extra) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("population.size", N, "run.replications", 1, "run.years", 2));
        settings.putAll(extra);
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"), settings);
        return new ReplicationRunner(1).recordingCapitation().run(s, 0, null, null).results().get(0);
    }

    private static void assertSame(ReplicationResult a, ReplicationResult b, Set<String> except) {
        Map<String, Double> ma = new LinkedHashMap<>(a.metrics());
        Map<String, Double> mb = new LinkedHashMap<>(b.metrics());
        ma.keySet().removeAll(except);
        mb.keySet().removeAll(except);
        assertEquals(ma, mb);
        for (int y : a.byYear().keySet()) {
            Map<String, Double> ya = new LinkedHashMap<>(a.byYear().get(y));
            Map<String, Double> yb = new LinkedHashMap<>(b.byYear().get(y));
            ya.keySet().removeAll(except);
            yb.keySet().removeAll(except);
            assertEquals(ya, yb, "year " + y);
        }
        assertEquals(a.byCohort(), b.byCohort());
        assertEquals(a.ledger(), b.ledger());
        for (int y = 0; y < a.capitation().years(); y++) {
            assertArrayEquals(a.capitation().sum()[y], b.capitation().sum()[y]);
            assertArrayEquals(a.capitation().count()[y], b.capitation().count()[y]);
        }
    }

    /** A catchment no larger than the population is no pool: bit-identical results. */
    @Test
    void aCatchmentNoLargerThanThePopulationChangesNothing() throws Exception {
        ReplicationResult off = run(Map.of());
        for (int catchment : new int[]{N, N / 2}) {
            ReplicationResult same = run(Map.of("services.shared_pool.population", catchment));
            assertSame(off, same, Set.of());
            for (int s = 0; s < off.series().services().size(); s++) {
                assertArrayEquals(off.series().occupancy()[s], same.series().occupancy()[s]);
                assertArrayEquals(off.series().waiting()[s], same.series().waiting()[s]);
            }
        }
    }

    /**
     * With places that never run out (and start empty), the population's course cannot depend on who else holds
     * places: every result of the population is the same with or without a background, save occupancy. The pool
     * has twice the places for twice the people, and the population pays half of their fixed cost, as before.
     */
    @Test
    void theBackgroundActsOnlyThroughCapacity() throws Exception {
        Map<String, Object> ample = Map.of("services.acute_beds.per_100k", 3000, "services.acute_beds.initial_occupancy", 0,
                "services.care_homes.capacity.per_100k", 20000, "services.care_homes.capacity.initial_occupancy", 0);
        Map<String, Object> pooled = new LinkedHashMap<>(ample);
        pooled.put("services.shared_pool.population", 2 * N);
        ReplicationResult alone = run(ample);
        ReplicationResult shared = run(pooled);
        Set<String> occupancy = Set.of("acute_occupancy_mean", "acute_days_above_92pct", "acute_days_above_95pct",
                "acute_days_full", "care_home_occupancy_mean");
        assertSame(alone, shared, occupancy);
        assertNotEquals(alone.metrics().get("acute_occupancy_mean"), shared.metrics().get("acute_occupancy_mean"));
        assertEquals(0, shared.metrics().get("ae_boarding_hours"), "places never ran out");
    }
}
