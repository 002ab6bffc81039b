package icsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import icsim.report.ReportCharts.Band;
import icsim.report.ReportCharts.Interval;
import icsim.report.ReportCharts.Marker;
import icsim.report.ResultFolder.Comparison;
import icsim.report.ResultFolder.Daily;
import icsim.report.ResultFolder.Difference;
import icsim.report.ResultFolder.Estimate;
import icsim.report.ResultFolder.Mechanism;
import icsim.report.ResultFolder.NetCost;
import icsim.report.ResultFolder.Run;
import icsim.scenario.IntegrationProfile;
import org.jfree.data.Range;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG charts, no script, nothing fetched) that shows
 * a run folder or a comparison folder, read from its files alone, so it also works on an old folder. A file that
 * is missing leaves its section with a one-line note. Sections: the scenario(s) and integration dimensions, the
 * headline table, acute occupancy over time, delayed-transfer days by reason, cost by sector and payer,
 * cumulative net cost against the baseline (comparisons), waits and occupancy per service, and provenance.
 */
public final class HtmlReport {
    /** The file written into the folder. */
    public static final String FILE = "report.html";

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String MINUS = "\u2212";
    private static final String DASH = "\u2013";
    private static final List<String> SECTORS = List.of("primary", "community", "acute", "social_care");
    private static final List<String> PAYERS = List.of("nhs", "local_authority", "self_funder");
    private static final Map<String, String> WORDS = Map.of("ic", "IC", "d2a", "D2A", "nhs", "NHS", "ae", "A&E",
            "mffd", "MFFD", "los", "LOS");
    private static final Map<String, String> SERVICES = Map.of("acute", "Acute beds", "step_up", "Step-up",
            "ic_bed", "IC beds", "reablement", "Reablement", "home_care", "Home care", "care_home", "Care homes",
            "d2a", "D2A at home");

    private final Html h = new Html();
    private final Map<String, String> headline;
    /** Null for a run folder. */
    private final Comparison comparison;
    /** The scenarios shown: the run, or the baseline then the others. */
    private final List<Run> runs;
    private final JsonNode runJson;
    private final Map<String, String> problems;
    /** A person's journey through two of the scenarios (journey.txt, written by compare --report), or null. */
    private final String journey;

    /** The file a person's journey is read from, when the folder has one. */
    public static final String JOURNEY = "journey.txt";

