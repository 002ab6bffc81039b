package icsim.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiment files: what a valid one gives, and one clear line for each kind of mistake. */
class ExperimentLoaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        if (!Files.exists(dir.resolve("fragmented.yaml"))) {
            Files.copy(Path.of("scenarios/fragmented.yaml"), dir.resolve("fragmented.yaml"));
        }
        return Files.writeString(dir.resolve("exp.yaml"), text);
    }

    private ScenarioException fails(String text) throws Exception {
        Path f = write(text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void readsEverySection() throws Exception {
        Path f = write("""
                name: my-sweep
                design: sweep
                base: fragmented.yaml
                set: {run.replications: 4}
                primary_outcome: total_cost
                materiality: 0.1
                arms:
                  a: {set: {integration.level: linkage}}
                  b: {scenario: fragmented.yaml}
                factors:
                  integration.maturity.years: [2, 4]
                parameters: {x: [1, 2]}
                """);
        ExperimentSpec s = ExperimentLoader.load(f);
        assertEquals("my-sweep", s.name());
        assertEquals(dir.resolve("fragmented.yaml").toAbsolutePath().normalize(), s.base());
        assertEquals(Map.of("run.replications", 4), s.set());
        assertEquals("total_cost", s.primaryOutcome());
        assertEquals(0.1, s.materiality());
        assertEquals(List.of("a", "b"), s.arms().stream().map(ExperimentSpec.Arm::name).toList());
        assertEquals(Map.of("integration.level", "linkage"), s.arms().get(0).set());
        assertEquals(s.base(), s.arms().get(1).scenario());
        assertEquals(Map.of("integration.maturity.years", List.of(2, 4)), s.factors());
        assertEquals(List.of(1, 2), s.parameter("x", null));
    }

    @Test
    void shippedExperimentsLoad() throws Exception {
        for (String f : List.of("leutz/l1.yaml", "leutz/l2.yaml", "leutz/l3.yaml", "leutz/l4.yaml", "leutz/l5.yaml",
                "scale.yaml", "evaluation.yaml")) {
            Path p = Path.of("scenarios").resolve(f);
            ExperimentSpec s = ExperimentLoader.load(p);
            assertTrue(ExperimentSpec.DESIGNS.contains(s.design()), f);
        }
    }

    @Test
    void mistakesNameTheFileThePathAndTheFix() throws Exception {
        assertTrue(fails("name: x\ndesign: sweep\nbase: fragmented.yaml\nfactorz: {}\n").getMessage()
                .contains(": factorz: unknown key (allowed: "));
        assertTrue(fails("name: x\ndesign: leutz_l9\nbase: fragmented.yaml\n").getMessage()
                .contains(": design: unknown design 'leutz_l9' (one of sweep, leutz_l1"));
        assertTrue(fails("name: x\ndesign: sweep\nbase: nowhere.yaml\n").getMessage()
                .contains(": base: no such scenario file "));
        assertTrue(fails("design: sweep\nbase: fragmented.yaml\n").getMessage().contains(": name: is missing (add name: ...)"));
        assertTrue(fails("name: x\ndesign: sweep\nbase: fragmented.yaml\nfactors: {run.seed: 3}\n").getMessage()
                .contains(": factors.run.seed: must be a non-empty list of values"));
        assertTrue(fails("name: x\ndesign: sweep\nbase: fragmented.yaml\narms: {a: {sett: {}}}\n").getMessage()
                .contains(": arms.a.sett: unknown key (allowed: scenario, set)"));
        assertTrue(fails("name: x\ndesign: sweep\nbase: fragmented.yaml\nmateriality: 5\n").getMessage()
                .contains(": materiality: must be a share in [0, 1)"));
        assertTrue(fails("name: a/b\ndesign: sweep\nbase: fragmented.yaml\n").getMessage()
                .contains(": name: 'a/b' is not a folder name"));
        assertTrue(fails("name: [x\n").getMessage().contains(": not valid YAML at line"));
    }

    @Test
    void missingFileIsOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(dir.resolve("none.yaml")));
        assertTrue(e.getMessage().endsWith("no such experiment file (check the path, e.g. scenarios/leutz/l2.yaml)"));
    }
}
