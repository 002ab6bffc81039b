package icsim.model;

import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadEstimateTest {
    private static Map<String, Double> load(Map<String, Object> overrides) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/fragmented.yaml"), overrides);
        return LoadEstimate.of(s);
    }

    /** The shipped baseline runs at ~92 % acute occupancy; the estimate is close and below the warning. */
    @Test
    void shippedScenarioIsBelowTheWarningOnEveryServiceWithAList() throws Exception {
        Map<String, Double> load = load(Map.of());
        assertTrue(load.get("acute_beds") > 0.85 && load.get("acute_beds") < LoadEstimate.WARNING, load.toString());
        for (Map.Entry<String, Double> e : load.entrySet()) {
            if (!LoadEstimate.NO_LIST.contains(e.getKey())) {
                assertTrue(e.getValue() < LoadEstimate.WARNING, e.toString());
            }
        }
    }

    @Test
    void loadIsInverselyProportionalToPlaces() throws Exception {
        double base = load(Map.of("services.acute_beds.per_100k", 170)).get("acute_beds");
        double fewer = load(Map.of("services.acute_beds.per_100k", 85)).get("acute_beds");
        assertEquals(2 * base, fewer, 0.02 * base);
        double homeCare = load(Map.of("services.home_care.capacity.per_100k", 225)).get("home_care");
        assertEquals(2 * load(Map.of()).get("home_care"), homeCare, 0.02 * homeCare);
    }

    @Test
    void moreCommunityReferralsRaiseTheLoadOfThatServiceOnly() throws Exception {
        Map<String, Double> base = load(Map.of());
        Map<String, Double> more = load(Map.of("community_referrals.care_home", 300));
        assertTrue(more.get("care_homes") > base.get("care_homes") * 1.3);
        assertEquals(base.get("acute_beds"), more.get("acute_beds"), 1e-12);
    }
}
