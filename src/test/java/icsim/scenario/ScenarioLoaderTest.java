package icsim.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLoaderTest {
    private static final Path FRAGMENTED = Path.of("scenarios/fragmented.yaml");
    private static final String LABEL = "scenarios/bad.yaml";

    @TempDir
    Path tmp;

    private static String fragmented() {
        try {
            return Files.readString(FRAGMENTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fragmented.yaml with one exact piece of text replaced (which must occur exactly once). */
    private static String mutate(String old, String replacement) {
        String text = fragmented();
        int at = text.indexOf(old);
        assertTrue(at >= 0, "fixture text not found: " + old);
        assertEquals(at, text.lastIndexOf(old), "fixture text not unique: " + old);
        return text.replace(old, replacement);
    }

    /** The one-line message of loading this YAML text, which must fail. */
    private static String error(String yaml) {
        return error(yaml, Map.of());
    }

    private static String error(String yaml, Map<String, ?> overrides) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadString(yaml, LABEL, Path.of("scenarios"), overrides));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"),
                "message must be one line: " + e.getMessage());
        return e.getMessage();
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    // ---- the shipped scenario ------------------------------------------------------------------------------

    @Test
    void fragmentedLoads() throws ScenarioException {
        Scenario s = ScenarioLoader.load(FRAGMENTED);
        assertEquals("fragmented", s.name());
        assertEquals(2023, s.priceYear());
        assertEquals(20261122L, s.run().seed());
        assertEquals(30, s.run().replications());
        assertEquals(100_000, s.population().size());
        assertEquals(0.025, s.population().shares().age85plus());
        assertEquals(170.0, s.services().acuteBeds().per100k());
        assertEquals(10, s.services().acuteBeds().minimumUnit());
        assertEquals(600.0, s.services().careHomes().capacity().per100k());
        assertEquals(0.01, s.discharge().needMix65plus().careHome());
        assertEquals(0.95, s.discharge().needMixUnder65().home());
        assertEquals(20.0, s.costs().nhs111Call());
        assertEquals(5.0, s.communityReferrals().frailtyWeights().severe(), "weights may exceed 1");
        assertEquals(List.of("gp"), s.stepUp().referralRoutes());
        assertEquals(0.30, s.groups().under65Well().firstContact().nhs111());
    }

    @Test
    void toYamlRoundTrips() throws ScenarioException {
        Scenario s = ScenarioLoader.load(FRAGMENTED);
        String yaml = ScenarioLoader.toYaml(s);
        assertTrue(yaml.contains("per_100k: 170"), yaml);
        assertTrue(yaml.contains("need_mix_65plus:"), yaml);
        assertTrue(yaml.contains("age_85_plus:"), yaml);
        assertFalse(yaml.contains("extends"), yaml);
        assertEquals(s, ScenarioLoader.loadString(yaml, "resolved.yaml", null));
    }

    @Test
    void toYamlQuotesTextThatLooksLikeOtherTypes() throws ScenarioException {
        for (String name : List.of("123", "true", "yes", "null", "a: b", "# not a comment", "- x", "'q'")) {
            String yaml = mutate("name: fragmented", "name: \"" + name.replace("\"", "\\\"") + "\"");
            Scenario s = ScenarioLoader.loadString(yaml, LABEL, null);
            assertEquals(name, s.name());
            assertEquals(s, ScenarioLoader.loadString(ScenarioLoader.toYaml(s), "resolved.yaml", null), name);
        }
    }

    // ---- bad input: one exact message each -----------------------------------------------------------------

    @Test
    void unknownKeySuggestsNearest() {
        assertEquals("scenarios/bad.yaml: services.ic_beds: unknown key 'capacty' (did you mean 'capacity'?)",
                error(mutate("  ic_beds:\n    capacity:", "  ic_beds:\n    capacty:")));
        assertEquals("scenarios/bad.yaml: services.acute_beds: unknown key 'per_10k' (did you mean 'per_100k'?)",
                error(mutate("    per_100k: 170 ", "    per_10k: 170 ")));
        assertEquals("scenarios/bad.yaml: unknown key 'nmae' (did you mean 'name'?)",
                error(mutate("name: fragmented", "nmae: fragmented")));
        assertEquals("scenarios/bad.yaml: run: unknown key 'warmup' (did you mean 'warmup_years'?)",
                error(mutate("  warmup_years: 1 ", "  warmup: 1 ")));
    }

    @Test
    void unknownKeyWithoutNearMatchListsAllowedKeys() {
        assertEquals("scenarios/bad.yaml: run: unknown key 'zzzzzzzz' (allowed keys: seed, replications, "
                        + "warmup_years, years)",
                error(mutate("  years: 5 ", "  years: 5\n  zzzzzzzz: 1 ")));
    }

    @Test
    void wrongType() {
        assertEquals("scenarios/bad.yaml: run.years: expected a number, got 'abc'",
                error(mutate("  years: 5 ", "  years: abc ")));
        assertEquals("scenarios/bad.yaml: run.years: expected a number, got '5' (remove the quotes)",
                error(mutate("  years: 5 ", "  years: '5' ")));
        assertEquals("scenarios/bad.yaml: population.size: expected a whole number, got 1000.5",
                error(mutate("  size: 100000", "  size: 1000.5")));
        assertEquals("scenarios/bad.yaml: population.replace_deaths: expected true or false, got 1",
                error(mutate("replace_deaths: true", "replace_deaths: 1")));
        assertEquals("scenarios/bad.yaml: step_up.referral_routes: expected a list such as [a, b], got 'gp'",
                error(mutate("referral_routes: [gp]", "referral_routes: gp")));
        assertEquals("scenarios/bad.yaml: run: expected a section with keys seed, replications, warmup_years, "
                        + "years, got 5",
                error(fragmented().replaceAll("(?s)\nrun:\n.*?\n\n", "\nrun: 5\n\n")));
    }

    @Test
    void emptyValue() {
        assertEquals("scenarios/bad.yaml: run.years: expected a number, got no value",
                error(mutate("  years: 5 ", "  years: ")));
        String ae = fragmented().substring(fragmented().indexOf("ae:\n"), fragmented().indexOf("\ndischarge:"));
        assertEquals("scenarios/bad.yaml: ae: expected a section with keys hours_to_decision, when_no_bed, got no value",
                error(mutate(ae, "ae:\n")));
    }

    @Test
    void negativeCapacity() {
        assertEquals("scenarios/bad.yaml: services.acute_beds.per_100k: must be between 0 and 100000, got -5",
                error(mutate("    per_100k: 170 ", "    per_100k: -5 ")));
    }

    @Test
    void lowerBoundOnly() {
        assertEquals("scenarios/bad.yaml: costs.admission: must be ≥ 0, got -1600",
                error(mutate("  admission: 1600 ", "  admission: -1600 ")));
    }

    @Test
    void probabilityAboveOne() {
        assertEquals("scenarios/bad.yaml: population.lives_alone: must be a probability between 0 and 1, got 1.2",
                error(mutate("lives_alone: 0.38", "lives_alone: 1.2")));
        assertEquals("scenarios/bad.yaml: groups.over65_mild.p_admit_given_ae: must be a probability between 0 "
                        + "and 1, got 1.45",
                error(mutate("p_admit_given_ae: 0.45 ", "p_admit_given_ae: 1.45 ")));
    }

    @Test
    void stopLossThresholdMustBePositive() {
        assertEquals("scenarios/bad.yaml: costing.stop_loss_threshold: must be ≥ 0, got -1",
                error(mutate("stop_loss_threshold: 50000 ", "stop_loss_threshold: -1 ")));
        assertEquals("scenarios/bad.yaml: costing.stop_loss_threshold: must be > 0 (£ of one person's annual cost above "
                        + "which stop-loss cover pays), got 0",
                error(mutate("stop_loss_threshold: 50000 ", "stop_loss_threshold: 0 ")));
    }

    /** MODEL.md §8.4: every number of the shared pool is checked for sign, with its YAML path. */
    @ParameterizedTest
    @MethodSource("sharedPoolKeys")
    void sharedPoolRejectsNegativeValues(String key, String value) {
        String message = error(mutate("    " + key + ": " + value + " ", "    " + key + ": -1 "));
        assertTrue(message.startsWith("scenarios/bad.yaml: services.shared_pool." + key + ": must be between 0 and "),
                message);
        assertTrue(message.endsWith(", got -1"), message);
    }

    static Stream<Arguments> sharedPoolKeys() {
        return Stream.of(Arguments.of("population", "0"), Arguments.of("acute_admissions_per_1000", "61.6"),
                Arguments.of("acute_mean_stay_days", "9.25"), Arguments.of("acute_stay_cv", "2.5"),
                Arguments.of("care_home_admissions_per_1000", "2.10"), Arguments.of("care_home_mean_stay_days", "930"));
    }

    @Test
    void sharedPoolNeedsStaysWhenItAdmits() throws ScenarioException {
        String text = mutate("    acute_mean_stay_days: 9.25 ", "    acute_mean_stay_days: 0 ");
        assertEquals("scenarios/bad.yaml: services.shared_pool.acute_mean_stay_days: must be > 0 while "
                + "acute_admissions_per_1000 is above 0 (give the background's mean stay in days)",
                error(text, Map.of("services.shared_pool.population", 250000)));
        // a pool no larger than the population is off: nothing to check
        ScenarioLoader.loadString(fragmented(), LABEL, Path.of("scenarios"), Map.of("services.shared_pool.population", 100000,
                "services.shared_pool.acute_mean_stay_days", 0));
        Scenario s = ScenarioLoader.loadString(fragmented(), LABEL, Path.of("scenarios"), Map.of("services.shared_pool.population", 250000));
        assertEquals(425, s.services().acutePlaces(100000), "beds for 250,000 at 170 per 100k");
        assertEquals(1500, s.services().careHomePlaces(100000));
        assertEquals(170, s.services().acuteBeds().places(100000));
    }

    @Test
    void integerBounds() {
        assertEquals("scenarios/bad.yaml: run.replications: must be between 1 and 10000, got 0",
                error(mutate("  replications: 30 ", "  replications: 0 ")));
    }

    @Test
    void sharesMustSumToOne() {
        assertEquals("scenarios/bad.yaml: population.shares: shares must sum to 1, got 0.97 (adjust under65_well"
                        + " + under65_ltc + age_65_74 + age_75_84 + age_85_plus to total 1)",
                error(mutate("under65_well: 0.620", "under65_well: 0.59")));
        assertEquals("scenarios/bad.yaml: population.initial_frailty.age_75_84: shares must sum to 1, got 1.01 "
                        + "(adjust fit + mild + moderate + severe to total 1)",
                error(mutate("age_75_84: {fit: 0.42,", "age_75_84: {fit: 0.43,")));
        assertEquals("scenarios/bad.yaml: discharge.need_mix_65plus: shares must sum to 1, got 0.99 (adjust home"
                        + " + restart + reablement + new_package + step_down + care_home to total 1)",
                error(mutate("    home: 0.53", "    home: 0.52")));
        assertEquals("scenarios/bad.yaml: groups.over65_severe.first_contact: shares must sum to 1, got 0.9 "
                        + "(adjust gp + nhs111 + ambulance to total 1)",
                error(mutate("first_contact: {gp: 0.40, nhs111: 0.10, ambulance: 0.50}",
                        "first_contact: {gp: 0.30, nhs111: 0.10, ambulance: 0.50}")));
    }

    @Test
    void frailtyWeightsNeedOnlyBeNonNegative() throws ScenarioException {
        Scenario s = ScenarioLoader.loadString(mutate("frailty_weights: {fit: 0.2, mild: 1.0",
                "frailty_weights: {fit: 0.0, mild: 7.0"), LABEL, null);
        assertEquals(7.0, s.communityReferrals().frailtyWeights().mild());
        assertEquals("scenarios/bad.yaml: community_referrals.frailty_weights.fit: must be ≥ 0, got -0.2",
                error(mutate("frailty_weights: {fit: 0.2", "frailty_weights: {fit: -0.2")));
    }

    @Test
    void dayRangeInOrder() {
        assertEquals("scenarios/bad.yaml: discharge.assessment_days: min must be ≤ max, got min 3 and max 2 "
                        + "(swap them)",
                error(mutate("assessment_days: {min: 1, max: 3}", "assessment_days: {min: 3, max: 2}")));
    }

    @Test
    void referralRoutes() throws ScenarioException {
        assertEquals("scenarios/bad.yaml: step_up.referral_routes[1]: unknown referral route 'nhs11' (did you "
                        + "mean 'nhs111'?); allowed: gp, nhs111, ambulance, case_manager, ae_front_door",
                error(mutate("referral_routes: [gp]", "referral_routes: [gp, nhs11]")));
        Scenario s = ScenarioLoader.loadString(mutate("referral_routes: [gp]",
                "referral_routes: [gp, nhs111, ambulance, case_manager, ae_front_door]"), LABEL, null);
        assertEquals(5, s.stepUp().referralRoutes().size());
    }

    @Test
    void nameMustNotBeEmpty() {
        assertEquals("scenarios/bad.yaml: name: must not be empty (give the scenario a name)",
                error(mutate("name: fragmented", "name: ''")));
    }

    @Test
    void missingKey() {
        assertEquals("scenarios/bad.yaml: run: missing key 'warmup_years' (add it: every key is required, in this "
                        + "file or a file it extends)",
                error(mutate("  warmup_years: 1 ", "  # warmup_years: 1 ")));
        assertEquals("scenarios/bad.yaml: services.acute_beds: missing key 'per_100k' (add it: every key is "
                        + "required, in this file or a file it extends)",
                error(mutate("    per_100k: 170 ", "    # per_100k: 170 ")));
    }

    @Test
    void missingFile() {
        Path missing = tmp.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing));
        assertEquals(missing + ": cannot read scenario file: no such file (check the path)", e.getMessage());
        assertEquals(missing.toString(), e.file());
        assertEquals("", e.yamlPath());
    }

    @Test
    void yamlSyntaxErrorGivesLine() {
        String msg = error(mutate("  years: 5 ", "  years: [5 "));
        assertTrue(msg.startsWith("scenarios/bad.yaml: YAML syntax error at line 18, column 1: "), msg);
        assertTrue(msg.contains("expected ',' or ']'"), msg);
        String indent = error(mutate("  years: 5 ", "   years: 5 "));
        assertTrue(indent.startsWith("scenarios/bad.yaml: YAML syntax error at line 16, column 4: "), indent);
        assertTrue(error(mutate("  years: 5 ", "\tyears: 5 ")).endsWith("(YAML does not allow tabs: indent with "
                + "spaces)"));
    }

    @Test
    void duplicateKey() {
        assertEquals("scenarios/bad.yaml: duplicate key 'years' at line 17 (a key may appear once in a section; "
                + "remove one)", error(mutate("  years: 5 ", "  years: 5\n  years: 6 ")));
    }

    @Test
    void emptyOrNonMappingFile() {
        assertEquals("scenarios/bad.yaml: the file is empty (write the scenario's keys, or extends: <file>)",
                error("# nothing\n"));
        assertEquals("scenarios/bad.yaml: the top level must be keys such as 'name: ...', got a list",
                error("- a\n- b\n"));
    }

    // ---- extends -------------------------------------------------------------------------------------------

    @Test
    void extendsDeepMerges() throws IOException, ScenarioException {
        write("base/fragmented.yaml", fragmented());
        Path child = write("variants/bigger.yaml", """
                extends: ../base/fragmented.yaml
                name: bigger
                services:
                  acute_beds:
                    per_100k: 200
                step_up:
                  referral_routes: [gp, nhs111]
                """);
        Scenario parent = ScenarioLoader.load(FRAGMENTED);
        Scenario s = ScenarioLoader.load(child);
        assertEquals("bigger", s.name());
        assertEquals(200.0, s.services().acuteBeds().per100k());
        // siblings of the overridden value are inherited
        assertEquals(parent.services().acuteBeds().minimumUnit(), s.services().acuteBeds().minimumUnit());
        assertEquals(parent.services().acuteBeds().initialOccupancy(), s.services().acuteBeds().initialOccupancy());
        assertEquals(parent.services().careHomes(), s.services().careHomes());
        // lists replace
        assertEquals(List.of("gp", "nhs111"), s.stepUp().referralRoutes());
        assertEquals(parent.stepUp().band(), s.stepUp().band());
        // everything else is the parent's
        Scenario expected = new Scenario("bigger", parent.description(), parent.priceYear(), parent.run(),
                parent.population(), parent.frailtyProgression(), parent.groups(), parent.ageBands(),
                parent.postCrisis(), parent.seasonality(), parent.severity(),
                new Scenario.StepUp(parent.stepUp().band(), parent.stepUp().substitutionShare(),
                        parent.stepUp().losDays(), parent.stepUp().escalationProb(), List.of("gp", "nhs111")),
                parent.ae(), parent.discharge(), parent.deconditioning(),
                new Scenario.Services(new Scenario.Capacity(200, 10, 0.90), parent.services().stepUp(),
                        parent.services().icBeds(), parent.services().reablement(), parent.services().homeCare(),
                        parent.services().careHomes(), parent.services().sharedPool()),
                parent.communityReferrals(), parent.costs(), parent.costing(), parent.payment(), parent.integration());
        assertEquals(expected, s);
    }

    @Test
    void extendsChain() throws IOException, ScenarioException {
        write("grand.yaml", fragmented());
        write("parent.yaml", "extends: grand.yaml\nname: parent\nrun: {years: 3}\n");
        Path child = write("child.yaml", "extends: parent.yaml\nrun: {seed: 9}\n");
        Scenario s = ScenarioLoader.load(child);
        assertEquals("parent", s.name());
        assertEquals(3.0, s.run().years());
        assertEquals(9L, s.run().seed());
        assertEquals(30, s.run().replications());
    }

    @Test
    void extendsFromString() throws ScenarioException {
        Scenario s = ScenarioLoader.loadString("extends: fragmented.yaml\nname: short\nrun: {years: 1}\n",
                "short.yaml", Path.of("scenarios"));
        assertEquals("short", s.name());
        assertEquals(1.0, s.run().years());
    }

    @Test
    void extendsCycle() throws IOException {
        Path a = write("a.yaml", "extends: b.yaml\nname: a\n");
        Path b = write("b.yaml", "extends: a.yaml\nname: b\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertEquals(b + ": extends: extends cycle: a.yaml -> b.yaml -> a.yaml (a scenario cannot extend itself, "
                + "directly or through other files; remove one of these extends)", e.getMessage());
    }

    @Test
    void extendsItself() throws IOException {
        Path a = write("self.yaml", "extends: self.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertTrue(e.getMessage().startsWith(a + ": extends: extends cycle: self.yaml -> self.yaml ("),
                e.getMessage());
    }

    @Test
    void extendsMissingParent() throws IOException {
        Path a = write("a.yaml", "extends: gone.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertEquals(a + ": extends: cannot read parent scenario 'gone.yaml': no such file (check the path; "
                + "looked for " + tmp.resolve("gone.yaml") + ", relative to this file's folder)", e.getMessage());
    }

    @Test
    void errorNamesTheFileThatHoldsTheValue() throws IOException {
        Path parent = write("parent.yaml", fragmented().replace("lives_alone: 0.38", "lives_alone: 3.8"));
        Path child = write("child.yaml", "extends: parent.yaml\nname: child\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child));
        assertEquals(parent + ": population.lives_alone: must be a probability between 0 and 1, got 3.8",
                e.getMessage());

        Path typo = write("typo.yaml", "extends: parent.yaml\nrun: {sed: 1}\npopulation: {lives_alone: 0.4}\n");
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(typo));
        assertEquals(typo + ": run: unknown key 'sed' (did you mean 'seed'?)", e.getMessage());
    }

    @Test
    void extendsMustBeText() {
        assertEquals("scenarios/bad.yaml: extends: must be the file name of the parent scenario (e.g. extends: "
                + "fragmented.yaml), got a list", error("extends: [a.yaml]\n"));
    }

    // ---- overrides -----------------------------------------------------------------------------------------

    @Test
    void overridesApply() throws ScenarioException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("run.seed", 42L);
        o.put("population.size", 5000);
        o.put("run.years", 2.0);
        o.put("step_up.referral_routes", List.of("gp", "ambulance"));
        Scenario s = ScenarioLoader.load(FRAGMENTED, o);
        assertEquals(42L, s.run().seed());
        assertEquals(5000, s.population().size());
        assertEquals(2.0, s.run().years());
        assertEquals(List.of("gp", "ambulance"), s.stepUp().referralRoutes());
        assertEquals(30, s.run().replications());
        assertNotEquals(ScenarioLoader.load(FRAGMENTED), s);
    }

    @Test
    void overrideOfSectionMerges() throws ScenarioException {
        Scenario s = ScenarioLoader.load(FRAGMENTED, Map.of("run", Map.of("seed", 7)));
        assertEquals(7L, s.run().seed());
        assertEquals(30, s.run().replications());
    }

    @Test
    void overrideOnTopOfExtends() throws IOException, ScenarioException {
        write("base.yaml", fragmented());
        Path child = write("child.yaml", "extends: base.yaml\nrun: {seed: 5}\n");
        assertEquals(6L, ScenarioLoader.load(child, Map.of("run.seed", 6L)).run().seed());
    }

    @Test
    void badOverridePath() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(FRAGMENTED, Map.of("run.sed", 42L)));
        assertEquals("scenarios/fragmented.yaml: run.sed: unknown key 'sed' in override (did you mean 'seed'?)",
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(FRAGMENTED, Map.of("run.seed.x", 1)));
        assertEquals("scenarios/fragmented.yaml: run.seed.x: override goes inside run.seed, which is a single "
                + "value, not a section (override run.seed itself)", e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(FRAGMENTED, Map.of("extends", "x")));
        assertTrue(e.getMessage().startsWith("scenarios/fragmented.yaml: extends: unknown key 'extends' in "
                + "override"), e.getMessage());
    }

    @Test
    void overrideValuesAreValidated() {
        assertEquals("scenarios/bad.yaml: population.size: must be between 100 and 20000000, got 5 (set by "
                + "override population.size)", error(fragmented(), Map.of("population.size", 5)));
        assertEquals("scenarios/bad.yaml: run.seed: expected a whole number, got 'abc' (set by override run.seed)",
                error(fragmented(), Map.of("run.seed", "abc")));
    }

    @Test
    void paymentRegimeIsOneOfFourWords() {
        assertEquals("scenarios/bad.yaml: payment.acute.regime: must be one of activity, block, capitation, none; got 'pbr'",
                error(mutate("acute:       {regime: activity", "acute:       {regime: pbr")));
    }

    @Test
    void initialStructureIsOneOfTwoWords() {
        assertEquals("scenarios/bad.yaml: population.initial_structure: must be 'stationary' or 'given', got 'census'",
                error(mutate("initial_structure: stationary", "initial_structure: census")));
    }

    @Test
    void fractionalYearsAreRejected() {
        assertEquals("scenarios/bad.yaml: run.years: must be a whole number of years (results are reported by year), "
                + "got 2.5 (set by override run.years)", error(fragmented(), Map.of("run.years", 2.5)));
    }

    @Test
    void parseOverrides() throws ScenarioException {
        Map<String, Object> o = ScenarioLoader.parseOverrides(
                List.of("run.seed=42", "run.warmup_years=2.5", "name=quick test", "step_up.referral_routes=[gp, nhs111]"));
        Scenario s = ScenarioLoader.load(FRAGMENTED, o);
        assertEquals(42L, s.run().seed());
        assertEquals(2.5, s.run().warmupYears());
        assertEquals("quick test", s.name());
        assertEquals(List.of("gp", "nhs111"), s.stepUp().referralRoutes());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parseOverrides(List.of("run.seed")));
        assertEquals("override: expected key=value such as run.seed=42, got 'run.seed'", e.getMessage());
    }

    // ---- messages ------------------------------------------------------------------------------------------

    @Test
    void validateCodeBuiltScenario() throws ScenarioException {
        Scenario s = ScenarioLoader.load(FRAGMENTED);
        ScenarioLoader.validate(s, "fragmented");
        Scenario bad = new Scenario(s.name(), s.description(), s.priceYear(),
                new Scenario.Run(1, 0, 0, 1), s.population(), s.frailtyProgression(), s.groups(), s.ageBands(),
                s.postCrisis(), s.seasonality(), s.severity(), s.stepUp(), s.ae(), s.discharge(),
                s.deconditioning(), s.services(), s.communityReferrals(), s.costs(), s.costing(), s.payment(), s.integration());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.validate(bad, "variant"));
        assertEquals("variant: run.replications: must be between 1 and 10000, got 0", e.getMessage());
    }

    @Test
    void exceptionMessageFormat() {
        assertEquals("x.yaml: run.seed: bad", new ScenarioException("x.yaml", "run.seed", "bad").getMessage());
        assertEquals("x.yaml: bad", new ScenarioException("x.yaml", "", "bad").getMessage());
        assertEquals("x.yaml: bad", new ScenarioException("x.yaml", null, "bad").getMessage());
        assertEquals("x.yaml: a b", new ScenarioException("x.yaml", "", "a\n  b\n").getMessage());
    }

    static Stream<Arguments> badEdits() {
        return Stream.of(
                Arguments.of("  years: 5 ", "  years: [5 "),
                Arguments.of("  years: 5 ", "   years: 5 "),
                Arguments.of("  years: 5 ", "\tyears: 5 "),
                Arguments.of("  years: 5 ", "  years: \"a\n\n  b\" "),
                Arguments.of("  years: 5 ", "  yeers: 5 "),
                Arguments.of("  years: 5 ", "  years: 5\n  years: 5 "),
                Arguments.of("name: fragmented", "name: [a, b]"),
                Arguments.of("name: fragmented", "name: {a: 1}"),
                Arguments.of("under65_well: 0.620", "under65_well: 0.1"),
                Arguments.of("seed: 20261122", "seed: 1.5"));
    }

    @ParameterizedTest
    @MethodSource("badEdits")
    void everyMessageIsOneLine(String old, String replacement) {
        String msg = error(mutate(old, replacement));
        assertTrue(msg.startsWith(LABEL + ": "), msg);
    }
}
