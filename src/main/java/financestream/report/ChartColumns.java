package financestream.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import financestream.analyze.ResultTable;
import org.jfree.data.xy.XYSeries;

/**
 * Which columns of the answer the chart draws: one panel per value of {@code series} (the company), {@code x}
 * along the bottom (the hour) and {@code y} up the side (the highest high). Named in settings
 * ({@code report.chart.*}) because the query is the user's to edit.
 */
public record ChartColumns(String series, String x, String y) {

    /** The answer's points, one {@link XYSeries} per series value, in the order the answer lists them. */
    public List<XYSeries> seriesOf(ResultTable table) {
        int s = index(table, series, "report.chart.series");
        int xi = index(table, x, "report.chart.x");
        int yi = index(table, y, "report.chart.y");
        Map<String, XYSeries> bySeries = new LinkedHashMap<>();
        for (List<String> row : table.rows()) {
            String name = row.get(s);
            Double xValue = number(row, xi, x);
            Double yValue = number(row, yi, y);
            if (name == null || xValue == null || yValue == null) {
                // SQL NULL has no place on a chart; the table below it still shows the row
                continue;
            }
            bySeries.computeIfAbsent(name, n -> new XYSeries(n, true, true)).add(xValue, yValue);
        }
        return List.copyOf(bySeries.values());
    }

    private static int index(ResultTable table, String column, String setting) {
        int index = table.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(setting + "=" + column + " is not a column of the answer "
                    + table.columns() + ": set it to one of them (or drop html/email from results.sinks)");
        }
        return index;
    }

    private static Double number(List<String> row, int index, String column) {
        String value = row.get(index);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Column " + column + " of row " + row + " is not a number: '"
                    + value + "'; the chart needs numbers there (settings report.chart.x and report.chart.y)");
        }
    }
}
