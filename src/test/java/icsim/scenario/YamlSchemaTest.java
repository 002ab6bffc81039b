package icsim.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class YamlSchemaTest {
    private static String name(Class<?> record, String component) {
        for (var c : record.getRecordComponents()) {
            if (c.getName().equals(component)) {
                return YamlSchema.yamlName(c);
            }
        }
        throw new AssertionError(component);
    }

    @Test
    void yamlNamesFollowJackson() {
        assertEquals("per_100k", name(Scenario.Capacity.class, "per100k"));
        assertEquals("age_65_74", name(Scenario.PopulationShares.class, "age65to74"));
        assertEquals("need_mix_65plus", name(Scenario.Discharge.class, "needMix65plus"));
        assertEquals("p_ae_given_crisis", name(Scenario.Group.class, "pAeGivenCrisis"));
        assertEquals("nhs111_call", name(Scenario.Costs.class, "nhs111Call"));
        assertEquals("under65_well", name(Scenario.Groups.class, "under65Well"));
        assertEquals(List.of("seed", "replications", "warmup_years", "years"), YamlSchema.keys(Scenario.Run.class));
    }

    @Test
    void typeAtPath() {
        assertEquals(double.class, YamlSchema.typeAt(List.of("services", "acute_beds", "per_100k")));
        assertEquals(String.class, YamlSchema.typeAt(List.of("step_up", "referral_routes", 0)));
        assertNull(YamlSchema.typeAt(List.of("run", "nope")));
        assertEquals("step_up.referral_routes[2]", YamlSchema.format(List.of("step_up", "referral_routes", 2)));
    }

    @Test
    void suggestions() {
        List<String> run = YamlSchema.keys(Scenario.Run.class);
        assertEquals("seed", YamlSchema.suggest("sed", run));
        assertEquals("replications", YamlSchema.suggest("replication", run));
        assertEquals("warmup_years", YamlSchema.suggest("warmup", run));
        assertEquals("years", YamlSchema.suggest("Yeras", run));
        assertNull(YamlSchema.suggest("zz", List.of("ae")));
        assertNull(YamlSchema.suggest("completely_different", run));
        assertEquals(1, YamlSchema.distance("nmae", "name"));
        assertEquals(3, YamlSchema.distance("kitten", "sitting"));
    }

    @Test
    void numbersForMessages() {
        assertEquals("5", YamlSchema.number(5.0));
        assertEquals("0.3", YamlSchema.number(0.1 + 0.2));
        assertEquals("-0.005", YamlSchema.number(-0.005));
        assertEquals("20000000", YamlSchema.number(20_000_000));
        assertEquals("0.0000001", YamlSchema.number(1e-7));
    }
}
