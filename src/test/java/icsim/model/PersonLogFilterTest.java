package icsim.model;

import icsim.output.EventRecord;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-slot log filter and the end-of-warm-up snapshot that icsim trace uses. */
class PersonLogFilterTest {
    private static final int SIZE = 3000;

    private static Scenario scenario() throws Exception {
        return ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"),
                Map.of("population.size", SIZE, "run.replications", 1, "run.years", 2));
    }

    @Test
    void oneSlotIsLoggedExactlyAsTheSampleLogsItAndNothingElseChanges() throws Exception {
        Scenario s = scenario();
        Rates rates = new Rates(s);
        List<EventRecord> sample = new ArrayList<>();
        ReplicationResult sampled = new CareSystem(s, rates, 0, 0, sample::add, 100).run();
        Map<Integer, Integer> bySlot = new HashMap<>();
        for (EventRecord e : sample) {
            bySlot.merge((int) (e.person() % SIZE), 1, Integer::sum);
        }
        int slot = bySlot.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        List<EventRecord> one = new ArrayList<>();
        CareSystem system = new CareSystem(s, rates, 0, 0, one::add, 0);
        system.logOnly(slot);
        PersonSnapshot[] atWarmupEnd = new PersonSnapshot[1];
        int[] calls = new int[1];
        system.atEndOfWarmup(sys -> {
            calls[0]++;
            atWarmupEnd[0] = sys.snapshot(slot);
        });
        ReplicationResult filtered = system.run();

        assertEquals(sample.stream().filter(e -> e.person() % SIZE == slot).toList(), one);
        assertEquals(sampled.metrics(), filtered.metrics(), "logging and the hook change nothing in the model");
        assertEquals(1, calls[0], "the hook runs once");
        PersonSnapshot start = atWarmupEnd[0];
        assertNotNull(start);
        assertEquals(0, start.time(), 1e-9, "at the end of warm-up");
        assertEquals(slot, start.slot());
        assertEquals(one.get(0).person(), start.person(), "the first logged event is the occupant's at the end of warm-up");
        assertTrue(start.alive());
        assertEquals(start.over65(), !Double.isNaN(start.age()));
    }

    @Test
    void noOneIsLoggedUntilTheHookChooses() throws Exception {
        Scenario s = scenario();
        List<EventRecord> events = new ArrayList<>();
        CareSystem system = new CareSystem(s, new Rates(s), 0, 0, events::add, -1);
        system.logOnly(new java.util.BitSet());
        List<PersonSnapshot> severe = new ArrayList<>();
        system.atEndOfWarmup(sys -> {
            java.util.BitSet chosen = new java.util.BitSet();
            for (int p = 0; p < sys.populationSize(); p++) {
                PersonSnapshot x = sys.snapshot(p);
                if (x.frailty() == 3 && x.alive()) {
                    severe.add(x);
                    chosen.set(p);
                }
            }
            sys.logOnly(chosen);
        });
        system.run();
        assertFalse(severe.isEmpty());
        assertFalse(events.isEmpty());
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        severe.forEach(x -> slots.add(x.slot()));
        assertTrue(events.stream().allMatch(e -> slots.contains((int) (e.person() % SIZE))), "only the chosen slots");
        assertTrue(severe.stream().allMatch(x -> "over65_severe".equals(x.group()) && x.age() >= 65));
    }
}
