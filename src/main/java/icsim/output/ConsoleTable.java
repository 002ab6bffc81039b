package icsim.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Fixed-width plain-text summary table for the terminal. */
public final class ConsoleTable {

    /** One table line: a display label and its estimate. */
    public record Row(String label, Estimate estimate) {
    }

    private static final String[] HEADER = {"metric", "mean", "95% CI", "n"};
    private static final String GAP = "  ";

    private ConsoleTable() {
    }

    /** Rows in catalogue order; labels maps metric id -> human label (with unit), missing ids show the id. */
    public static List<Row> rows(RunSummary summary, Map<String, String> labels) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Estimate> e : summary.overall().entrySet()) {
            String label = labels == null ? null : labels.get(e.getKey());
            rows.add(new Row(label == null ? e.getKey() : label, e.getValue()));
        }
        return rows;
    }

    public static String render(RunSummary summary, Map<String, String> labels) {
        return render(rows(summary, labels));
    }

    public static String render(RunSummary summary) {
        return render(summary, Map.of());
    }

    /** Metric left-aligned, numbers right-aligned, '\n' after every line including the last. */
    public static String render(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row r : rows) {
            Estimate e = r.estimate();
            cells.add(new String[] {r.label(), human(e.mean()), interval(e.n() == 0, e.ciLow(), e.ciHigh()),
                    Integer.toString(e.n())});
        }
        return layout(cells);
    }

    /** One line of a comparison table: a display label and the metric's paired difference. */
    public record DifferenceRow(String label, PairedComparison.Difference difference) {
    }

    private static final String[] DIFFERENCE_HEADER = {"metric", "baseline", "scenario", "difference", "95% CI",
            "change", ""};

    /**
     * Baseline mean, scenario mean, mean paired difference with its 95 % interval, relative change in % and
     * a "*" where the interval excludes 0; laid out like {@link #render(List)}.
     */
    public static String renderDifferences(List<DifferenceRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(DIFFERENCE_HEADER);
        for (DifferenceRow r : rows) {
            PairedComparison.Difference d = r.difference();
            String change = Double.isFinite(d.relChange())
                    ? String.format(Locale.ROOT, "%+.1f%%", 100 * d.relChange()).replaceFirst("^[-+](0\\.0%)$", "$1")
                    : human(Double.NaN);
            cells.add(new String[] {r.label(), human(d.baselineMean()), human(d.mean()), human(d.diffMean()),
                    interval(!Double.isFinite(d.ciLow()), d.ciLow(), d.ciHigh()), change, d.significant() ? "*" : ""});
        }
        return layout(cells);
    }

    private static String interval(boolean missing, double low, double high) {
        return missing ? human(Double.NaN) : human(low) + " – " + human(high);
    }

    /** First column left-aligned, the others right-aligned, a rule under the header row (cells[0] is the header). */
    public static String layout(List<String[]> cells) {
        int[] width = new int[cells.get(0).length];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        int rule = 0;
        for (String[] c : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                if (i > 0) {
                    line.append(GAP);
                }
                line.append(i == 0 ? padRight(c[i], width[i]) : padLeft(c[i], width[i]));
            }
            lines.add(line.toString().stripTrailing());
            rule = Math.max(rule, lines.get(lines.size() - 1).length());
        }
        lines.add(1, "-".repeat(rule));
        return String.join("\n", lines) + "\n";
    }

    /** ≥ 1000 as an integer, ≥ 10 with 1 decimal, else 3 decimals; NaN as "n/a". */
    public static String human(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String s;
        if (a >= 1000) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else if (a >= 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else {
            s = String.format(Locale.ROOT, "%.3f", v);
        }
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s; // no "-0.000"
    }

    private static String padRight(String s, int w) {
        return s + " ".repeat(w - s.length());
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(w - s.length()) + s;
    }
}
