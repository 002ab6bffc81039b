package icsim.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CSV formatting shared by every writer. One number rule everywhere so files are byte-identical across
 * runs and machines: UTF-8, '\n' line ends, no locale.
 */
public final class Csv {

    private static final int SIGNIFICANT = 6;

    private Csv() {
    }

    /**
     * Formats a double: NaN/infinite -> empty; otherwise rounded half-even to 6 significant digits but
     * never rounding away integer digits, trailing zeros stripped, plain notation (so 3 -> "3",
     * 1.9634560 -> "1.96346", 1234567.8 -> "1234568"). Values below 1e-9 in magnitude use E notation.
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0"; // also folds -0.0
        }
        BigDecimal exact = new BigDecimal(v); // exact binary value: no platform-dependent shortcuts
        int integerDigits = exact.precision() - exact.scale();
        BigDecimal rounded = exact.round(new MathContext(Math.max(SIGNIFICANT, integerDigits), RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return Math.abs(v) < 1e-9 ? rounded.toString() : rounded.toPlainString();
    }

    /** Fixed number of decimals (HALF_UP), NaN/infinite -> empty. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Quotes a field if it contains a comma, quote, CR or LF; null -> empty. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Joins already-formatted cells (text cells must have gone through {@link #field}) and adds '\n'. */
    public static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cells.get(i));
        }
        out.append('\n');
    }

    public static void row(StringBuilder out, String... cells) {
        row(out, List.of(cells));
    }

    /** Writes text as UTF-8, replacing the file. */
    public static void write(Path file, CharSequence text) throws IOException {
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
