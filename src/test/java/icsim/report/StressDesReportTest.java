package icsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import icsim.experiment.ReplicationRunner;
import icsim.output.Provenance;
import icsim.output.RunSummary;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.Scenario;
import icsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The STRESS-DES report of a tiny real run: every checklist item present and answered, every parameter of the
 * resolved scenario in the parameter table with its source, and the run's own facts where the checklist asks.
 */
class StressDesReportTest {
    /** STRESS-DES 1.0 (Monks et al. 2019), written out here independently of the report's own list. */
    static final List<String[]> CHECKLIST = List.of(
            new String[]{"1", "Objectives"},
            new String[]{"1.1", "Purpose of the model"},
            new String[]{"1.2", "Model outputs"},
            new String[]{"1.3", "Experimentation aims"},
            new String[]{"2", "Logic"},
            new String[]{"2.1", "Base model overview diagram"},
            new String[]{"2.2", "Base model logic"},
            new String[]{"2.3", "Scenario logic"},
            new String[]{"2.4", "Algorithms"},
            new String[]{"2.5", "Components"},
            new String[]{"2.5.1", "Entities"},
            new String[]{"2.5.2", "Activities"},
            new String[]{"2.5.3", "Resources"},
            new String[]{"2.5.4", "Queues"},
            new String[]{"2.5.5", "Entry/Exit Points"},
            new String[]{"3", "Data"},
            new String[]{"3.1", "Data sources"},
            new String[]{"3.2", "Pre-processing"},
            new String[]{"3.3", "Input parameters"},
            new String[]{"3.4", "Assumptions"},
            new String[]{"4", "Experimentation"},
            new String[]{"4.1", "Initialisation"},
            new String[]{"4.2", "Run length"},
            new String[]{"4.3", "Estimation approach"},
            new String[]{"5", "Implementation"},
            new String[]{"5.1", "Software or programming language"},
            new String[]{"5.2", "Random sampling"},
            new String[]{"5.3", "Model execution"},
            new String[]{"5.4", "System specification"},
            new String[]{"6", "Code access"},
            new String[]{"6.1", "Computer model sharing statement"});

    static final Pattern HEADING = Pattern.compile("^(#{2,4}) (\\d+(?:\\.\\d+)*)\\.? (.+)$");

    static Scenario fragmented;
    static String fragmentedReport;
    static Scenario coordination;
    static String coordinationReport;
    static Map<String, Object> coordinationOverrides;

    @BeforeAll
    static void runTinyScenarios() throws Exception {
        Map<String, Object> small = new LinkedHashMap<>();
        small.put("population.size", 2000);
        small.put("run.replications", 2);
        small.put("run.years", 1);
        Path f = Path.of("scenarios/fragmented.yaml");
        fragmented = ScenarioLoader.load(f, small);
        fragmentedReport = report("run", f, fragmented, small, null);
        coordinationOverrides = new LinkedHashMap<>(small);
        coordinationOverrides.put("services.acute_beds.per_100k", 180);
        Path c = Path.of("scenarios/coordination.yaml");
        coordination = ScenarioLoader.load(c, coordinationOverrides);
        coordinationReport = report("compare", c, coordination, coordinationOverrides,
                new StressDesReport.Comparison("fragmented", List.of("coordination"), "coordination",
                        "common random numbers"));
    }

    static String report(String command, Path file, Scenario s, Map<String, Object> overrides,
                         StressDesReport.Comparison comparison) throws Exception {
        RunSummary summary = new RunSummary(new ReplicationRunner(2).run(s, 0, null, null).results());
        Provenance p = new Provenance("test", Provenance.gitCommit(Path.of(".")), file.toString(),
                Provenance.sha256(file), s.name(), s.run().seed(), s.run().replications(), s.run().warmupYears(),
                s.run().years(), s.population().size(), "streams as tested", System.getProperty("java.version"),
                System.getProperty("java.vendor"), Runtime.getRuntime().availableProcessors(), 2, 1.5,
                "2026-01-01T00:00:00Z", Map.of("stream_offset", "0"));
        Map<String, String> headline = new LinkedHashMap<>();
        headline.put("emergency_admissions_per_1000", "Emergency admissions per 1,000 a year");
        headline.put("acute_bed_days", "Acute bed days a year");
        return StressDesReport.render(new StressDesReport.Context(command, List.of(file), file, s, overrides, summary,
                p, headline, comparison));
    }

