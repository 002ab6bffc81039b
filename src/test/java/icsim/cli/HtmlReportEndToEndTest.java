package icsim.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html through the real command line: {@code run --report}, {@code compare --report} and {@code icsim report}
 * on tiny outputs. The page must be well-formed XML (XHTML), hold its eight sections and one inline SVG per chart,
 * fetch nothing and run nothing, and say in a note what a missing file leaves out.
 */
class HtmlReportEndToEndTest {
    static final String REPORT = "report.html";
    static final List<String> TINY = List.of("--population", "2000", "--replications", "2", "--years", "1", "--quiet");
    static final List<String> SECTIONS = List.of("scenario", "headline", "occupancy", "delays", "costs", "net-cost",
            "services", "provenance");
    /** Occupancy over time, delays, cost by sector, cost by payer, waits, occupancy per service. */
    static final int CHARTS = 6;
    static final String NET_COST = "net_cost_by_month.csv";

    @TempDir
    static Path shared;
    static Path runDir;
    static Path compareDir;

    @BeforeAll
    static void buildOutputs() {
        Cli.Result run = Cli.run(args("run", List.of("scenarios/fragmented.yaml"), shared, "--report"));
        assertEquals(0, run.exit(), run::toString);
        Cli.Result compare = Cli.run(args("compare", List.of("scenarios/fragmented.yaml", "scenarios/coordination.yaml"),
                shared, "--report"));
        assertEquals(0, compare.exit(), compare::toString);
        runDir = shared.resolve("fragmented");
        compareDir = shared.resolve("comparison");
    }

    @Test
    void runReportIsOneWellFormedPageWithEverySectionAndChart() throws Exception {
        Document page = parse(runDir.resolve(REPORT));
        assertEquals(SECTIONS, sectionIds(page));
        assertEquals(CHARTS, count(page, "svg"), "one inline SVG per chart");
        assertEquals("icsim report: fragmented", text(page, "h1"));
        assertSelfContained(page);
        String html = Files.readString(runDir.resolve(REPORT));
        assertTrue(html.contains("Emergency admissions per 1,000 a year"), "the headline rows, as on the terminal");
        assertTrue(html.contains("href=\"stress-des.md\""), "a relative link to the STRESS-DES report");
        assertTrue(html.contains("A single run has no baseline"), "section 6 says why it has no curve");
        assertTrue(html.contains("Integration mechanisms"), "the mechanisms and their dimensions");
        assertTrue(html.contains(">92 %<") || html.contains("92 %"), "the 92 % line is labelled");
    }

    @Test
    void compareReportShowsEachScenarioAgainstTheBaseline() throws Exception {
        assertTrue(Files.isRegularFile(compareDir.resolve(REPORT)), "compare --report writes report.html at the top");
        assertFalse(Files.exists(compareDir.resolve("coordination").resolve(REPORT)), "one report per comparison");
        Document page = parse(compareDir.resolve(REPORT));
        assertEquals(SECTIONS, sectionIds(page));
        int netCostCharts = perspectives(compareDir);
        assertEquals(CHARTS + netCostCharts, count(page, "svg"), "the charts, plus one net-cost chart per perspective");
        assertEquals("icsim comparison: fragmented, coordination", text(page, "h1"));
        assertSelfContained(page);
        String html = Files.readString(compareDir.resolve(REPORT));
        assertTrue(html.contains("coordination against fragmented (baseline)"), "the paired-difference table");
        assertTrue(html.contains("href=\"coordination/stress-des.md\""), "links to each scenario's STRESS-DES report");
        if (netCostCharts == 0) {
            assertTrue(html.contains(NET_COST + " is not in this folder"), "a note in place of the curve");
        }
    }

