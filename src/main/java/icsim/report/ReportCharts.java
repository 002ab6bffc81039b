package icsim.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts: JFreeChart plots drawn into JFreeSVG's SVGGraphics2D and returned as one inline
 * {@code <svg>} element each, sized by a viewBox so the page can scale them. Colours are the Okabe-Ito palette,
 * which stays distinguishable under the common colour-vision deficiencies; text is sans-serif at sizes that stay
 * legible when a chart is scaled to the width of an A4 page.
 */
final class ReportCharts {
    /** Okabe-Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black. */
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000));

    static final int WIDTH = 860;

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Color GRID = new Color(0xD9D9D9);
    private static final Color TEXT = new Color(0x222222);
    private static final Color MARKER = new Color(0x555555);

    private ReportCharts() {
    }

    /** One line with a shaded band around it (low and high may equal mean: no band), in palette colour color. */
    record Band(String name, int color, double[] x, double[] mean, double[] low, double[] high) {
    }

    /** A horizontal reference line across an XY chart, with its label at the right, above or below the line. */
    record Marker(double value, String label, boolean labelAbove) {
    }

    /** A mean with its interval, for a bar with whiskers; NaN mean: no bar. */
    record Interval(double mean, double low, double high) {
    }

    /**
     * Lines with shaded bands, one per series, each in its palette colour.
     *
     * @param yRange null to fit the data and the markers
     * @param xTick  the distance between ticks on the x axis, or 0 to let the axis choose
     */
    static String bands(String id, List<Band> series, String xLabel, String yLabel, NumberFormat yFormat,
                        List<Marker> markers, Range yRange, double xTick, int height) {
        YIntervalSeriesCollection data = dataset(series);
        XYPlot plot = bandPlot(data, series, true, yLabel, yFormat, markers, yRange);
        plot.setDomainAxis(xAxis(xLabel, data, xTick));
        return svg(chart(plot, series.size() > 1), id, WIDTH, height);
    }

    /**
     * Several series over a shared x axis: a first panel with every series' line (no bands), so they can be
     * compared, then one panel per series with its band, so the bands do not hide one another.
     *
     * @param yLabel the first panel's axis label; the others are labelled with their series' names
     */
    static String bandPanels(String id, List<Band> series, String xLabel, String yLabel, NumberFormat yFormat,
                             List<Marker> markers, Range yRange, double xTick, int panelHeight) {
        YIntervalSeriesCollection all = dataset(series);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis(xLabel, all, xTick));
        plot.setGap(12);
        XYPlot overview = bandPlot(all, series, false, yLabel, yFormat, markers, yRange);
        plot.add(overview, 3);
        // the panels repeat the reference lines without their labels, and name their series on the axis
        List<Marker> unlabelled = markers.stream().map(m -> new Marker(m.value(), null, m.labelAbove())).toList();
        for (Band b : series) {
            String name = b.name().length() > 18 ? b.name().substring(0, 17) + "\u2026" : b.name();
            plot.add(bandPlot(dataset(List.of(b)), List.of(b), true, name + " (%)", yFormat, unlabelled, yRange), 2);
        }
        plot.setFixedLegendItems(overview.getLegendItems());
        stylePlot(plot);
        int height = 120 + panelHeight * (3 + 2 * series.size()) / 2;
        return svg(chart(plot, true), id, WIDTH, height);
    }

    private static YIntervalSeriesCollection dataset(List<Band> series) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Band b : series) {
            YIntervalSeries s = new YIntervalSeries(b.name(), false, true);
            for (int i = 0; i < b.x().length; i++) {
                if (Double.isFinite(b.mean()[i])) {
                    s.add(b.x()[i], b.mean()[i], finiteOr(b.low()[i], b.mean()[i]), finiteOr(b.high()[i], b.mean()[i]));
                }
            }
            data.addSeries(s);
        }
        return data;
    }

    /** A plot of lines, with their bands when withBands, in each series' colour, and the reference lines. */
    private static XYPlot bandPlot(YIntervalSeriesCollection data, List<Band> series, boolean withBands,
                                   String yLabel, NumberFormat yFormat, List<Marker> markers, Range yRange) {
        XYLineAndShapeRenderer renderer = withBands ? new DeviationRenderer(true, false)
                : new XYLineAndShapeRenderer(true, false);
        if (renderer instanceof DeviationRenderer d) {
            d.setAlpha(0.25f);
        }
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.size(); i++) {
            Color c = color(series.get(i).color());
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        NumberAxis y = axis(yLabel, yFormat);
        y.setAutoRangeIncludesZero(false);
        Range fitted = yRange != null ? yRange : withMarkers(renderer.findRangeBounds(data), markers);
        if (fitted != null) {
            y.setRange(fitted);
        }
        XYPlot plot = new XYPlot(data, null, y, renderer);
        stylePlot(plot);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        for (Marker m : markers) {
            plot.addRangeMarker(marker(m), Layer.FOREGROUND);
        }
        return plot;
    }

    private static NumberAxis xAxis(String label, YIntervalSeriesCollection data, double tick) {
        NumberAxis x = axis(label, compact());
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        Range r = DatasetUtils.findDomainBounds(data, false);
        if (tick > 0 && r != null) {
            // whole ticks: the axis ends on the tick at or after the last point (day 1824 ends year 5)
            x.setRange(r.getLowerBound(), Math.max(r.getLowerBound() + tick,
                    Math.ceil(r.getUpperBound() / tick - 0.01) * tick));
            x.setTickUnit(new NumberTickUnit(tick, compact()));
        }
        return x;
    }

    /**
     * Stacked horizontal bars: one bar per category (scenario), one segment per part (reason).
     *
     * @param values [part][category]
     */
    static String stackedBars(String id, List<String> categories, List<String> parts, double[][] values,
                              String valueLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int p = 0; p < parts.size(); p++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(Double.isFinite(values[p][c]) ? values[p][c] : 0, parts.get(p), categories.get(c));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        flat(renderer);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
        renderer.setMaximumBarWidth(0.6);
        for (int p = 0; p < parts.size(); p++) {
            renderer.setSeriesPaint(p, color(p));
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), axis(valueLabel, grouped()), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        stylePlot(plot);
        plot.setRangeGridlinePaint(GRID);
        int height = 150 + 46 * categories.size() + 24 * ((parts.size() + 2) / 3);
        return svg(chart(plot, true), id, WIDTH, height);
    }

    /**
     * Grouped vertical bars with whiskers for the 95 % interval: categories along the axis, one bar per series
     * in each, colours in palette order.
     *
     * @param values [series][category]
     */
    static String intervalBars(String id, List<String> categories, List<String> series, Interval[][] values,
                               String valueLabel, NumberFormat format, int height) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        boolean negative = false;
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                Interval v = values[s][c];
                if (v != null && Double.isFinite(v.mean())) {
                    double half = Double.isFinite(v.high()) ? v.high() - v.mean() : 0;
                    data.add(v.mean(), half, series.get(s), categories.get(c));
                    negative |= v.mean() < 0;
                } else {
                    data.add(null, null, series.get(s), categories.get(c));
                }
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        flat(renderer);
        renderer.setErrorIndicatorPaint(TEXT);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
        renderer.setItemMargin(0.06);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, color(s));
        }
        NumberAxis y = axis(valueLabel, format);
        if (!negative) {
            // whiskers of a quantity that cannot be negative are cut at 0 rather than stretching the axis
            y.setAutoRangeIncludesZero(true);
            Range r = renderer.findRangeBounds(data);
            double top = r == null || !(r.getUpperBound() > 0) ? 1 : r.getUpperBound();
            y.setRange(0, top * 1.08);
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), y, renderer);
        stylePlot(plot);
        plot.setRangeGridlinePaint(GRID);
        return svg(chart(plot, series.size() > 1), id, WIDTH, height);
    }

    /** A number format with thousands separators and the given decimals, for tick labels. */
    static NumberFormat grouped(int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.UK));
        f.setNegativePrefix("\u2212");
        return f;
    }

    static NumberFormat grouped() {
        return grouped(0);
    }

    /** Thousands separators and up to two decimals, only where needed (tick labels 0, 2.5, 5 ...). */
    static NumberFormat compact() {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setNegativePrefix("\u2212");
        return f;
    }

    /** Draws chart into an SVG element of the given size; id prefixes every id inside, so charts can share a page. */
    static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(ReportCharts::oneDecimal);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String element = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
        return element.replaceFirst("<svg ", "<svg role=\"img\" class=\"chart\" ");
    }

    // ---- styling --------------------------------------------------------------------------------------------

    private static JFreeChart chart(Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 4, 4, 16));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(TICK_FONT);
            l.setItemPaint(TEXT);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(RectangleEdge.TOP);
            l.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    private static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
    }

    private static NumberAxis axis(String label, NumberFormat format) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL_FONT);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(MARKER);
        a.setTickMarkPaint(MARKER);
        if (format != null) {
            a.setNumberFormatOverride(format);
        }
        return a;
    }

    private static CategoryAxis categoryAxis() {
        CategoryAxis a = new CategoryAxis();
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setLabelFont(LABEL_FONT);
        a.setAxisLinePaint(MARKER);
        a.setMaximumCategoryLabelLines(2);
        a.setMaximumCategoryLabelWidthRatio(1.4f);
        a.setCategoryMargin(0.2);
        return a;
    }

    private static void flat(org.jfree.chart.renderer.category.BarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        r.setDefaultItemLabelsVisible(false);
    }

    private static ValueMarker marker(Marker m) {
        ValueMarker v = new ValueMarker(m.value(), MARKER, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        if (m.label() == null) {
            return v;
        }
        v.setLabel(m.label());
        v.setLabelFont(TICK_FONT);
        v.setLabelPaint(TEXT);
        v.setLabelBackgroundColor(new Color(255, 255, 255, 215));
        v.setLabelAnchor(m.labelAbove() ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        v.setLabelTextAnchor(m.labelAbove() ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        v.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
        return v;
    }

    /** The data's range widened by 5 % and to every marker, so that a reference line is always in view. */
    private static Range withMarkers(Range data, List<Marker> markers) {
        if (data == null) {
            return null;
        }
        double lo = data.getLowerBound();
        double hi = data.getUpperBound();
        for (Marker m : markers) {
            lo = Math.min(lo, m.value());
            hi = Math.max(hi, m.value());
        }
        double pad = (hi - lo) * 0.05;
        return pad > 0 ? new Range(lo - pad, hi + pad) : null;
    }

    private static Color color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    /** Coordinates to 0.1 px: enough on screen and on paper, and a third of the file size of full precision. */
    private static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }
}
