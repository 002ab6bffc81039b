package icsim.output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleTableTest {

    @Test
    void humanNumbers() {
        assertEquals("1235", ConsoleTable.human(1234.56));
        assertEquals("12.3", ConsoleTable.human(12.345));
        assertEquals("1.235", ConsoleTable.human(1.23456));
        assertEquals("0.000", ConsoleTable.human(-0.0001));
        assertEquals("n/a", ConsoleTable.human(Double.NaN));
    }

    @Test
    void fixedWidthTable() {
        String t = ConsoleTable.render(List.of(
                new ConsoleTable.Row("Deaths", new Estimate(12, 2, 10.5, 13.5, 10)),
                new ConsoleTable.Row("Cost (£)", new Estimate(1234.4, 10, 1200, 1268.9, 10)),
                new ConsoleTable.Row("Rate", new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0))));
        assertEquals("""
                metric    mean       95% CI   n
                -------------------------------
                Deaths    12.0  10.5 – 13.5  10
                Cost (£)  1234  1200 – 1269  10
                Rate       n/a          n/a   0
                """, t);
    }

    @Test
    void labelsFromSummary() {
        String t = ConsoleTable.render(Fixtures.summary(), Map.of("deaths", "Deaths (people)"));
        assertEquals("Deaths (people)", t.lines().skip(2).findFirst().orElseThrow().substring(0, 15));
        assertEquals(5, t.lines().count()); // header, rule, 3 metrics
    }

    @Test
    void differencesTableMarksIntervalsThatExcludeZero() {
        String t = ConsoleTable.renderDifferences(List.of(
                new ConsoleTable.DifferenceRow("Deaths", new PairedComparison.Difference("deaths", 3, 12, 10, -2, 0.5,
                        -3.2, -0.8, -2.0 / 12, true, 0.01, true)),
                new ConsoleTable.DifferenceRow("Cost (£)", new PairedComparison.Difference("cost", 3, 1000, 1000.1, 0.1,
                        1, -2.4, 2.6, 0.0001, false, 0.9, false)),
                new ConsoleTable.DifferenceRow("Rate", new PairedComparison.Difference("rate", 0, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, Double.NaN, false))));
        assertEquals("""
                metric    baseline  scenario  difference           95% CI  change
                --------------------------------------------------------------------
                Deaths        12.0      10.0      -2.000  -3.200 – -0.800  -16.7%  *
                Cost (£)      1000      1000       0.100   -2.400 – 2.600    0.0%
                Rate           n/a       n/a         n/a              n/a     n/a
                """, t);
    }
}