    private HtmlReport(Path folder, Map<String, String> headline) {
        this.headline = headline;
        String story;
        try {
            story = java.nio.file.Files.exists(folder.resolve(JOURNEY))
                    ? java.nio.file.Files.readString(folder.resolve(JOURNEY), java.nio.charset.StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            story = null;
        }
        this.journey = story;
        if (ResultFolder.isComparison(folder)) {
            comparison = ResultFolder.readComparison(folder);
            runs = comparison.scenarios;
            runJson = comparison.runJson;
            problems = comparison.problems;
        } else {
            comparison = null;
            Run run = ResultFolder.readRun(folder);
            runs = List.of(run);
            runJson = run.runJson;
            problems = run.problems;
        }
    }

    /** True when folder holds a run's or a comparison's outputs (summary.csv, comparison.csv or scenario folders). */
    public static boolean isOutputFolder(Path folder) {
        return Files.isDirectory(folder) && ResultFolder.isOutputFolder(folder);
    }

    /**
     * Writes {@value #FILE} into folder, replacing any earlier one atomically, and returns its path.
     *
     * @param headline metric id to label of the headline rows, in order (as the terminal shows them)
     */
    public static Path write(Path folder, Map<String, String> headline) throws IOException {
        String html = render(folder, headline);
        Path target = folder.resolve(FILE);
        Path temporary = folder.resolve("." + FILE + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** The page for folder. */
    public static String render(Path folder, Map<String, String> headline) {
        HtmlReport r = new HtmlReport(folder, headline);
        r.build();
        return r.h.finish();
    }

    // ---- the page -------------------------------------------------------------------------------------------

    private void build() {
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns", XHTML, "lang", "en-GB");
        h.open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.element("title", title());
        h.open("style").raw(css()).close("style");
        h.close("head");
        h.open("body");
        h.open("header").element("h1", title());
        h.paragraph(subtitle(), "class", "lead");
        h.close("header");
        contents();
        h.open("main");
        scenarios();
        headlines();
        occupancy();
        delays();
        costs();
        netCost();
        services();
        provenance();
        journey();
        h.close("main");
        String version = text(runJson, "icsimVersion", "");
        h.open("footer").paragraph("Written by icsim" + (version.isEmpty() ? "" : " " + version)
                + " from the files in this folder (icsim report FOLDER rewrites it). Intervals are 95 % Student-t "
                + "intervals over replications; numbers are rounded for reading, the CSV files hold them in full.")
                .close("footer");
        h.close("body").close("html");
    }

    private String title() {
        if (comparison == null) {
            return "icsim report: " + runs.get(0).name;
        }
        List<String> names = runs.stream().map(r -> r.name).toList();
        return names.isEmpty() ? "icsim comparison" : "icsim comparison: " + String.join(", ", names);
    }

    private String subtitle() {
        if (comparison == null) {
            String d = runs.get(0).description();
            return d.isEmpty() ? "One scenario (scenario.yaml, which describes it, is not in this folder)." : d;
        }
        if (runs.isEmpty()) {
            return "No scenario folders found.";
        }
        return "Each scenario against the baseline " + runs.get(0).name + ", paired by replication ("
                + text(runJson, "streams", "common random numbers") + ").";
    }

    private static final String[][] SECTIONS = {
            {"scenario", "Scenario and integration"}, {"headline", "Headline results"},
            {"occupancy", "Acute bed occupancy over time"}, {"delays", "Delayed-transfer bed days by reason"},
            {"costs", "Cost by sector and by payer"}, {"net-cost", "Cumulative net cost against the baseline"},
            {"services", "Waiting times and occupancy per service"}, {"provenance", "STRESS-DES report and provenance"},
            {"journey", "A person's journey through two systems"}};

    private void contents() {
        h.open("nav", "aria-label", "Contents").element("h2", "Contents").open("ol");
        for (String[] s : SECTIONS) {
            if (!s[0].equals("journey") || journey != null) {
                h.open("li").link("#" + s[0], s[1]).close("li");
            }
        }
        h.close("ol").close("nav");
    }

    private void section(int number) {
        String[] s = SECTIONS[number - 1];
        h.open("section", "id", s[0]).element("h2", number + ". " + s[1]);
    }

    private void endSection() {
        h.close("section");
    }

    private void note(String text) {
        h.paragraph(text, "class", "note");
    }

    /** A comparison folder without scenario folders: the section says so and ends; false when there is data. */
    private boolean noScenarios() {
        if (!runs.isEmpty()) {
            return false;
        }
        note("No scenario folders (with a summary.csv) in this folder: nothing to show here.");
        endSection();
        return true;
    }

    private void figure(String svg, String caption) {
        h.open("figure").raw(svg).element("figcaption", caption).close("figure");
    }

    // ---- 1. scenario(s) -------------------------------------------------------------------------------------

    private void scenarios() {
        section(1);
        produced();
        if (comparison != null && runs.isEmpty()) {
            note("No scenario folders (with a summary.csv) in this folder: nothing more to show.");
            endSection();
            return;
        }
        if (comparison == null) {
            Run r = runs.get(0);
            h.open("p").text("Scenario ").element("strong", r.name);
            if (r.description().isEmpty()) {
                h.text(" (scenario.yaml is not in this folder, so its description and level are unknown).");
            } else {
                h.text(": " + r.description() + " Integration level ").code(r.level()).text(".");
            }
            h.close("p");
            if (r.integration != null) {
                h.paragraph("Dimensions of integration switched on: " + dimensionsOn(r.integration) + "; off: "
                        + dimensionsOff(r.integration) + ".");
            }
        } else {
            scenarioTable();
        }
        mechanismTable();
        endSection();
    }

    /** When and how the outputs were produced, from run.json. */
    private void produced() {
        if (runJson == null) {
            note(problems.getOrDefault(ResultFolder.RUN_JSON, "run.json is missing")
                    + ": when and how these outputs were produced is unknown.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        String command;
        if (comparison == null) {
            command = "icsim run " + text(runJson, "scenarioFile", "?");
            rows.add(List.of("Command", command));
            rows.add(List.of("Population", number(runJson.path("population").asDouble(Double.NaN)) + " people"));
            rows.add(List.of("Run length", runLength(runJson)));
        } else {
            List<String> files = new ArrayList<>();
            runJson.path("scenarios").forEach(s -> files.add(s.path("file").asText("?")));
            command = "icsim compare " + String.join(" ", files);
            rows.add(List.of("Command", command));
            JsonNode first = runJson.path("scenarios").path(0);
            rows.add(List.of("Population", number(first.path("population").asDouble(Double.NaN)) + " people"));
            rows.add(List.of("Run length", runLength(first)));
            rows.add(List.of("Random numbers", text(runJson, "streams", "?")));
        }
        rows.add(List.of("Replications", text(runJson, "replications", "?") + ", master seed "
                + text(runJson, "seed", "?")));
        rows.add(List.of("Started", startedAt(text(runJson, "startedAt", "")) + ", wall time "
                + seconds(runJson.path("wallTimeSeconds")) + " on " + text(runJson, "threads", "?") + " threads ("
                + text(runJson, "cores", "?") + " cores)"));
        rows.add(List.of("Software", "icsim " + text(runJson, "icsimVersion", "?") + ", git commit "
                + text(runJson, "gitCommit", "not recorded") + ", Java " + text(runJson, "javaVersion", "?") + " ("
                + text(runJson, "javaVendor", "?") + ")"));
        h.table(null, List.of("Produced", ""), rows, Set.of(), "class", "kv");
    }

    private void scenarioTable() {
        Map<String, JsonNode> byFolder = new LinkedHashMap<>();
        if (runJson != null) {
            runJson.path("scenarios").forEach(s -> byFolder.put(s.path("folder").asText(""), s));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            JsonNode s = byFolder.get(r.name);
            rows.add(List.of(r.name, i == 0 ? "baseline" : "scenario", s == null ? "?" : s.path("file").asText("?"),
                    r.level().isEmpty() ? "?" : r.level(),
                    r.integration == null ? "? (no integration.csv)" : dimensionsOn(r.integration),
                    r.description()));
        }
        h.table(null, List.of("Scenario", "Role", "File", "Level", "Dimensions on", "Description"), rows, Set.of(),
                "class", "scenarios");
    }

    /** Which mechanisms each scenario switches on, with the dimensions each belongs to. */
    private void mechanismTable() {
        List<Run> known = runs.stream().filter(r -> r.integration != null).toList();
        if (known.isEmpty()) {
            note(runs.get(0).problems.getOrDefault(ResultFolder.INTEGRATION, "integration.csv is missing")
                    + ": the integration mechanisms are not shown.");
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        Map<String, List<String>> dims = new LinkedHashMap<>();
        for (Run r : known) {
            for (Mechanism m : r.integration) {
                keys.add(m.key());
                dims.putIfAbsent(m.key(), m.dimensions());
            }
        }
        List<String> header = new ArrayList<>(List.of("Mechanism", "Dimensions"));
        List<List<String>> rows = new ArrayList<>();
        if (comparison == null) {
            header.addAll(List.of("On", "Set-up (£)", "Running (£ a year)"));
            for (Mechanism m : known.get(0).integration) {
                rows.add(List.of(label(m.key()), String.join(", ", m.dimensions()), m.enabled() ? "on" : "off",
                        m.enabled() ? number(m.setupCost()) : DASH, m.enabled() ? number(m.runningCost()) : DASH));
            }
            h.table("Integration mechanisms (costs for this population, at full running)", header, rows,
                    Set.of(3, 4), "class", "mechanisms");
            return;
        }
        runs.forEach(r -> header.add(r.name));
        for (String key : keys) {
            List<String> row = new ArrayList<>(List.of(label(key), String.join(", ", dims.get(key))));
            for (Run r : runs) {
                row.add(r.integration == null ? "?" : r.integration.stream().filter(m -> m.key().equals(key))
                        .findFirst().map(m -> m.enabled() ? "on" : "off").orElse(DASH));
            }
            rows.add(row);
        }
        h.table("Integration mechanisms switched on", header, rows, Set.of(), "class", "mechanisms");
    }

    private static String dimensionsOn(List<Mechanism> mechanisms) {
        Set<String> on = onDimensions(mechanisms);
        return on.isEmpty() ? "none" : String.join(", ", on);
    }

    private static String dimensionsOff(List<Mechanism> mechanisms) {
        Set<String> on = onDimensions(mechanisms);
        List<String> off = IntegrationProfile.DIMENSIONS.stream().filter(d -> !on.contains(d)).toList();
        return off.isEmpty() ? "none" : String.join(", ", off);
    }

    private static Set<String> onDimensions(List<Mechanism> mechanisms) {
        Set<String> found = new LinkedHashSet<>();
        mechanisms.stream().filter(Mechanism::enabled).forEach(m -> found.addAll(m.dimensions()));
        Set<String> ordered = new LinkedHashSet<>();
        IntegrationProfile.DIMENSIONS.stream().filter(found::contains).forEach(ordered::add);
        ordered.addAll(found);
        return ordered;
    }

    // ---- 2. headline ----------------------------------------------------------------------------------------

    private void headlines() {
        section(2);
        if (noScenarios()) {
            return;
        }
        if (comparison == null) {
            runHeadline(runs.get(0));
        } else if (comparison.differences == null) {
            note(problems.get(ResultFolder.COMPARISON) + ": the paired differences are not shown, only each "
                    + "scenario's means.");
            meansTable();
        } else {
            h.paragraph("Difference = scenario " + MINUS + " baseline, the mean over replications of the paired "
                    + "differences, with its 95 % interval; change = difference ÷ baseline; significant = the interval "
                    + "excludes 0 (comparison.csv adds p-values and Holm-adjusted significance).");
            for (Run r : comparison.others()) {
                differenceTable(r.name, comparison.differences.get(r.name));
            }
        }
        endSection();
    }

    private void runHeadline(Run r) {
        if (r.summary == null) {
            note(r.problems.get(ResultFolder.SUMMARY) + ": no results to show.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : headline.entrySet()) {
            Estimate est = r.metric(e.getKey());
            if (est != null) {
                Scale s = Scale.of(magnitude(est.mean(), est.low(), est.high()));
                rows.add(List.of(e.getValue(), s.format(est.mean()), interval(est.low(), est.high(), est.mean()),
                        Integer.toString(est.n())));
            }
        }
        h.table("Mean over replications with its 95 % interval (every metric is in summary.csv)",
                List.of("Metric", "Mean", "95 % interval", "Replications"), rows, Set.of(1, 2, 3), "class", "headline");
    }

    private void differenceTable(String scenario, Map<String, Difference> diffs) {
        if (diffs == null) {
            note("comparison.csv has no rows for " + scenario + ".");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : headline.entrySet()) {
            Difference d = diffs.get(e.getKey());
            if (d != null) {
                double ref = Math.max(Math.abs(d.diff()), Math.max(Math.abs(d.low()), Math.abs(d.high())));
                rows.add(List.of(e.getValue(), number(d.baselineMean()), number(d.mean()), signed(d.diff(), ref),
                        interval(d.low(), d.high(), ref), percentChange(d.relChange()),
                        d.significant() ? "yes" : "no"));
            }
        }
        h.table(scenario + " against " + runs.get(0).name + " (baseline)", List.of("Metric", "Baseline", scenario,
                "Difference", "95 % interval", "Change", "Significant"), rows, Set.of(1, 2, 3, 4, 5, 6),
                "class", "headline");
    }

    /** Each scenario's mean of every headline metric, when there are no paired differences. */
    private void meansTable() {
        List<String> header = new ArrayList<>(List.of("Metric"));
        runs.forEach(r -> header.add(r.name));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : headline.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getValue()));
            for (Run r : runs) {
                Estimate est = r.metric(e.getKey());
                row.add(est == null ? DASH : number(est.mean()));
            }
            rows.add(row);
        }
        h.table("Mean over replications", header, rows, numericColumns(runs.size()), "class", "headline");
    }

    // ---- 3. occupancy over time -----------------------------------------------------------------------------

    private void occupancy() {
        section(3);
        if (noScenarios()) {
            return;
        }
        List<Band> bands = new ArrayList<>();
        List<String> capacities = new ArrayList<>();
        boolean allBands = true;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            int beds = r.acuteBedCapacity();
            if (r.acuteBeds == null) {
                note(r.problems.get(ResultFolder.TIMESERIES) + ": " + r.name + " is left out of the chart.");
            } else if (beds <= 0) {
                note(r.problems.getOrDefault(ResultFolder.SCENARIO_YAML, "scenario.yaml gives no acute beds")
                        + ": the number of acute beds is unknown, so " + r.name + " is left out of the chart.");
            } else {
                bands.add(occupancyBand(r.name, i, r.acuteBeds, beds));
                capacities.add(r.name + " " + number(beds));
                allBands &= r.acuteBeds.hasBand();
            }
        }
        if (!bands.isEmpty()) {
            double low = bands.stream().flatMap(b -> Arrays.stream(b.low()).boxed())
                    .filter(Double::isFinite).min(Double::compare).orElse(80.0);
            Range y = new Range(Math.min(85, Math.floor(low / 5) * 5), 101);
            List<Marker> lines = List.of(new Marker(92, "92 %", false), new Marker(95, "95 %", true));
            String svg = bands.size() == 1
                    ? ReportCharts.bands("chart-occupancy", bands, "Years after warm-up",
                    "Acute beds occupied at midnight (%)", ReportCharts.compact(), lines, y, yearTick(spanOf(bands)), 420)
                    : ReportCharts.bandPanels("chart-occupancy", bands, "Years after warm-up", "Means: occupied (%)",
                    ReportCharts.compact(), lines, y, yearTick(spanOf(bands)), 160);
            figure(svg, "Daily midnight census of acute beds as a share of the beds (" + String.join(", ", capacities)
                    + " beds), over the measured years" + (bands.size() > 1 ? ": all scenarios' means together, then "
                    + "each scenario on its own. " : ". ") + (allBands
                    ? "Line: mean over replications; band: 5th to 95th percentile across replications."
                    : "Line: mean over replications only (this timeseries.csv has no occupancy_p05 and occupancy_p95 "
                    + "columns, so there is no band across replications).")
                    + " Dashed lines: 92 % and 95 % occupancy.");
        }
        occupancyTable();
        endSection();
    }

    private static Band occupancyBand(String name, int color, Daily d, int beds) {
        int n = d.day().length;
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.day()[i] / 365.0;
            mean[i] = 100 * d.mean()[i] / beds;
            low[i] = d.hasBand() ? 100 * d.p05()[i] / beds : mean[i];
            high[i] = d.hasBand() ? 100 * d.p95()[i] / beds : mean[i];
        }
        return new Band(name, color, x, mean, low, high);
    }

    private void occupancyTable() {
        List<String[]> metrics = List.of(new String[]{"acute_occupancy_mean", "Mean occupancy"},
                new String[]{"acute_days_above_92pct", "Days above 92 %"},
                new String[]{"acute_days_above_95pct", "Days above 95 %"},
                new String[]{"acute_days_full", "Days full"});
        List<List<String>> rows = new ArrayList<>();
        for (String[] m : metrics) {
            List<String> row = new ArrayList<>(List.of(m[1]));
            for (Run r : runs) {
                Estimate e = r.metric(m[0]);
                row.add(e == null ? DASH : percent(e.mean()) + " " + percentInterval(e.low(), e.high()));
            }
            rows.add(row);
        }
        h.table("Share of days (midnight census) and mean occupancy, with 95 % intervals", header("Acute beds"),
                rows, numericColumns(runs.size()), "class", "values");
    }

    // ---- 4. delays ------------------------------------------------------------------------------------------

    private void delays() {
        section(4);
        if (noScenarios()) {
            return;
        }
        List<String> reasons = metricsWithPrefix("delayed_days_");
        if (reasons.isEmpty()) {
            note(noMetrics("delayed_days_<reason> metrics"));
            endSection();
            return;
        }
        List<Run> shown = runs.stream().filter(r -> r.summary != null).toList();
        double[][] values = new double[reasons.size()][shown.size()];
        for (int p = 0; p < reasons.size(); p++) {
            for (int c = 0; c < shown.size(); c++) {
                Estimate e = shown.get(c).metric("delayed_days_" + reasons.get(p));
                values[p][c] = e == null ? Double.NaN : e.mean();
            }
        }
        List<String> labels = reasons.stream().map(HtmlReport::label).toList();
        figure(ReportCharts.stackedBars("chart-delays", shown.stream().map(r -> r.name).toList(), labels, values,
                        "Delayed-transfer bed days a year"),
                "Bed days a year from medically fit for discharge to leaving, booked to the first unmet step "
                        + "(mean over replications).");
        List<String> ids = new ArrayList<>(reasons.stream().map(r -> "delayed_days_" + r).toList());
        List<String> rowLabels = new ArrayList<>(labels);
        ids.add("delayed_transfer_bed_days");
        rowLabels.add("All reasons");
        valuesTable("Delayed-transfer bed days a year, mean with 95 % interval", "Reason", rowLabels, ids, 1);
        endSection();
    }

    // ---- 5. costs -------------------------------------------------------------------------------------------

    private void costs() {
        section(5);
        if (noScenarios()) {
            return;
        }
        if (runs.stream().allMatch(r -> r.summary == null)) {
            note(noMetrics("results"));
            endSection();
            return;
        }
        h.element("h3", "By sector");
        costChart("chart-cost-sector", SECTORS);
        h.element("h3", "By payer");
        costChart("chart-cost-payer", PAYERS);
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String k : SECTORS) {
            ids.add("cost_" + k);
            labels.add(label(k));
        }
        for (String k : PAYERS) {
            ids.add("cost_" + k);
            labels.add(k.equals("self_funder") ? "Self-funders" : label(k));
        }
        ids.addAll(List.of("total_cost", "total_cost_financial", "integration_cost"));
        labels.addAll(List.of("Total (economic)", "Total (financial)", "  of which integration mechanisms"));
        valuesTable("Cost a year (£, economic perspective unless stated), mean with 95 % interval", "Cost",
                labels, ids, 1);
        endSection();
    }

    private void costChart(String id, List<String> keys) {
        List<String> categories = keys.stream().map(k -> k.equals("self_funder") ? "Self-funders" : label(k)).toList();
        Interval[][] values = intervals(keys.stream().map(k -> "cost_" + k).toList(), 1e-6);
        if (Arrays.stream(values).flatMap(Arrays::stream).allMatch(Objects::isNull)) {
            note("summary.csv has no " + String.join(", ", keys.stream().map(k -> "cost_" + k).toList())
                    + ": this chart is left out.");
            return;
        }
        figure(ReportCharts.intervalBars(id, categories, names(), values, "£ million a year (economic)",
                        ReportCharts.compact(), 380),
                "Economic cost a year by " + (keys == SECTORS ? "sector" : "payer")
                        + "; whiskers: 95 % interval over replications.");
    }

    // ---- 6. net cost against the baseline -------------------------------------------------------------------

    private void netCost() {
        section(6);
        if (noScenarios()) {
            return;
        }
        if (comparison == null) {
            note("A single run has no baseline: icsim compare writes the cumulative net cost of each scenario against "
                    + "its baseline (net_cost_by_month.csv) and draws it here.");
        } else if (comparison.netCost == null || comparison.netCost.isEmpty()) {
            note((comparison.netCost == null ? problems.get(ResultFolder.NET_COST) : "net_cost_by_month.csv is empty")
                    + ": the cumulative net cost curve is left out.");
        } else {
            h.paragraph("Cumulative net cost of each scenario minus the baseline from the first measured month, £ "
                    + "(paired by replication; band: 95 % interval). Above zero the scenario has so far cost more "
                    + "than the baseline; where the curve turns down, it has started to save (Leutz's second law: "
                    + "integration costs before it pays).");
            Set<String> perspectives = new LinkedHashSet<>();
            comparison.netCost.forEach(n -> perspectives.add(n.perspective()));
            for (String perspective : perspectives) {
                netCostChart(perspective);
            }
            netCostTable(perspectives);
        }
        endSection();
    }

    private void netCostChart(String perspective) {
        List<NetCost> rows = comparison.netCost.stream().filter(n -> n.perspective().equals(perspective)).toList();
        double max = rows.stream().mapToDouble(n -> Math.max(Math.abs(n.low()), Math.abs(n.high())))
                .filter(Double::isFinite).max().orElse(0);
        boolean millions = max >= 1e6;
        double scale = millions ? 1e-6 : 1e-3;
        List<Band> bands = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            String name = runs.get(i).name;
            List<NetCost> mine = rows.stream().filter(n -> n.scenario().equals(name)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] x = mine.stream().mapToDouble(NetCost::month).toArray();
            bands.add(new Band(name, i, x, scaled(mine, NetCost::mean, scale), scaled(mine, NetCost::low, scale),
                    scaled(mine, NetCost::high, scale)));
        }
        if (bands.isEmpty()) {
            note("net_cost_by_month.csv has no rows for these scenarios (" + perspective + " perspective).");
            return;
        }
        h.element("h3", label(perspective) + " perspective");
        String svg = ReportCharts.bands("chart-net-cost-" + perspective.replaceAll("[^A-Za-z0-9]", ""), bands,
                "Month after warm-up", "Cumulative net cost vs baseline (£ " + (millions ? "million" : "thousand") + ")",
                ReportCharts.compact(), List.of(new Marker(0, "baseline", true)), null, monthTick(spanOf(bands)), 400);
        figure(svg, "Cumulative net cost against " + runs.get(0).name + ", " + perspective + " perspective"
                + (perspective.equals("financial") ? " (acute beds a fixed cost)" : "") + "; band: 95 % interval.");
    }

