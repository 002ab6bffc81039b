package icsim.model;

import icsim.engine.CapacityService;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Little's law, L = lambda W, on every service (issue 4): mean places in use against the rate of completed
 * holdings times their mean length, each measured independently (the occupancy integral; the service's own
 * record of when each holder took and gave up their place). The window must be long against the longest stays
 * (care homes, ~2.7 years): 10,000 people, a 10-year warm-up so that the residents already there at day 0 (whose
 * start is unknown) have gone, then 30 years. What is left are the stays cut by the window's ends, a few
 * per cent at most of a service's place-days. With a shared pool (MODEL.md §8.4) the background's anonymous
 * occupants are holders too.
 */
class LittlesLawTest {
    @ParameterizedTest
    @CsvSource({"fragmented.yaml, 0", "full.yaml, 0", "fragmented.yaml, 25000"})
    void holdsOnEveryService(String file, int sharedPool) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", file), Map.of("population.size", 10000,
                "run.replications", 1, "run.warmup_years", 10, "run.years", 30, "integration.maturity.years", 0,
                "services.shared_pool.population", sharedPool));
        CareSystem sys = new CareSystem(s, new Rates(s), 0, 0, null, 0);
        sys.run();
        double end = sys.periods.endDay();
        double days = sys.periods.measuredYears() * 365.0;
        for (CapacityService service : sys.services) {
            double placeDays = 0;
            double stays = 0;
            double stayDays = 0;
            for (int p = 1; p < sys.periods.count(); p++) {
                placeDays += service.occupancyIntegral(end, p);
                stays += service.staysEnded(p) + service.anonymousStaysEnded(p);
                stayDays += service.stayDays(p) + service.anonymousStayDays(p);
            }
            if (stays < 50) {
                assertTrue(placeDays < 0.01 * days * Math.max(1, service.capacity()), service.name() + " unused but occupied");
                continue; // a service this scenario does not use (D2A in fragmented care)
            }
            double l = placeDays / days;
            double lambdaW = stays / days * (stayDays / stays);
            assertEquals(l, lambdaW, 0.04 * l, file + ": " + service.name() + " L = " + l + ", lambda W = " + lambdaW
                    + " (" + stays + " stays)");
        }
    }
}