    @Test
    void everyChecklistItemIsPresentInOrderAndAnswered() {
        for (String report : List.of(fragmentedReport, coordinationReport)) {
            Map<String, String> bodies = items(report);
            assertEquals(CHECKLIST.stream().map(i -> i[0]).toList(), new ArrayList<>(bodies.keySet()),
                    "item headings, in the published order");
            List<String> lines = report.lines().toList();
            for (String[] item : CHECKLIST) {
                String expected = item[0] + (item[0].contains(".") ? " " : ". ") + item[1];
                assertTrue(lines.stream().anyMatch(l -> l.matches("#{2,4} " + Pattern.quote(expected))),
                        () -> "missing heading '" + expected + "'");
                if (!item[0].contains(".")) {
                    continue; // a section heading: its items carry the answers
                }
                String body = bodies.get(item[0]).strip();
                assertFalse(body.isEmpty(), () -> "item " + item[0] + " " + item[1] + " is empty");
                assertFalse(body.replace("n/a", "").isBlank(), () -> "item " + item[0] + " says only n/a");
            }
        }
    }

    @Test
    void parameterTableHoldsEveryLeafOfTheResolvedScenarioWithItsSource() throws Exception {
        for (Object[] run : new Object[][]{{fragmented, fragmentedReport}, {coordination, coordinationReport}}) {
            Scenario s = (Scenario) run[0];
            Map<String, List<String>> table = table(items((String) run[1]).get("3.3"));
            Map<String, String> leaves = leaves(s);
            assertEquals(leaves.keySet(), table.keySet(), "every leaf value, and nothing else");
            for (Map.Entry<String, String> e : leaves.entrySet()) {
                List<String> row = table.get(e.getKey());
                assertEquals(e.getValue(), row.get(0), e.getKey());
                assertFalse(row.get(1).isBlank(), () -> e.getKey() + " has an empty source");
                assertFalse(row.get(2).isBlank(), () -> e.getKey() + " has an empty 'set in'");
            }
        }
        Map<String, List<String>> frag = table(items(fragmentedReport).get("3.3"));
        assertTrue(frag.get("services.acute_beds.per_100k").get(1).contains("Health Foundation"),
                () -> frag.get("services.acute_beds.per_100k").toString());
        assertTrue(frag.get("costs.ae_attendance").get(1).contains("National Cost Collection"));
        assertEquals("assumption", frag.get("groups.over65_severe.first_contact.ambulance").get(1));
        assertEquals("command-line override", frag.get("population.size").get(1));
        assertEquals("scenarios/fragmented.yaml", frag.get("costs.admission").get(2));
        long unsourced = frag.values().stream().filter(r -> r.get(1).equals("no source given")).count();
        assertTrue(unsourced <= 5, "the shipped baseline sources nearly everything: " + unsourced + " without");

        Map<String, List<String>> coord = table(items(coordinationReport).get("3.3"));
        assertTrue(coord.get("integration.d2a.enabled").get(1).contains("level preset 'coordination'"));
        assertEquals("command-line override", coord.get("services.acute_beds.per_100k").get(1));
        assertEquals("scenarios/coordination.yaml", coord.get("name").get(2));
    }

    @Test
    void scenarioLogicNamesTheMechanismsAndWhatDiffersFromTheBase() {
        String logic = items(coordinationReport).get("2.3");
        assertTrue(logic.contains(IntegrationProfile.summary(coordination)), logic);
        for (IntegrationProfile.Mechanism m : IntegrationProfile.mechanisms(coordination)) {
            assertTrue(logic.contains("| `" + m.key() + "` | " + (m.enabled() ? "**on**" : "off") + " |"), m.key());
        }
        assertTrue(logic.contains("| `services.acute_beds.per_100k` | 170.0 | 180.0 | command line |"), logic);
        assertTrue(logic.contains("`integration.d2a.enabled` | false | true |"), logic);
        assertTrue(items(fragmentedReport).get("2.3").contains("`population.size` | 100000 | 2000 | command line"));
        assertTrue(items(coordinationReport).get("1.3").contains("against the baseline `fragmented`"));
    }

