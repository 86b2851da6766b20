package financestream.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the answer as small multiples with JFreeChart: one line chart per company, each with its own price
 * axis, so a $20 stock and a $1,000 stock are both readable. All panels go into one PNG, which the HTML report
 * embeds and the email carries inline.
 */
public class ResultChart {

    static final int PANEL_WIDTH = 300;
    static final int PANEL_HEIGHT = 200;
    static final int COLUMNS = 5;
    /**
     * At most this many panels (the first series, in the answer's order): 500 companies would make a 3,000 × 40,000
     * pixel image, half a gigabyte of heap, that nobody reads. The report's table still lists every company.
     */
    public static final int MAX_PANELS = 30;
    /** Drawn at twice the size so the image stays sharp on high-density screens and when zoomed. */
    static final int SCALE = 2;

    private static final Color LINE = new Color(0x1f, 0x6f, 0xb5);
    private static final Color GRID = new Color(0xe3, 0xe7, 0xec);
    private static final Color TEXT = new Color(0x33, 0x3a, 0x44);

    static {
        // a server has no display; rendering into an image needs none
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final ChartColumns columns;

    public ResultChart(ChartColumns columns) {
        this.columns = columns;
    }

    public ChartColumns columns() {
        return columns;
    }

    /**
     * The PNG bytes of one panel per series, for the first {@value #MAX_PANELS} series; an answer without rows gives
     * a single "no data" panel.
     */
    public byte[] png(financestream.analyze.ResultTable table) {
        List<XYSeries> series = columns.seriesOf(table);
        int panels = Math.min(Math.max(series.size(), 1), MAX_PANELS);
        int cols = Math.min(COLUMNS, panels);
        int rows = (panels + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * PANEL_WIDTH * SCALE, rows * PANEL_HEIGHT * SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            for (int i = 0; i < panels; i++) {
                JFreeChart chart = series.isEmpty() ? panel(new XYSeries("no rows")) : panel(series.get(i));
                chart.draw(g, new Rectangle2D.Double((i % cols) * PANEL_WIDTH, (i / cols) * PANEL_HEIGHT,
                        PANEL_WIDTH, PANEL_HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the chart as PNG: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }

    private JFreeChart panel(XYSeries series) {
        JFreeChart chart = ChartFactory.createXYLineChart(String.valueOf(series.getKey()), columns.x(), null,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle title = chart.getTitle();
        title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        title.setPaint(TEXT);

        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));

        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        x.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        x.setAxisLineVisible(false);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        // prices: the interesting part is the movement, not the distance from zero
        y.setAutoRangeIncludesZero(false);
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        y.setAxisLineVisible(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setRenderer(renderer);
        return chart;
    }
}
