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
            String ci = e.n() == 0 ? human(Double.NaN) : human(e.ciLow()) + " – " + human(e.ciHigh());
            cells.add(new String[] {r.label(), human(e.mean()), ci, Integer.toString(e.n())});
        }
        int[] width = new int[HEADER.length];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            String[] c = cells.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                if (i > 0) {
                    line.append(GAP);
                }
                line.append(i == 0 ? padRight(c[i], width[i]) : padLeft(c[i], width[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (k == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                out.append("-".repeat(total + GAP.length() * (width.length - 1))).append('\n');
            }
        }
        return out.toString();
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
