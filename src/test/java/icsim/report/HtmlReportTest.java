package icsim.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML builder, the number formats, and pages made from hand-written folders with awkward content. */
class HtmlReportTest {
    private static final Map<String, String> HEADLINE = headline();

    @Test
    void escapesTextAndAttributes() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Html.escape("a <b> & \"c\" 'd'"));
        assertEquals("ab", Html.escape("a\u0001b"), "control characters XML forbids are dropped");
        String page = new Html().open("p", "title", "x\"<y>").text("1 < 2").close("p").finish();
        assertEquals("<p title=\"x&quot;&lt;y&gt;\">1 &lt; 2</p>\n", page);
    }

    @Test
    void builderKeepsElementsBalanced() {
        Html h = new Html().open("section").open("p");
        assertThrows(IllegalStateException.class, () -> h.close("section"), "closing out of order");
        assertThrows(IllegalStateException.class, () -> new Html().open("div").finish(), "unclosed element");
        assertEquals("<meta charset=\"utf-8\"/>\n", new Html().empty("meta", "charset", "utf-8").finish());
        assertEquals("<a>x</a>", new Html().element("a", "x", "href", null).finish(), "a null attribute is left out");
    }

    @Test
    void tablesMarkNumericColumnsAndSubRows() {
        String t = new Html().table("c", List.of("Metric", "Mean"), List.of(List.of("  of which", "3")), Set.of(1))
                .finish();
        assertTrue(t.contains("<caption>c</caption>"), t);
        assertTrue(t.contains("<th scope=\"row\" class=\"sub\">of which</th>"), t);
        assertTrue(t.contains("<td class=\"num\">3</td>"), t);
    }

    @Test
    void numbersAreRoundedForReading() {
        assertEquals("23.44m", HtmlReport.number(23_442_063));
        assertEquals("1,630", HtmlReport.number(1630.4));
        assertEquals("87.8", HtmlReport.number(87.758));
        assertEquals("9.42", HtmlReport.number(9.4203));
        assertEquals("0.858", HtmlReport.number(0.857646));
        assertEquals("0.069", HtmlReport.number(0.0690613));
        assertEquals("34", HtmlReport.number(34), "whole numbers without decimals");
        assertEquals("\u22124.14", HtmlReport.number(-4.138), "a true minus sign");
        assertEquals("0", HtmlReport.number(-0.0));
        assertEquals("\u2013", HtmlReport.number(Double.NaN), "undefined is a dash");
        assertEquals("+170,407", HtmlReport.signed(170_407, 247_793));
        assertEquals("\u22124.14", HtmlReport.signed(-4.138, 5.336));
        assertEquals("[\u22125.34, \u22122.94]", HtmlReport.interval(-5.336, -2.940, -4.138));
        assertEquals("[22.75m, 24.13m]", HtmlReport.interval(22_750_157, 24_133_969, 23_442_063));
        assertEquals("\u2013", HtmlReport.interval(Double.NaN, Double.NaN, 1), "no interval with one replication");
        assertEquals("75 [\u221221, 172]", HtmlReport.estimate(75.4, -21.3, 172.1), "one scale for all three");
        assertEquals("\u22124.5 %", HtmlReport.percentChange(-0.045));
        assertEquals("+52.2 %", HtmlReport.percentChange(0.522));
        assertEquals("85.8 %", HtmlReport.percent(0.857646));
    }

    @Test
    void idsBecomeWords() {
        assertEquals("Awaiting IC bed", HtmlReport.label("awaiting_ic_bed"));
        assertEquals("NHS", HtmlReport.label("nhs"));
        assertEquals("Social care", HtmlReport.label("social_care"));
    }

    @Test
    void awkwardNamesAreEscapedAndTheFolderStillRenders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("summary.csv"), """
                metric,mean,sd,ci_low,ci_high,n
                emergency_admissions_per_1000,92.7,1,92.4,92.9,30
                delayed_days_handoff,500,1,490,510,30
                cost_nhs,79360000,1,79000000,79700000,30
                wait_days_home_care,10,1,8,12,30
                case_finding_auc,,,,,0
                """);
        Files.writeString(dir.resolve("run.json"), """
                {"icsimVersion": "0.1.0", "scenarioName": "a<b>&c \\"q\\"", "scenarioFile": "x.yaml",
                 "replications": 30, "seed": 1, "extra": {"note": "</table><script>alert(1)</script>"}}
                """);
        String html = HtmlReport.render(dir, HEADLINE);
        Document page = parse(html);
        assertEquals("icsim report: a<b>&c \"q\"", page.getElementsByTagNameNS("*", "h1").item(0).getTextContent());
        assertEquals(0, page.getElementsByTagNameNS("*", "script").getLength(), "text never becomes markup");
        assertEquals(8, page.getElementsByTagNameNS("*", "section").getLength());
        // delays, cost by payer, waits (no sector costs, no occupancy metric, no timeseries.csv)
        assertEquals(3, page.getElementsByTagNameNS("*", "svg").getLength());
        assertTrue(html.contains("summary.csv has no cost_primary"), "the chart it cannot draw is named");
        assertTrue(html.contains("timeseries.csv is not in"), "the missing file is named");
        assertTrue(html.contains("92.7"), "the headline row");
        assertFalse(html.contains("case_finding_auc"), "undefined metrics are left out");
    }

    @Test
    void comparisonWithoutRunJsonFindsTheBaselineFromComparisonCsv(@TempDir Path dir) throws Exception {
        for (String s : List.of("base", "other")) {
            Files.createDirectories(dir.resolve(s));
            Files.writeString(dir.resolve(s).resolve("summary.csv"), """
                    metric,mean,sd,ci_low,ci_high,n
                    emergency_admissions_per_1000,92.7,1,92.4,92.9,30
                    """);
        }
        Files.writeString(dir.resolve("comparison.csv"), """
                scenario,metric,n,baseline_mean,mean,diff_mean,diff_sd,diff_ci_low,diff_ci_high,rel_change,significant,p_value,significant_holm
                other,emergency_admissions_per_1000,30,92.7,90,-2.7,0.1,-2.8,-2.6,-0.029,true,0.001,true
                """);
        assertTrue(HtmlReport.isOutputFolder(dir));
        String html = HtmlReport.render(dir, HEADLINE);
        parse(html);
        assertTrue(html.contains("icsim comparison: base, other"), "baseline first: the folder not compared");
        assertTrue(html.contains("other against base (baseline)"));
        assertTrue(html.contains("\u22122.70"), "the difference");
        assertTrue(html.contains("\u22122.9 %"), "the change");
    }

    @Test
    void comparisonWithoutScenarioFoldersSaysSoInEverySection(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("comparison.csv"), "scenario,metric,n,baseline_mean,mean,diff_mean,diff_sd,"
                + "diff_ci_low,diff_ci_high,rel_change,significant,p_value,significant_holm\n");
        String html = HtmlReport.render(dir, HEADLINE);
        Document page = parse(html);
        assertEquals(8, page.getElementsByTagNameNS("*", "section").getLength());
        assertEquals(0, page.getElementsByTagNameNS("*", "svg").getLength());
        assertTrue(html.contains("run.json is not in this folder"), "what is missing is named");
        assertTrue(html.contains("No scenario folders"));
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> headline() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("emergency_admissions_per_1000", "Emergency admissions per 1,000 a year");
        m.put("case_finding_auc", "AUC");
        return m;
    }
}
