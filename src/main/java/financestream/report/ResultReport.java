package financestream.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import financestream.analyze.ResultTable;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;

/**
 * The answer as a page people read: a title, the chart and the table. The same page is the HTML report file
 * (chart embedded, so the file stands alone) and the body of the email (chart as an inline attachment, which mail
 * clients show in place and keep as a file).
 * <p>
 * Values are shown exactly as Athena returned them, never re-rounded. When the answer is one value per
 * (series, x) — a company and an hour — the table is pivoted to one row per company, which reads at a glance;
 * any other answer is shown as returned.
 */
public class ResultReport {

    /** The chart attachment's name; camel-mail turns a {@code cid:} name into the part's Content-ID. */
    public static final String CHART_CID = "chart.png";

    private final String title;
    private final ResultChart chart;
    private final Supplier<ZonedDateTime> now;

    public ResultReport(String title, ResultChart chart) {
        this(title, chart, ZonedDateTime::now);
    }

    ResultReport(String title, ResultChart chart, Supplier<ZonedDateTime> now) {
        this.title = title;
        this.chart = chart;
        this.now = now;
    }

    /** The stand-alone HTML report file: the chart travels inside it as a data URI. */
    public String html(ResultTable table) {
        String png = Base64.getEncoder().encodeToString(chart.png(table));
        return page(table, "data:image/png;base64," + png);
    }

    /** Turns the exchange's {@link ResultTable} into an HTML email body with the chart as an inline attachment. */
    public void email(Exchange exchange) throws InvalidPayloadException {
        ResultTable table = exchange.getMessage().getMandatoryBody(ResultTable.class);
        byte[] png = chart.png(table);
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        DefaultAttachment attachment = new DefaultAttachment(new DataHandler(new ByteArrayDataSource(png, "image/png")));
        attachment.setHeader("Content-Disposition", "inline; filename=\"" + CHART_CID + "\"");
        message.addAttachmentObject("cid:" + CHART_CID, attachment);
        message.setBody(page(table, "cid:" + CHART_CID));
    }

    String page(ResultTable table, String chartSource) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"meta\">").append(table.size()).append(table.size() == 1 ? " row" : " rows")
                .append(" · generated ")
                .append(escape(now.get().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))))
                .append(" by finance-stream</p>\n")
                .append("<figure><img src=\"").append(chartSource).append("\" alt=\"")
                .append(escape(chartDescription(table))).append("\" width=\"")
                .append(Math.min(ResultChart.COLUMNS, Math.max(1, seriesCount(table))) * ResultChart.PANEL_WIDTH)
                .append("\">\n<figcaption>").append(escape(chartDescription(table))).append("</figcaption></figure>\n");
        Pivot pivot = Pivot.of(table, chart.columns());
        if (pivot != null) {
            appendPivot(html, pivot);
        } else {
            appendTable(html, table);
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private String chartDescription(ResultTable table) {
        ChartColumns c = chart.columns();
        int series = seriesCount(table);
        String shown = series > ResultChart.MAX_PANELS
                ? " (the first " + ResultChart.MAX_PANELS + " of " + series + "; the table lists every " + c.series() + ")"
                : "";
        return c.y() + " by " + c.x() + ", one panel per " + c.series() + shown;
    }

    private int seriesCount(ResultTable table) {
        return chart.columns().seriesOf(table).size();
    }

    private void appendPivot(StringBuilder html, Pivot pivot) {
        ChartColumns c = chart.columns();
        html.append("<table>\n<caption>").append(escape(c.y())).append(" by ").append(escape(c.series()))
                .append(" and ").append(escape(c.x())).append("</caption>\n<thead><tr><th>")
                .append(escape(c.series())).append(" \\ ").append(escape(c.x())).append("</th>");
        for (String x : pivot.xs) {
            html.append("<th class=\"num\">").append(escape(x)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (String series : pivot.series) {
            html.append("<tr><th>").append(escape(series)).append("</th>");
            for (String x : pivot.xs) {
                String value = pivot.cell(series, x);
                html.append("<td class=\"num\">").append(value == null ? "" : escape(value)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void appendTable(StringBuilder html, ResultTable table) {
        html.append("<table>\n<thead><tr>");
        for (String column : table.columns()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String value : row) {
                html.append("<td>").append(value == null ? "<span class=\"null\">NULL</span>" : escape(value))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    /** One row per series, one column per x: only when the answer is exactly those three columns, each pair once. */
    private static final class Pivot {
        final Set<String> series = new LinkedHashSet<>();
        final Set<String> xs;
        final Map<String, String> cells = new HashMap<>();

        private Pivot(Set<String> xs) {
            this.xs = xs;
        }

        String cell(String s, String x) {
            return cells.get(s + '\u0000' + x);
        }

        static Pivot of(ResultTable table, ChartColumns columns) {
            List<String> names = table.columns();
            if (names.size() != 3 || !names.containsAll(List.of(columns.series(), columns.x(), columns.y()))
                    || table.size() == 0) {
                return null;
            }
            int s = names.indexOf(columns.series());
            int x = names.indexOf(columns.x());
            int y = names.indexOf(columns.y());
            Map<String, Double> xOrder = new LinkedHashMap<>();
            for (List<String> row : table.rows()) {
                if (row.get(s) == null || row.get(x) == null) {
                    return null;
                }
                xOrder.put(row.get(x), Double.valueOf(row.get(x)));
            }
            List<String> sortedXs = new ArrayList<>(xOrder.keySet());
            sortedXs.sort((a, b) -> Double.compare(xOrder.get(a), xOrder.get(b)));
            Pivot pivot = new Pivot(new LinkedHashSet<>(sortedXs));
            for (List<String> row : table.rows()) {
                pivot.series.add(row.get(s));
                if (pivot.cells.put(row.get(s) + '\u0000' + row.get(x), row.get(y)) != null) {
                    return null;
                }
            }
            return pivot;
        }
    }

    private static final String STYLE = """
            body { margin: 0; background: #f5f7fa; color: #222a35;
                   font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
            main { max-width: 1540px; margin: 0 auto; padding: 28px 32px 40px; background: #fff; }
            h1 { font-size: 24px; font-weight: 600; margin: 0 0 4px; }
            .meta { color: #6b7685; font-size: 13px; margin: 0 0 20px; }
            figure { margin: 0 0 24px; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e3e7ec; border-radius: 6px; }
            figcaption { color: #6b7685; font-size: 12px; margin-top: 6px; }
            table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
            caption { text-align: left; color: #6b7685; font-size: 12px; padding-bottom: 6px; }
            th, td { padding: 5px 12px; border-bottom: 1px solid #e3e7ec; text-align: left; white-space: nowrap; }
            thead th { background: #eef2f6; font-weight: 600; }
            tbody th { font-weight: 600; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            .num { text-align: right; }
            .null { color: #9aa4b1; }
            """;
}
