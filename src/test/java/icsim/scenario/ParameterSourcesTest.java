package icsim.scenario;

import icsim.scenario.ParameterSources.Origin;
import icsim.scenario.ParameterSources.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where each scenario value's source comes from: trailing comments, sections, extends, presets, overrides. */
class ParameterSourcesTest {
    static final Path FRAGMENTED = Path.of("scenarios/fragmented.yaml");

    @TempDir
    Path dir;

    @Test
    void shippedBaselineCitesItsSources() throws Exception {
        ParameterSources ps = ParameterSources.read(FRAGMENTED, Map.of());
        assertEquals(List.of(FRAGMENTED.toString()), ps.files());
        Source beds = ps.of("services.acute_beds.per_100k");
        assertEquals(Origin.COMMENT, beds.origin());
        assertTrue(beds.text().contains("Health Foundation"), beds.text());
        assertEquals(FRAGMENTED.toString(), beds.file());
        assertTrue(ps.of("costs.admission").text().contains("National Cost Collection"));
        // a comment on a flow-mapping line covers every key inside it
        for (String k : List.of("gp", "nhs111", "ambulance")) {
            Source s = ps.of("groups.under65_well.first_contact." + k);
            assertEquals(Origin.COMMENT, s.origin(), k);
            assertEquals("assumption", s.text(), k);
        }
        // no comment on the line: the enclosing section's comment, marked as such
        Source home = ps.of("discharge.need_mix_65plus.home");
        assertEquals(Origin.SECTION_COMMENT, home.origin());
        assertEquals("discharge.need_mix_65plus", home.section());
        assertTrue(home.describe().contains("DHSC") && home.describe().contains("comment on section"), home.describe());
    }

    @Test
    void everyLeafOfEveryShippedScenarioHasASource() throws Exception {
        for (String f : List.of("fragmented", "linkage", "coordination", "full")) {
            Path file = Path.of("scenarios", f + ".yaml");
            Map<String, Object> overrides = Map.of("run.replications", 3);
            Scenario s = ScenarioLoader.load(file, overrides);
            ParameterSources ps = ParameterSources.read(file, overrides);
            Set<String> leaves = ParameterSources.leaves(s).keySet();
            assertEquals(new TreeSet<>(leaves), new TreeSet<>(ps.all().keySet()), f);
            assertEquals(Origin.OVERRIDE, ps.of("run.replications").origin(), f);
            assertEquals(ParameterSources.OVERRIDE, ps.of("run.replications").describe(), f);
        }
    }

    @Test
    void valuesOfALevelCiteThePresetAndTheFileThatNamedIt() throws Exception {
        Path linkage = Path.of("scenarios/linkage.yaml");
        ParameterSources ps = ParameterSources.read(linkage, Map.of());
        assertEquals(List.of("scenarios/linkage.yaml", "scenarios/fragmented.yaml"), ps.files());
        Source on = ps.of("integration.shared_records.enabled");
        assertEquals(Origin.LEVEL_PRESET, on.origin());
        assertEquals(ParameterSources.LEVELS_FILE, on.file());
        assertTrue(on.text().contains("'linkage'") && on.text().contains("scenarios/linkage.yaml"), on.text());
        assertEquals(Origin.LEVEL_PRESET, ps.of("integration.referral_routes.routes").origin());
        assertEquals("scenarios/linkage.yaml", ps.of("name").file());
        assertEquals(Origin.NONE, ps.of("name").origin());
        assertEquals("scenarios/fragmented.yaml", ps.of("costs.admission").file());
        // the preset does not touch effect sizes: they keep the base file's comment
        Source rr = ps.of("integration.trusted_assessment.care_home_rr");
        assertEquals(Origin.COMMENT, rr.origin());
        assertTrue(rr.text().contains("Ellis 2017"), rr.text());
    }

