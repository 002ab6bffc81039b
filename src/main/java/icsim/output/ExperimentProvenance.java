package icsim.output;

import java.util.List;
import java.util.Map;

/**
 * experiment.json: what an experiment ran, so it can be reported (STRESS-DES) and reproduced: the experiment
 * file and its hash, every point's scenario file, overrides and run size, the stream policy, and the machine.
 */
public record ExperimentProvenance(String icsimVersion, String gitCommit, String experimentFile,
                                   String experimentSha256, String name, String design, String verdict,
                                   String streams, List<PointEntry> points, String javaVersion, String javaVendor,
                                   int cores, int threads, double wallSeconds, String finishedAt) {

    /** One point that ran. */
    public record PointEntry(String name, String scenarioFile, String scenarioSha256, Map<String, Object> overrides,
                             long seed, int replications, int population, double warmupYears, double years,
                             double wallSeconds) {
    }
}
