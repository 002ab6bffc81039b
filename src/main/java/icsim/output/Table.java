package icsim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A result table of an experiment: printed on the console (numbers rounded for reading) and written as CSV
 * (numbers at full precision), from the same rows so the two never disagree.
 *
 * @param file    CSV file name in the experiment's folder
 * @param title   one line saying what the table shows
 * @param columns column headers (snake_case, as in the CSV)
 * @param rows    cells: Double (or any Number), String, or null for "not applicable"
 */
public record Table(String file, String title, List<String> columns, List<List<Object>> rows) {

    public Table {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(file + ": row of " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** Collects rows for a table. */
    public static final class Builder {
        private final String file;
        private final String title;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        public Builder(String file, String title, String... columns) {
            this.file = file;
            this.title = title;
            this.columns = List.of(columns);
        }

        public Builder row(Object... cells) {
            rows.add(java.util.Arrays.asList(cells.clone()));
            return this;
        }

        public Table build() {
            return new Table(file, title, columns, List.copyOf(rows));
        }
    }

    /** The table for a terminal: the title, then aligned columns. */
    public String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.toArray(String[]::new));
        for (List<Object> row : rows) {
            String[] r = new String[row.size()];
            for (int i = 0; i < r.length; i++) {
                Object v = row.get(i);
                r[i] = cell(columns.get(i), v);
            }
            cells.add(r);
        }
        return title + "\n" + ConsoleTable.layout(cells);
    }

    /** A cell for reading: whole numbers as they are, changes and shares as percentages, others rounded. */
    public static String cell(String column, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (!(v instanceof Number n)) {
            return v.toString();
        }
        double x = n.doubleValue();
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        if (column.endsWith("relative_change") || column.endsWith("_change_pct")) {
            return String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * x).replace("-0.0%", "0.0%").replace("+0.0%", "0.0%");
        }
        if (column.endsWith("_share") || column.contains("probability")) {
            return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * x);
        }
        return ConsoleTable.human(x);
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        Csv.row(out, columns.stream().map(Csv::field).toList());
        for (List<Object> row : rows) {
            List<String> r = new ArrayList<>(row.size());
            for (Object v : row) {
                r.add(v == null ? "" : v instanceof Number n ? Csv.num(n.doubleValue()) : Csv.field(v.toString()));
            }
            Csv.row(out, r);
        }
        return out.toString();
    }

    public void write(Path folder) throws IOException {
        Csv.write(folder.resolve(file), csv());
    }
}
