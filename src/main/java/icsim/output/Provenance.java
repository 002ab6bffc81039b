package icsim.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What run.json records so a result can be traced to its code, input and machine.
 *
 * @param gitCommit        null when the code is not in a git work tree
 * @param streamAllocation one sentence saying how random streams map to replications/processes
 * @param startedAt        ISO-8601 instant
 * @param extra            anything else; written with keys sorted
 */
@JsonPropertyOrder({"icsimVersion", "gitCommit", "scenarioFile", "scenarioSha256", "scenarioName", "seed",
        "replications", "warmupYears", "years", "population", "streamAllocation", "javaVersion", "javaVendor",
        "cores", "threads", "wallTimeSeconds", "startedAt", "extra"})
public record Provenance(
        String icsimVersion,
        String gitCommit,
        String scenarioFile,
        String scenarioSha256,
        String scenarioName,
        long seed,
        int replications,
        double warmupYears,
        double years,
        int population,
        String streamAllocation,
        String javaVersion,
        String javaVendor,
        int cores,
        int threads,
        double wallTimeSeconds,
        String startedAt,
        Map<String, String> extra) {

    public Provenance {
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e); // mandated by the Java spec
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** HEAD commit of the git work tree containing dir, or null on any failure (no git, not a repo, timeout). */
    public static String gitCommit(Path dir) {
        String out = git(dir, "rev-parse", "HEAD");
        out = out == null ? null : out.trim();
        return out != null && out.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? out : null;
    }

    /** The output of a read-only git command in dir, or null on any failure (no git, not a repo, timeout). */
    public static String git(Path dir, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(java.util.List.of(args));
        Process p = null;
        try {
            p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes(); // read before waiting: the output can be long
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