    /** compare --report traces the seeds' Mrs Smith through the baseline and the last scenario, into the report. */
    @Test
    void compareReportTellsAPersonsJourney(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run("compare", "scenarios/fragmented.yaml", "scenarios/full.yaml", "--population", "10000",
                "--replications", "1", "--years", "2", "--quiet", "--report", "--out", tmp.toString());
        assertEquals(0, r.exit(), r::toString);
        Path folder = tmp.resolve("comparison");
        String journey = Files.readString(folder.resolve("journey.txt"));
        assertTrue(journey.contains("A = fragmented") && journey.contains("B = full"), journey);
        String words = journey.replaceAll("\\s+", " ");
        assertTrue(words.contains("aged 8") && words.contains("severe frailty, lives alone"), journey);
        Document page = parse(folder.resolve(REPORT));
        List<String> withJourney = new ArrayList<>(SECTIONS);
        withJourney.add("journey");
        assertEquals(withJourney, sectionIds(page));
        assertTrue(Files.readString(folder.resolve(REPORT)).contains("9. A person&#39;s journey through two systems"),
                "the section's title");
    }

    @Test
    void netCostCurveIsDrawnWhenTheFileIsThere(@TempDir Path tmp) throws Exception {
        Path copy = copy(compareDir, tmp.resolve("comparison"));
        if (!Files.exists(copy.resolve(NET_COST))) {
            StringBuilder csv = new StringBuilder("scenario,perspective,month,diff_mean,diff_ci_low,diff_ci_high\n");
            for (String perspective : List.of("economic", "financial")) {
                for (int month = 1; month <= 12; month++) {
                    double mean = 50_000 - 6_000.0 * month;
                    csv.append("coordination,").append(perspective).append(',').append(month).append(',')
                            .append(mean).append(',').append(mean - 9_000).append(',').append(mean + 9_000).append('\n');
                }
            }
            Files.writeString(copy.resolve(NET_COST), csv);
        }
        Cli.Result r = Cli.run("report", copy.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        Document page = parse(copy.resolve(REPORT));
        assertEquals(CHARTS + perspectives(copy), count(page, "svg"));
        String html = Files.readString(copy.resolve(REPORT));
        assertTrue(html.contains("Economic perspective") && html.contains("Financial perspective"), "one chart each");
        assertFalse(html.contains(NET_COST + " is not in"), "no note when the file is there");
    }

    @Test
    void occupancyBandNeedsThePercentileColumns(@TempDir Path tmp) throws Exception {
        Path without = copy(runDir, tmp.resolve("without"));
        rewriteTimeseries(without, false);
        assertEquals(0, Cli.run("report", without.toString(), "--quiet").exit());
        String html = Files.readString(without.resolve(REPORT));
        assertTrue(html.contains("has no occupancy_p05 and occupancy_p95 columns"), "says the band is missing");

        Path with = copy(runDir, tmp.resolve("with"));
        rewriteTimeseries(with, true);
        assertEquals(0, Cli.run("report", with.toString(), "--quiet").exit());
        String banded = Files.readString(with.resolve(REPORT));
        assertTrue(banded.contains("band: 5th to 95th percentile across replications"), "draws and names the band");
        assertFalse(banded.contains("has no occupancy_p05"));
    }

    @Test
    void missingFilesLeaveTheirSectionsWithANote(@TempDir Path tmp) throws Exception {
        Path old = copy(runDir, tmp.resolve("old"));
        for (String f : List.of("timeseries.csv", "integration.csv", "run.json", "stress-des.md", REPORT)) {
            Files.delete(old.resolve(f));
        }
        Cli.Result r = Cli.run("report", old.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("Wrote " + old.resolve(REPORT) + "\n", r.out().replace("\r\n", "\n"));
        Document page = parse(old.resolve(REPORT));
        assertEquals(SECTIONS, sectionIds(page), "every section is still there");
        assertEquals(CHARTS - 1, count(page, "svg"), "all charts but occupancy over time");
        String html = Files.readString(old.resolve(REPORT));
        assertTrue(html.contains("timeseries.csv is not in this folder"), html);
        assertTrue(html.contains("integration.csv is not in this folder"));
        assertTrue(html.contains("run.json is not in this folder"));
        assertTrue(html.contains("No stress-des.md here"));
    }

    @Test
    void reportRewritesAnEarlierReportInPlace(@TempDir Path tmp) throws Exception {
        Path folder = copy(runDir, tmp.resolve("again"));
        byte[] before = Files.readAllBytes(folder.resolve(REPORT));
        Cli.Result r = Cli.run("report", folder.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out() + r.err(), "--quiet prints nothing");
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(folder.resolve(REPORT)),
                "the same files give the same page");
        try (Stream<Path> s = Files.list(folder)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
        }
    }

    @Test
    void badFoldersAreOneLineErrors(@TempDir Path tmp) throws Exception {
        Cli.assertOneLineUserError(Cli.run("report", tmp.resolve("nope").toString()), "no such folder");
        Files.writeString(tmp.resolve("notes.txt"), "x");
        Cli.assertOneLineUserError(Cli.run("report", tmp.toString()), "not a run or comparison folder");
        assertFalse(Files.exists(tmp.resolve(REPORT)), "nothing written");
    }

    @Test
    void helpDescribesTheCommand() {
        Cli.Result r = Cli.run("report", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("OUTPUT_DIR") && r.out().contains("report.html"), r.out());
        assertTrue(Cli.run("--help").out().contains("report"), "listed among the commands");
    }

    // ---- helpers shared with HtmlReportBrowserTest ----------------------------------------------------------

    static String[] args(String command, List<String> files, Path out, String... extra) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(files);
        a.addAll(TINY);
        a.add("--out");
        a.add(out.toString());
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Parses the page as XML: it fails on anything not well-formed. */
    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(new String(bytes, 0, 15, StandardCharsets.UTF_8).equals("<!DOCTYPE html>"), "an HTML5 doctype");
        return b.parse(new ByteArrayInputStream(bytes));
    }

