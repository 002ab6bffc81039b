package icsim.report;

import icsim.experiment.design.DesignResult;
import icsim.output.Table;
import icsim.scenario.ExperimentSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An experiment's report.html: one self-contained page with the verdict and the sentence behind it, the design's
 * charts, and every table, in the style of the run report.
 */
public final class ExperimentReport {
    public static final String FILE = "report.html";

    private ExperimentReport() {
    }

    /** @param pointsRun what ran (point, scenario file, overrides, run size, wall time), for reproducing it */
    public static Path write(Path folder, ExperimentSpec spec, DesignResult result, double wallSeconds, Table pointsRun)
            throws IOException {
        Path file = folder.resolve(FILE);
        Files.writeString(file, html(spec, result, wallSeconds, pointsRun), StandardCharsets.UTF_8);
        return file;
    }

    static String html(ExperimentSpec spec, DesignResult result, double wallSeconds, Table pointsRun) {
        Html h = new Html();
        String title = "icsim experiment: " + spec.name();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns", HtmlReport.XHTML, "lang", "en-GB");
        h.open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.element("title", title);
        h.open("style").raw(HtmlReport.css()).close("style");
        h.close("head");
        h.open("body");
        h.open("header").element("h1", title);
        h.paragraph(spec.description().isEmpty() ? spec.design() : spec.description(), "class", "lead");
        h.close("header");
        h.open("main");
        h.open("section", "id", "verdict");
        String verdict = result.verdict() == DesignResult.Verdict.NOT_A_LAW ? "Result"
                : "Verdict: " + result.verdict().text();
        h.element("h2", verdict);
        h.paragraph(result.summary());
        h.paragraph(String.format(Locale.ROOT, "Design %s, base scenario %s, materiality %.0f %% of the baseline, "
                        + "common random numbers across every point; wall time %.0f s.", spec.design(),
                spec.base().getFileName(), 100 * spec.materiality(), wallSeconds), "class", "note");
        h.close("section");
        int id = 0;
        for (DesignResult.Chart c : result.charts()) {
            h.open("section", "id", "chart-" + id);
            h.element("h2", c.title());
            List<ReportCharts.Band> bands = new ArrayList<>();
            for (int i = 0; i < c.names().size(); i++) {
                double[] mean = c.means().get(i);
                double[] low = c.lows() == null || c.lows().get(i) == null ? mean : c.lows().get(i);
                double[] high = c.highs() == null || c.highs().get(i) == null ? mean : c.highs().get(i);
                bands.add(new ReportCharts.Band(c.names().get(i), i, c.x(), mean, low, high));
            }
            h.open("figure").raw(ReportCharts.bands("experiment-chart-" + id, bands, c.xLabel(), c.yLabel(),
                    ReportCharts.compact(), List.of(new ReportCharts.Marker(0, null, true)), null, 0, 420)).close("figure");
            h.close("section");
            id++;
        }
        List<Table> tables = new ArrayList<>(result.tables());
        tables.add(pointsRun);
        for (Table t : tables) {
            h.open("section", "id", t.file().replace(".csv", ""));
            h.element("h2", t.title());
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> r : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    cells.add(Table.cell(t.columns().get(i), r.get(i)));
                }
                rows.add(cells);
            }
            if (rows.size() > 200) {
                h.paragraph(rows.size() + " rows: see " + t.file() + ".");
            } else {
                h.table(t.file(), t.columns(), rows, Set.of(), "class", "wide");
            }
            h.close("section");
        }
        h.close("main");
        h.close("body");
        h.close("html");
        return h.finish();
    }
}
