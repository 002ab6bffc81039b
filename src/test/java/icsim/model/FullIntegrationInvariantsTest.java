package icsim.model;

import java.util.Map;

/**
 * The conservation laws of {@link CareSystemInvariants} on full integration, every mechanism on, at full
 * maturity from the end of warm-up: while the mechanisms mature, stays shorten through the run and Little's
 * law over a finite window would be off by the trend, not by a fault.
 */
class FullIntegrationInvariantsTest extends CareSystemInvariants {
    @Override
    Map<String, Object> settings() {
        return Map.of("integration.maturity.years", 0);
    }

    @Override
    String scenarioFile() {
        return "scenarios/full.yaml";
    }
}