    /** Years between ticks: whole years from two years on, quarters below. */
    private static double yearTick(double span) {
        return span >= 2 ? 1 : span >= 0.5 ? 0.25 : 0;
    }

    /** Months between ticks: every month up to a year, then quarters, half-years, years. */
    private static double monthTick(double span) {
        return span <= 12 ? 1 : span <= 24 ? 3 : span <= 48 ? 6 : 12;
    }

    private static double spanOf(List<Band> bands) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Band b : bands) {
            for (double x : b.x()) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return hi >= lo ? hi - lo : 0;
    }

    private static double[] scaled(List<NetCost> rows, ToDoubleFunction<NetCost> f, double s) {
        return rows.stream().mapToDouble(n -> f.applyAsDouble(n) * s).toArray();
    }

    private void netCostTable(Set<String> perspectives) {
        List<String> names = new ArrayList<>();
        List<String> perspectiveOf = new ArrayList<>();
        List<List<NetCost>> series = new ArrayList<>();
        for (String perspective : perspectives) {
            for (Run r : comparison.others()) {
                List<NetCost> mine = comparison.netCost.stream()
                        .filter(n -> n.perspective().equals(perspective) && n.scenario().equals(r.name)).toList();
                if (!mine.isEmpty()) {
                    names.add(r.name);
                    perspectiveOf.add(perspective);
                    series.add(mine);
                }
            }
        }
        // one scale for the whole table, so that its rows read alike
        double ref = series.stream().map(l -> l.get(l.size() - 1))
                .mapToDouble(n -> magnitude(n.mean(), n.low(), n.high())).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            NetCost last = series.get(i).get(series.get(i).size() - 1);
            rows.add(List.of(names.get(i), perspectiveOf.get(i), Integer.toString(last.month()),
                    signed(last.mean(), ref), interval(last.low(), last.high(), ref), breakEven(series.get(i))));
        }
        h.table("At the end of the run", List.of("Scenario", "Perspective", "Month", "Cumulative net cost (£)",
                "95 % interval", "Net saving from month"), rows, Set.of(2, 3, 4, 5), "class", "values");
    }

    /** The first month from which the mean cumulative net cost stays below zero, or words saying it never does. */
    private static String breakEven(List<NetCost> rows) {
        int from = -1;
        for (NetCost n : rows) {
            if (n.mean() < 0) {
                from = from < 0 ? n.month() : from;
            } else {
                from = -1;
            }
        }
        return from < 0 ? "not within the run" : Integer.toString(from);
    }

    // ---- 7. services ----------------------------------------------------------------------------------------

    private void services() {
        section(7);
        if (noScenarios()) {
            return;
        }
        List<String> waits = metricsWithPrefix("wait_days_").stream()
                .filter(w -> metricDefinedSomewhere("wait_days_" + w)).toList();
        List<String> occupancies = new ArrayList<>();
        if (metricDefinedSomewhere("acute_occupancy_mean")) {
            occupancies.add("acute");
        }
        for (String id : metricsWithSuffix("_occupancy_mean")) {
            if (!id.equals("acute") && metricDefinedSomewhere(id + "_occupancy_mean")) {
                occupancies.add(id);
            }
        }
        h.element("h3", "Waiting times");
        if (waits.isEmpty()) {
            note(noMetrics("wait_days_<service> metrics"));
        } else {
            List<String> ids = waits.stream().map(s -> "wait_days_" + s).toList();
            List<String> labels = waits.stream().map(HtmlReport::service).toList();
            figure(ReportCharts.intervalBars("chart-waits", labels, names(), intervals(ids, 1),
                            "Mean wait from the list (days)", ReportCharts.compact(), 360),
                    "Mean wait of the people served from each service's list (FIFO), in days; whiskers: 95 % "
                            + "interval over replications, cut at 0.");
            valuesTable("Mean wait (days), with 95 % interval", "Service", labels, ids, 1);
        }
        h.element("h3", "Occupancy");
        if (occupancies.isEmpty()) {
            note(noMetrics("<service>_occupancy_mean metrics"));
        } else {
            List<String> ids = occupancies.stream()
                    .map(s -> s.equals("acute") ? "acute_occupancy_mean" : s + "_occupancy_mean").toList();
            figure(ReportCharts.intervalBars("chart-service-occupancy", occupancies.stream().map(HtmlReport::service)
                                    .toList(), names(), intervals(ids, 100), "Mean occupancy (% of places)",
                            ReportCharts.compact(), 360),
                    "Time-averaged share of each service's places in use over the measured years; whiskers: 95 % "
                            + "interval over replications.");
        }
        endSection();
    }

    // ---- 9. a person's journey ------------------------------------------------------------------------------

    /** The trace of one person through the baseline and another scenario, as icsim trace prints it. */
    private void journey() {
        if (journey == null) {
            return;
        }
        section(9);
        h.paragraph("The same person, with the same health events (common random numbers), in two of the systems "
                + "compared, as icsim trace tells it (" + JOURNEY + " in this folder).");
        h.open("pre", "class", "journey").text(journey).close("pre");
        endSection();
    }

    // ---- 8. provenance --------------------------------------------------------------------------------------

    private void provenance() {
        section(8);
        h.element("h3", "STRESS-DES report");
        List<Run> withReport = runs.stream().filter(Run::hasStressDes).toList();
        if (withReport.isEmpty()) {
            note("No stress-des.md here: icsim run (or compare) with --report writes the STRESS-DES checklist "
                    + "(Monks et al. 2019) filled in for the run.");
        } else {
            h.open("ul");
            for (Run r : withReport) {
                String href = comparison == null ? ResultFolder.STRESS_DES : r.name + "/" + ResultFolder.STRESS_DES;
                h.open("li").element("a", href, "href", href, "class", "file")
                        .text(": the STRESS-DES checklist (Monks et al. 2019) filled in for " + r.name).close("li");
            }
            h.close("ul");
        }
        h.element("h3", "Provenance (run.json)");
        if (runJson == null) {
            note(problems.getOrDefault(ResultFolder.RUN_JSON, "run.json is missing") + ".");
        } else {
            List<List<String>> rows = new ArrayList<>();
            List<JsonNode> arrays = new ArrayList<>();
            List<String> arrayNames = new ArrayList<>();
            flatten("", runJson, rows, arrays, arrayNames);
            h.table(null, List.of("Field", "Value"), rows, Set.of(), "class", "kv provenance");
            for (int i = 0; i < arrays.size(); i++) {
                arrayTable(arrayNames.get(i), arrays.get(i));
            }
        }
        endSection();
    }

    /** Object fields as dotted names; arrays of objects are collected to be shown as tables of their own. */
    private static void flatten(String prefix, JsonNode node, List<List<String>> rows, List<JsonNode> arrays,
                                List<String> arrayNames) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(name + ".", v, rows, arrays, arrayNames);
            } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                arrays.add(v);
                arrayNames.add(name);
            } else {
                rows.add(List.of(name, v.isNull() ? "null" : v.isValueNode() ? v.asText() : v.toString()));
            }
        }
    }

    private void arrayTable(String name, JsonNode array) {
        Set<String> columns = new LinkedHashSet<>();
        array.forEach(o -> o.fieldNames().forEachRemaining(columns::add));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode o : array) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                JsonNode v = o.path(c);
                row.add(v.isMissingNode() ? "" : v.isValueNode() ? v.asText() : v.toString());
            }
            rows.add(row);
        }
        h.table(name, new ArrayList<>(columns), rows, Set.of(), "class", "provenance wide");
    }

    /** The page's style sheet, a resource beside this class. */
    static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- shared helpers -------------------------------------------------------------------------------------

    private List<String> names() {
        return runs.stream().map(r -> r.name).toList();
    }

    private List<String> header(String first) {
        List<String> header = new ArrayList<>(List.of(first));
        header.addAll(names());
        return header;
    }

    private static Set<Integer> numericColumns(int scenarios) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int i = 1; i <= scenarios; i++) {
            s.add(i);
        }
        return s;
    }

    /** A table of metrics (rows) by scenario (columns): mean and interval, values multiplied by scale. */
    private void valuesTable(String caption, String first, List<String> labels, List<String> ids, double scale) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<String> row = new ArrayList<>(List.of(labels.get(i)));
            for (Run r : runs) {
                Estimate e = r.metric(ids.get(i));
                row.add(e == null ? DASH : estimate(e.mean() * scale, e.low() * scale, e.high() * scale));
            }
            rows.add(row);
        }
        h.table(caption, header(first), rows, numericColumns(runs.size()), "class", "values");
    }

    /** [series = scenario][category = metric] intervals, multiplied by scale. */
    private Interval[][] intervals(List<String> ids, double scale) {
        Interval[][] values = new Interval[runs.size()][ids.size()];
        for (int s = 0; s < runs.size(); s++) {
            for (int c = 0; c < ids.size(); c++) {
                Estimate e = runs.get(s).metric(ids.get(c));
                values[s][c] = e == null ? null : new Interval(e.mean() * scale, e.low() * scale, e.high() * scale);
            }
        }
        return values;
    }

    /** The suffixes of metric ids starting with prefix, in the order the summaries list them. */
    private List<String> metricsWithPrefix(String prefix) {
        Set<String> out = new LinkedHashSet<>();
        for (Run r : runs) {
            if (r.summary != null) {
                r.summary.keySet().stream().filter(k -> k.startsWith(prefix))
                        .forEach(k -> out.add(k.substring(prefix.length())));
            }
        }
        return new ArrayList<>(out);
    }

    private List<String> metricsWithSuffix(String suffix) {
        Set<String> out = new LinkedHashSet<>();
        for (Run r : runs) {
            if (r.summary != null) {
                r.summary.keySet().stream().filter(k -> k.endsWith(suffix))
                        .forEach(k -> out.add(k.substring(0, k.length() - suffix.length())));
            }
        }
        return new ArrayList<>(out);
    }

    private boolean metricDefinedSomewhere(String id) {
        return runs.stream().anyMatch(r -> r.metric(id) != null);
    }

    /** Why there is nothing to show: a summary.csv missing, or the metrics absent from it. */
    private String noMetrics(String what) {
        String problem = runs.stream().filter(r -> r.summary == null).map(r -> r.problems.get(ResultFolder.SUMMARY))
                .findFirst().orElse(null);
        if (runs.isEmpty()) {
            return "No scenario folders: no " + what + " to show.";
        }
        return problem != null ? problem + ": no " + what + " to show." : "summary.csv has no " + what + ".";
    }

    private static String text(JsonNode node, String field, String fallback) {
        if (node == null) {
            return fallback;
        }
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? fallback : v.asText();
    }

    private static String years(JsonNode v) {
        return v.isNumber() ? new BigDecimal(v.asText()).stripTrailingZeros().toPlainString() : "?";
    }

    /** "1 year of warm-up, then 5 measured years", from a run.json node with warmupYears and years. */
    private static String runLength(JsonNode run) {
        return years(run.path("warmupYears")) + plural(run.path("warmupYears"), " year", " years") + " of warm-up, then "
                + years(run.path("years")) + plural(run.path("years"), " measured year", " measured years");
    }

    private static String plural(JsonNode v, String one, String many) {
        return v.isNumber() && v.asDouble() == 1 ? one : many;
    }

    private static String seconds(JsonNode v) {
        return v.isNumber() ? number(v.asDouble()) + " s" : "?";
    }

    private static String startedAt(String iso) {
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .format(Instant.parse(iso).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return iso.isEmpty() ? "?" : iso;
        }
    }

    /** A metric id or key as words: {@code awaiting_ic_bed} → "Awaiting IC bed". */
    static String label(String id) {
        String[] words = id.split("_");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = WORDS.getOrDefault(words[i], words[i]);
            if (i == 0 && !w.isEmpty()) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            b.append(i > 0 ? " " : "").append(w);
        }
        return b.toString();
    }

    private static String service(String id) {
        return SERVICES.getOrDefault(id, label(id));
    }

    // ---- numbers --------------------------------------------------------------------------------------------

    /**
     * How to print numbers of a given size: about three significant figures, whole numbers from 100, millions
     * as "m" with two decimals.
     */
    record Scale(int decimals, boolean millions) {
        static Scale of(double magnitude) {
            double m = Math.abs(magnitude);
            if (!Double.isFinite(m) || m == 0) {
                return new Scale(0, false);
            }
            if (m >= 1e6) {
                return new Scale(2, true);
            }
            if (m >= 99.95) {
                return new Scale(0, false);
            }
            int decimals = 2 - (int) Math.floor(Math.log10(m));
            return new Scale(m >= 0.001 ? Math.min(3, decimals) : Math.min(6, decimals), false);
        }

        String format(double v) {
            if (!Double.isFinite(v)) {
                return DASH;
            }
            DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                    DecimalFormatSymbols.getInstance(Locale.UK));
            f.setRoundingMode(RoundingMode.HALF_EVEN);
            String s = f.format(millions ? v / 1e6 : v);
            if (s.startsWith("-")) {
                s = s.matches("-[0.,]+") ? s.substring(1) : MINUS + s.substring(1);
            }
            return s + (millions ? "m" : "");
        }
    }

    /** v rounded for reading; whole numbers below a million without decimals. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return new Scale(0, false).format(v);
        }
        return Scale.of(v).format(v);
    }

    /** "mean [low, high]", all three at one scale. */
    static String estimate(double mean, double low, double high) {
        Scale s = Scale.of(magnitude(mean, low, high));
        String interval = Double.isFinite(low) && Double.isFinite(high)
                ? " [" + s.format(low) + ", " + s.format(high) + "]" : "";
        return s.format(mean) + interval;
    }

    /** The largest finite absolute value among values (0 if none). */
    private static double magnitude(double... values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** v with its sign, printed at the scale of ref. */
    static String signed(double v, double ref) {
        String s = Scale.of(ref).format(v);
        return Double.isFinite(v) && !s.startsWith(MINUS) && !s.matches("[0.,m]+") ? "+" + s : s;
    }

    /** "[low, high]" at the scale of ref, or a dash when undefined (one replication). */
    static String interval(double low, double high, double ref) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return DASH;
        }
        Scale s = Scale.of(magnitude(ref, low, high));
        return "[" + s.format(low) + ", " + s.format(high) + "]";
    }

    /** A share (0-1) as a percentage with one decimal. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share).replace("-", MINUS) : DASH;
    }

    private static String percentInterval(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return "";
        }
        return String.format(Locale.ROOT, "[%.1f, %.1f]", 100 * low, 100 * high).replace("-", MINUS);
    }

    /** A relative change (fraction) as a signed percentage. */
    static String percentChange(double rel) {
        if (!Double.isFinite(rel)) {
            return DASH;
        }
        String s = String.format(Locale.ROOT, "%+.1f %%", 100 * rel);
        return s.replace("-", MINUS);
    }
}
