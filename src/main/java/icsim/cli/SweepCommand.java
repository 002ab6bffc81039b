package icsim.cli;

import icsim.scenario.ExperimentSpec;
import icsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code icsim sweep SCENARIO --vary PATH=V1,V2 ...}: a full-factorial sweep from the command line, the same as an
 * experiment file with {@code design: sweep}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Full-factorial sweep over scenario values, every point against the scenario as given, paired "
                + "by replication (common random numbers).",
                "Writes OUT/NAME/: sweep.csv, sweep_all_metrics.csv, points.csv, verdict.txt, experiment.json, report.html."})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The base scenario file.")
    Path scenario;

    @Option(names = "--vary", required = true, paramLabel = "PATH=V1,V2,...",
            description = "A factor: a scenario path and its values, e.g. --vary integration.maturity.years=2,4,6 "
                    + "(a YAML list also works: --vary 'discharge.handoff_days=[{min: 3, max: 3}, {min: 7, max: 7}]'). "
                    + "Repeat for more factors.")
    List<String> vary;

    @Option(names = "--outcome", description = "The outcome metric the table shows (default: acute_bed_days).")
    String outcome;

    @Option(names = "--name", defaultValue = "sweep", description = "Results folder name (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        if (!java.nio.file.Files.isRegularFile(scenario)) {
            throw new UserError(scenario + ": no such scenario file (check the path, e.g. scenarios/coordination.yaml)");
        }
        Map<String, List<Object>> factors = new LinkedHashMap<>();
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new UserError("--vary: expected PATH=V1,V2,... such as integration.maturity.years=2,4,6, got '" + v + "'");
            }
            String path = v.substring(0, eq).strip();
            String values = v.substring(eq + 1).strip();
            String list = values.startsWith("[") ? values : "[" + values + "]";
            Object parsed = ScenarioLoader.parseOverrides(List.of(path + "=" + list)).get(path);
            if (!(parsed instanceof List<?> l) || l.isEmpty()) {
                throw new UserError("--vary " + path + ": give at least one value, e.g. " + path + "=1,2");
            }
            factors.put(path, new ArrayList<>(l));
        }
        ExperimentSpec spec = new ExperimentSpec("--vary", name, "icsim sweep " + scenario, "sweep",
                scenario.toAbsolutePath().normalize(), scenarioOptions.overrides(), outcome, 0.05, List.of(), factors,
                Map.of());
        return ExperimentCommand.run(spec, null, name, true, output, common);
    }

}
