package icsim.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the commands that run scenarios and write results (run, compare): threads, output folder, table. */
final class OutputOptions {
    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", defaultValue = "output", description = "Folder that receives the results folder NAME (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--all", description = "Print every metric, not just the headline ones.")
    boolean all;

    /** --threads, or all cores when it is absent. */
    int threadCount() throws UserError {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserError("--threads: must be ≥ 1, got " + threadCount);
        }
        return threadCount;
    }
}
