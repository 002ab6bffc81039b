package icsim.cli;

import icsim.experiment.EngineBenchmark;
import icsim.experiment.MemoryProbe;
import icsim.experiment.ReplicationRunner;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code icsim bench}: measures speed and memory on this machine (never asserted in tests). Reports the
 * default run's wall time, person-years per second per core, events per second, heap per person at a
 * million people, and the engine against a hand-written heap loop on the same synthetic load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed and memory: the full default run, a 1,000,000-person replication, and the engine.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "scenarios/fragmented.yaml",
            description = "Scenario to time (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Option(names = "--threads", description = "Worker threads for the full run (default: all cores).")
    Integer threads;

    @Option(names = "--million", defaultValue = "1000000", description = "People in the single-replication memory run (default: ${DEFAULT-VALUE}; 0 skips it).")
    int million;

    @Option(names = "--engine-people", defaultValue = "250000", description = "People in the synthetic engine load (default: ${DEFAULT-VALUE}; 0 skips it).")
    int enginePeople;

    @Option(names = "--skip-full", description = "Skip the full default run.")
    boolean skipFull;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int threadCount = threads == null ? cores : threads;
        System.out.printf("icsim bench on %d cores, Java %s (%s), max heap %d MB%n", cores, System.getProperty("java.version"),
                System.getProperty("java.vendor"), Runtime.getRuntime().maxMemory() >> 20);
        Scenario scenario = scenarioOptions.load(scenarioFile);
        if (!skipFull) {
            long start = System.nanoTime();
            ReplicationRunner.Outcome o = new ReplicationRunner(threadCount).run(scenario, 0, null, null);
            double wall = (System.nanoTime() - start) / 1e9;
            long events = 0;
            double personYears = 0;
            for (ReplicationResult r : o.results()) {
                events += r.events();
                personYears += r.personYears();
            }
            System.out.printf("full run: %s, %,d people x %.0f years x %d replications on %d threads: %.1f s wall%n",
                    scenarioFile, scenario.population().size(), scenario.run().warmupYears() + scenario.run().years(),
                    scenario.run().replications(), threadCount, wall);
            System.out.printf("  %,.0f person-years/s per core, %,.0f events/s (%,d events)%n",
                    personYears / wall / Math.min(threadCount, cores), events / wall, events);
        }
        if (million > 0) {
            Scenario big = ScenarioLoader.load(scenarioFile, merge(scenarioOptions.overrides(),
                    Map.of("population.size", million, "run.replications", 1)));
            MemoryProbe.Result r = MemoryProbe.measure(big);
            System.out.printf("one replication of %,d people x %.0f years on 1 thread: %.1f s wall, %,d events%n", million,
                    big.run().warmupYears() + big.run().years(), r.seconds(), r.events());
            System.out.printf("  heap kept alive by the model: %,.0f MB = %.0f bytes per person (after GC, model still referenced)%n",
                    r.retainedBytes() / 1e6, r.retainedBytes() / (double) million);
            System.out.printf("  peak heap in use, garbage included: %,.0f MB = %.0f bytes per person (sampled every 5 ms)%n",
                    r.peakSampledBytes() / 1e6, r.peakSampledBytes() / (double) million);
        }
        if (enginePeople > 0) {
            EngineBenchmark b = new EngineBenchmark(enginePeople, 6);
            b.handLoop();
            b.icsimEngine(); // warm-up of the JIT
            EngineBenchmark.Result hand = b.handLoop();
            EngineBenchmark.Result engine = b.icsimEngine();
            EngineBenchmark.Result splay = b.ssjDefault();
            System.out.printf("engine, synthetic crisis/bed load, %,d people x 6 years:%n", enginePeople);
            for (EngineBenchmark.Result r : new EngineBenchmark.Result[]{hand, engine, splay}) {
                System.out.printf("  %-50s %6.2f s  %,d events  (%.2fx the hand loop)%n", r.engine(), r.seconds(),
                        r.events(), r.seconds() / hand.seconds());
            }
        }
        return 0;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
