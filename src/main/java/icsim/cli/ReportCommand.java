package icsim.cli;

import icsim.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code icsim report OUTPUT_DIR}: writes report.html into a run or comparison folder, from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write OUTPUT_DIR/report.html: one self-contained page (charts as inline SVG, no script, nothing "
                + "fetched) with the scenario(s), headline results, acute occupancy over time, delayed-transfer days by "
                + "reason, costs by sector and payer, net cost against the baseline (comparisons), waits and "
                + "occupancy per service, and provenance.",
                "Reads only the files in the folder, so it also works on an older output folder; a missing file "
                        + "leaves its section with a note. `run --report` and `compare --report` write it too."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTPUT_DIR",
            description = "A run folder (output/<name>/, with summary.csv) or a comparison folder (output/comparison/).")
    Path folder;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return common.guard(this::execute);
    }

    private int execute() throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new UserError(folder + ": no such folder (give the folder icsim run or icsim compare wrote, "
                    + "e.g. output/fragmented)");
        }
        if (!HtmlReport.isOutputFolder(folder)) {
            throw new UserError(folder + ": not a run or comparison folder: it has no summary.csv, comparison.csv or "
                    + "scenario folders (give the folder icsim run or icsim compare wrote)");
        }
        Path file = HtmlReport.write(folder, RunCommand.HEADLINE);
        if (!common.quiet) {
            System.out.println("Wrote " + file);
        }
        return 0;
    }
}
