package icsim.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A tiny builder for well-formed XHTML: every element opened is closed in order, void elements self-close,
 * every text and attribute value is escaped. Only {@link #raw} takes markup as it is (the charts' SVG).
 */
final class Html {
    /** Block elements: a line break after them keeps the file readable without changing the page. */
    private static final Set<String> BLOCKS = Set.of("html", "head", "body", "header", "nav", "main", "section",
            "figure", "table", "thead", "tbody", "tr", "p", "ul", "ol", "li", "h1", "h2", "h3", "style", "title",
            "figcaption", "div", "footer", "meta", "dl", "dt", "dd", "caption");

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    /** Escapes text for an element's content or an attribute value. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters, even escaped
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Opens tag with attributes given as name, value pairs; a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        startTag(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be tag. */
    Html close(String tag) {
        String expected = open.poll();
        if (!tag.equals(expected)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + expected + "> is open");
        }
        out.append("</").append(tag).append('>');
        breakAfter(tag);
        return this;
    }

    /** A void element such as meta or br: {@code <tag .../>}. */
    Html empty(String tag, String... attributes) {
        startTag(tag, attributes);
        out.append("/>");
        breakAfter(tag);
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Inline code. */
    Html code(String text) {
        return element("code", text);
    }

    /** A link to href with text. */
    Html link(String href, String text) {
        return element("a", text, "href", href);
    }

    /** Markup inserted as it is: only for trusted, well-formed fragments (the charts' SVG). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A paragraph of plain text. */
    Html paragraph(String text, String... attributes) {
        return element("p", text, attributes);
    }

    /** A table: an optional caption, header cells, then rows; cells in columns listed as numeric align right. */
    Html table(String caption, List<String> header, List<List<String>> rows, Set<Integer> numeric, String... attributes) {
        open("table", attributes);
        if (caption != null) {
            element("caption", caption);
        }
        open("thead").open("tr");
        for (int i = 0; i < header.size(); i++) {
            element("th", header.get(i), "scope", "col", "class", numeric.contains(i) ? "num" : null);
        }
        close("tr").close("thead").open("tbody");
        for (List<String> row : rows) {
            open("tr");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                if (i == 0) {
                    // labels that start with spaces are sub-rows of the row above (as on the terminal)
                    boolean sub = cell.startsWith(" ");
                    element("th", cell.strip(), "scope", "row", "class", sub ? "sub" : null);
                } else {
                    element("td", cell, "class", numeric.contains(i) ? "num" : null);
                }
            }
            close("tr");
        }
        return close("tbody").close("table");
    }

    /** The document so far; every element must be closed. */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void startTag(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + List.of(attributes));
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private void breakAfter(String tag) {
        if (BLOCKS.contains(tag)) {
            out.append('\n');
        }
    }
}
