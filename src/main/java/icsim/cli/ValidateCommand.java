package icsim.cli;

import icsim.model.LoadEstimate;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code icsim validate SCENARIO...}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files (keys, types, ranges, shares, extends) without running them.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario YAML files.")
    List<Path> files;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return common.guard(() -> {
            for (Path file : files) {
                Scenario s = scenarioOptions.load(file);
                if (!common.quiet) {
                    System.out.printf("ok: %s (%s: %,d people, %d replications of %s+%s years, seed %d)%n", file, s.name(),
                            s.population().size(), s.run().replications(), trim(s.run().warmupYears()), trim(s.run().years()),
                            s.run().seed());
                    StringBuilder loads = new StringBuilder("  expected load (approximate):");
                    for (Map.Entry<String, Double> e : LoadEstimate.of(s).entrySet()) {
                        loads.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue()));
                        if (e.getValue() >= LoadEstimate.WARNING && !LoadEstimate.NO_LIST.contains(e.getKey())) {
                            System.err.printf(Locale.ROOT, "icsim: warning: %s: %s expected load %.2f ≥ %.2f: its queue may never "
                                    + "clear (add capacity or reduce demand)%n", file, e.getKey(), e.getValue(), LoadEstimate.WARNING);
                        }
                    }
                    System.out.println(loads);
                    System.out.println("  " + IntegrationProfile.summary(s));
                }
            }
            return 0;
        });
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