    @Test
    void commandLineLevelAndSectionOverrides() throws Exception {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("integration.level", "full");
        overrides.put("services.acute_beds", Map.of("per_100k", 180));
        overrides.put("run.seed", 5L);
        Scenario s = ScenarioLoader.load(FRAGMENTED, overrides);
        ParameterSources ps = ParameterSources.read(FRAGMENTED, overrides);
        assertEquals(new TreeSet<>(ParameterSources.leaves(s).keySet()), new TreeSet<>(ps.all().keySet()));
        assertEquals(Origin.OVERRIDE, ps.of("integration.level").origin());
        Source pooled = ps.of("integration.pooled_budget.enabled");
        assertEquals(Origin.LEVEL_PRESET, pooled.origin());
        assertTrue(pooled.text().contains("'full'") && pooled.text().contains("command line"), pooled.text());
        assertEquals(Origin.OVERRIDE, ps.of("services.acute_beds.per_100k").origin());
        assertNull(ps.of("services.acute_beds.per_100k").file());
        // a section override merges: the keys it does not name keep their file and comment
        assertEquals(Origin.COMMENT, ps.of("services.acute_beds.minimum_unit").origin());
        assertEquals(Origin.OVERRIDE, ps.of("run.seed").origin());
    }

    @Test
    void commentRulesOnASmallFile() throws Exception {
        Path parent = write("parent.yaml", """
                # a header block, not the source of the first key
                name: x
                run:                       # run settings
                  seed: 1                  # any integer
                  years: 5
                  # the warm-up, said above it
                  warmup_years: 1

                  replications: 2
                list_a: [a, b]             # list source
                list_b:
                  - a
                  - b
                text: 'quoted # not a comment'   # real comment
                other: "a # b"
                hash: a#b
                flow: {p: 1, q: 2}         # flow source
                nested:
                  inner:
                    leaf: 3
                """);
        ParameterSources ps = ParameterSources.read(parent, Map.of());
        assertEquals(Origin.NONE, ps.of("name").origin());
        assertEquals(ParameterSources.NONE, ps.of("name").describe());
        assertEquals("any integer", ps.of("run.seed").text());
        assertEquals(Origin.SECTION_COMMENT, ps.of("run.years").origin());
        assertEquals("run settings (comment on section run)", ps.of("run.years").describe());
        assertEquals(Origin.COMMENT, ps.of("run.warmup_years").origin());
        assertEquals("the warm-up, said above it", ps.of("run.warmup_years").text());
        // a blank line separates a comment block from the key below it
        assertEquals(Origin.SECTION_COMMENT, ps.of("run.replications").origin());
        assertEquals("list source", ps.of("list_a").text());
        assertEquals(Origin.NONE, ps.of("list_b").origin());
        assertEquals("real comment", ps.of("text").text());
        assertEquals(Origin.NONE, ps.of("other").origin());
        assertEquals(Origin.NONE, ps.of("hash").origin());
        assertEquals("flow source", ps.of("flow.p").text());
        assertEquals("flow source", ps.of("flow.q").text());
        assertEquals(Origin.NONE, ps.of("nested.inner.leaf").origin());
        assertEquals(Set.of("name", "run.seed", "run.years", "run.warmup_years", "run.replications", "list_a",
                "list_b", "text", "other", "hash", "flow.p", "flow.q", "nested.inner.leaf"), ps.all().keySet());
    }

    @Test
    void extendsReplacesValuesListsAndSectionsAsTheLoaderDoes() throws Exception {
        write("parent.yaml", """
                name: x
                run:                       # run settings
                  seed: 1                  # any integer
                  years: 5
                list_a: [a, b]             # list source
                flow: {p: 1, q: 2}         # flow source
                nested:
                  inner:
                    leaf: 3                # parent leaf
                """);
        Path child = write("sub/child.yaml", """
                extends: ../parent.yaml
                run:
                  seed: 2                  # child seed
                flow: 7                    # a value replaces a section
                nested: {inner: {leaf: 4}}
                list_a: [c]
                """);
        ParameterSources ps = ParameterSources.read(child, Map.of("run.years", 9));
        assertEquals(2, ps.files().size());
        assertEquals(child.toString(), ps.files().get(0));
        assertEquals(dir.resolve("parent.yaml").toString(), ps.files().get(1));
        assertEquals("child seed", ps.of("run.seed").text());
        assertEquals(child.toString(), ps.of("run.seed").file());
        assertEquals(Origin.OVERRIDE, ps.of("run.years").origin());
        assertEquals("a value replaces a section", ps.of("flow").text());
        assertFalse(ps.all().containsKey("flow.p"));
        assertEquals(Origin.NONE, ps.of("nested.inner.leaf").origin());
        assertEquals(child.toString(), ps.of("nested.inner.leaf").file());
        assertEquals(Origin.NONE, ps.of("list_a").origin());
        assertEquals(ps.files().get(1), ps.of("name").file());
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }
}
