package icsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {

    static Provenance sample() {
        Map<String, String> extra = new HashMap<>();
        extra.put("zeta", "1");
        extra.put("alpha", "2");
        return new Provenance("0.1.0", null, "scenarios/base.yaml", "ab12", "base", 42L, 10, 2.0, 5.0, 10000,
                "one stream per replication, split from the seed", "17.0.15", "Debian", 8, 4, 12.5,
                "2025-01-01T00:00:00Z", extra);
    }

    @Test
    void sha256OfKnownContent(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.yaml"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Provenance.sha256(f));
    }

    @Test
    void gitCommitOutsideARepositoryIsNull(@TempDir Path tmp) {
        assertNull(Provenance.gitCommit(tmp));
        assertNull(Provenance.gitCommit(tmp.resolve("does-not-exist")));
    }

    @Test
    void runJsonFieldsInDeclarationOrderAndStable(@TempDir Path tmp) throws Exception {
        Path a = ProvenanceWriter.write(Files.createDirectory(tmp.resolve("a")), sample());
        Path b = ProvenanceWriter.write(Files.createDirectory(tmp.resolve("b")), sample());
        assertEquals("run.json", a.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

        String text = Files.readString(a);
        assertFalse(text.contains("\r"));
        assertTrue(text.contains("\"gitCommit\" : null"), text);
        JsonNode node = new ObjectMapper().readTree(text);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("icsimVersion", "gitCommit", "scenarioFile", "scenarioSha256", "scenarioName", "seed",
                "replications", "warmupYears", "years", "population", "streamAllocation", "javaVersion",
                "javaVendor", "cores", "threads", "wallTimeSeconds", "startedAt", "extra"), names);
        List<String> extra = new ArrayList<>();
        node.get("extra").fieldNames().forEachRemaining(extra::add);
        assertEquals(List.of("alpha", "zeta"), extra);
        assertEquals(42L, node.get("seed").asLong());
    }
}