    @Test
    void resourcesGiveEveryServiceItsPlacesForThisPopulation() {
        String resources = items(coordinationReport).get("2.5.3");
        Scenario.Services sv = coordination.services();
        int n = coordination.population().size();
        Map<String, Integer> places = new LinkedHashMap<>();
        places.put("acute_beds", sv.acuteBeds().places(n));
        places.put("step_up", sv.stepUp().places(n));
        places.put("ic_beds", sv.icBeds().capacity().places(n));
        places.put("reablement", sv.reablement().capacity().places(n));
        places.put("home_care", sv.homeCare().capacity().places(n));
        places.put("care_homes", sv.careHomes().capacity().places(n));
        places.put("d2a", coordination.integration().d2a().capacity().places(n));
        places.forEach((service, count) -> assertTrue(resources.contains("| `" + service + "` | " + count + " |"),
                () -> service + " with " + count + " places:\n" + resources));
        assertFalse(items(fragmentedReport).get("2.5.3").contains("| `d2a` |"), "D2A is off in fragmented care");
        assertTrue(items(coordinationReport).get("2.5.4").contains("boards in A&E"));
    }

    @Test
    void runFactsComeFromTheRun() {
        Map<String, String> items = items(fragmentedReport);
        assertTrue(items.get("4.1").contains("**1 year(s)**"), items.get("4.1"));
        assertTrue(items.get("4.2").contains("**1 measured year(s)**"), items.get("4.2"));
        assertTrue(items.get("4.3").contains("**2 independent replications**"), items.get("4.3"));
        assertTrue(items.get("5.2").contains("streams as tested"));
        assertTrue(items.get("5.2").contains("Master seed " + fragmented.run().seed()));
        for (String library : List.of("SSJ", "Apache Commons Math", "Jackson databind", "picocli")) {
            Matcher m = Pattern.compile("\\| " + library + " \\| ([^|]+) \\|").matcher(items.get("5.1"));
            assertTrue(m.find(), library);
            assertTrue(m.group(1).strip().matches("\\d+(\\.\\d+)+.*"), () -> library + " version: " + m.group(1));
        }
        assertTrue(items.get("5.4").contains("| cores available / threads used | "
                + Runtime.getRuntime().availableProcessors() + " / 2 |"));
        assertTrue(items.get("6.1").contains("java -jar target/icsim.jar run scenarios/fragmented.yaml "
                + "--set population.size=2000 --set run.replications=2 --set run.years=1 --report"), items.get("6.1"));
    }

    // ---- parsing the markdown ----------------------------------------------------------------------------

    /** Item number to the text under its heading, up to the next heading, in document order. */
    static Map<String, String> items(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher m = fenced ? null : HEADING.matcher(line);
            if (m != null && m.matches()) {
                if (current != null) {
                    out.put(current, body.toString());
                }
                current = m.group(2);
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, body.toString());
        }
        return out;
    }

    /** Rows of the first markdown table whose first cell is a `code` path: path to the other cells. */
    static Map<String, List<String>> table(String section) {
        assertNotNull(section, "no such section");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < cells.length; i++) {
                rest.add(cells[i].strip().replace("\\|", "|"));
            }
            rows.put(cells[0].strip().replace("`", ""), rest);
        }
        return rows;
    }

    /** Every leaf value of a scenario as it would be written out: path to text, lists as [a, b]. */
    static Map<String, String> leaves(Scenario s) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        walk(new YAMLMapper().readTree(ScenarioLoader.toYaml(s)), "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(i -> items.add(i.asText()));
            out.put(path, "[" + String.join(", ", items) + "]");
        } else {
            out.put(path, node.asText());
        }
    }
}
