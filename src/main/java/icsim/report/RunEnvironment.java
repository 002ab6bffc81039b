package icsim.report;

import java.io.IOException;
import icsim.output.Provenance;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Facts about the machine and the code a report states: hardware and operating system, and, from the git work
 * tree around the working folder, its root, whether it has uncommitted changes, its remote and licence file.
 * Git is only read (rev-parse, status without taking locks, remote), never changed; anything that cannot be
 * found is null.
 *
 * @param os             operating system name, version and architecture
 * @param cpu            processor model (Linux /proc/cpuinfo), or null
 * @param cores          processors available to the JVM
 * @param maxHeapBytes   the JVM's maximum heap
 * @param memoryBytes    the machine's physical memory, or -1 if unknown
 * @param javaRuntime    JVM name and version
 * @param repository     root folder of the git work tree, or null
 * @param uncommitted    true when tracked files differ from the commit, null if unknown
 * @param remote         URL of the remote "origin", or null
 * @param licenceFiles   licence files at the repository root (LICENSE, LICENCE, COPYING, ...), maybe empty
 */
public record RunEnvironment(String os, String cpu, int cores, long maxHeapBytes, long memoryBytes,
                             String javaRuntime, Path repository, Boolean uncommitted, String remote,
                             List<String> licenceFiles) {

    /** The facts for this JVM and the git work tree containing {@code dir}. */
    public static RunEnvironment probe(Path dir) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        String runtime = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
        String top = Provenance.git(dir, "rev-parse", "--show-toplevel");
        Path repository = top == null || top.isBlank() ? null : Path.of(top.strip());
        Boolean uncommitted = null;
        String remote = null;
        List<String> licences = new ArrayList<>();
        if (repository != null) {
            String status = Provenance.git(dir, "--no-optional-locks", "status", "--porcelain", "--untracked-files=no");
            uncommitted = status == null ? null : !status.isBlank();
            String r = Provenance.git(dir, "remote", "get-url", "origin");
            remote = r == null || r.isBlank() ? null : r.strip();
            licences = licenceFiles(repository);
        }
        return new RunEnvironment(os, cpuModel(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), physicalMemory(), runtime, repository, uncommitted, remote,
                licences);
    }

    private static List<String> licenceFiles(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.toUpperCase(Locale.ROOT).matches("(LICEN[CS]E|COPYING|UNLICENSE)([.-].*)?"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(info)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return -1;
    }
}
