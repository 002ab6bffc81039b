package icsim.model;

import icsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conservation laws of {@link CareSystemInvariants} on the fragmented baseline with acute beds and care homes
 * shared with a catchment 2.5 times the population (100,000 in 250,000, scaled down), and the background's
 * arrivals against their Poisson expectation.
 */
class SharedPoolInvariantsTest extends CareSystemInvariants {
    private static final int CATCHMENT = 75000;

    @Override
    Map<String, Object> settings() {
        return Map.of("services.shared_pool.population", CATCHMENT);
    }

    @Override
    String scenarioFile() {
        return "scenarios/fragmented.yaml";
    }

    /** Arrivals in the measured years within 3 sd of (P - N) x rate x years (whole years: the season averages out). */
    @Test
    void backgroundArrivalsArePoisson() {
        CareSystem sys = system();
        Scenario.SharedPool pool = sys.scenario.services().sharedPool();
        int years = sys.periods.measuredYears();
        double others = CATCHMENT - sys.pop.size;
        double[] perYear = {pool.acuteAdmissionsPer1000(), pool.careHomeAdmissionsPer1000()};
        for (int stream = 0; stream < 2; stream++) {
            double expected = others * perYear[stream] / 1000 * years;
            double arrived = 0;
            for (int p = 1; p <= years; p++) {
                arrived += sys.background.arrivals[stream][p];
            }
            assertEquals(expected, arrived, 3 * Math.sqrt(expected), "stream " + stream);
        }
    }

    /** The pool is sized for the catchment, and the background holds about its share (P - N) / P of it. */
    @Test
    void placesAreSizedForTheCatchmentAndShared() {
        CareSystem sys = system();
        assertEquals(sys.scenario.services().acuteBeds().places(CATCHMENT), sys.acuteBeds.capacity());
        assertEquals(sys.scenario.services().careHomes().capacity().places(CATCHMENT), sys.careHomes.capacity());
        double end = sys.periods.endDay();
        for (icsim.engine.CapacityService s : new icsim.engine.CapacityService[]{sys.acuteBeds, sys.careHomes}) {
            double all = 0;
            double anonymous = 0;
            for (int p = 1; p < sys.periods.count(); p++) {
                all += s.occupancyIntegral(end, p);
                anonymous += s.anonymousOccupancyIntegral(end, p);
            }
            double share = anonymous / all;
            assertTrue(Math.abs(share - 0.6) < 0.05, s.name() + ": background share " + share);
        }
    }
}