    static int count(Document page, String localName) {
        return page.getElementsByTagNameNS("*", localName).getLength();
    }

    static String text(Document page, String localName) {
        return page.getElementsByTagNameNS("*", localName).item(0).getTextContent().strip();
    }

    static List<String> sectionIds(Document page) {
        NodeList sections = page.getElementsByTagNameNS("*", "section");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        return ids;
    }

    /** No script, no external resource, no duplicate id (the SVGs share the page's id space). */
    static void assertSelfContained(Document page) {
        assertEquals(0, count(page, "script"), "no JavaScript");
        assertEquals(0, count(page, "link") + count(page, "img") + count(page, "iframe"), "nothing fetched");
        Set<String> ids = new HashSet<>();
        walk(page.getDocumentElement(), e -> {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                String name = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
                String value = a.getNodeValue();
                if (name.equals("href") || name.equals("src")) {
                    assertFalse(value.matches("(?i)^[a-z][a-z0-9+.-]*:.*"), "no absolute URL: " + value);
                }
                if (name.startsWith("on")) {
                    throw new AssertionError("event handler attribute " + name);
                }
                if (name.equals("id")) {
                    assertTrue(ids.add(value), "duplicate id " + value);
                }
            }
        });
    }

    private interface Visitor {
        void visit(Element e);
    }

    private static void walk(Element e, Visitor v) {
        v.visit(e);
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walk(child, v);
            }
        }
    }

    /** How many perspectives net_cost_by_month.csv holds (0 without the file). */
    static int perspectives(Path compare) throws IOException {
        Path f = compare.resolve(NET_COST);
        if (!Files.exists(f)) {
            return 0;
        }
        Set<String> found = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(f);
        int column = Cli.fields(lines.get(0)).indexOf("perspective");
        lines.subList(1, lines.size()).forEach(l -> found.add(Cli.fields(l).get(column)));
        return found.size();
    }

    /** Rewrites timeseries.csv with or without the percentile columns, whichever the folder had. */
    private static void rewriteTimeseries(Path folder, boolean percentiles) throws IOException {
        Path f = folder.resolve("timeseries.csv");
        List<String> lines = Files.readAllLines(f);
        List<String> header = Cli.fields(lines.get(0));
        int mean = header.indexOf("occupancy_mean");
        int p05 = header.indexOf("occupancy_p05");
        int p95 = header.indexOf("occupancy_p95");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(Cli.fields(lines.get(i)));
            if (p95 >= 0) {
                cells.remove(Math.max(p05, p95));
                cells.remove(Math.min(p05, p95));
            }
            if (percentiles) {
                if (i == 0) {
                    cells.addAll(List.of("occupancy_p05", "occupancy_p95"));
                } else {
                    double m = Double.parseDouble(cells.get(mean));
                    cells.addAll(List.of(Double.toString(0.9 * m), Double.toString(1.1 * m)));
                }
            }
            out.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(f, out);
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
