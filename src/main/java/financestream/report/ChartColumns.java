package financestream.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import financestream.analyze.ResultTable;
import org.jfree.data.xy.XYSeries;

/**
 * Which columns of the answer the chart draws: one panel per value of {@code series} (the company), {@code x}
 * along the bottom (the hour) and {@code y} up the side (the highest high). Named in settings
 * ({@code report.chart.*}) because the query is the user's to edit; {@link #fromAnswer} picks them from an answer
 * whose columns the settings do not name.
 */
public record ChartColumns(String series, String x, String y) {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    /** Whether the answer has all three columns. */
    public boolean fit(ResultTable table) {
        return table.columns().containsAll(List.of(series, x, y));
    }

    /**
     * The columns an answer offers a chart, by the values Athena returned: the first text column is the series,
     * the first integer column x, the first other number y. Empty if it has no such three.
     */
    public static Optional<ChartColumns> fromAnswer(ResultTable table) {
        String text = null;
        String integer = null;
        String number = null;
        for (int c = 0; c < table.columns().size(); c++) {
            String column = table.columns().get(c);
            switch (kind(table, c)) {
                case TEXT -> text = text == null ? column : text;
                case INTEGER -> {
                    if (integer == null) {
                        integer = column;
                    } else if (number == null) {
                        number = column;
                    }
                }
                case NUMBER -> number = number == null ? column : number;
                case NONE -> { }
            }
        }
        return text == null || integer == null || number == null ? Optional.empty()
                : Optional.of(new ChartColumns(text, integer, number));
    }

    private enum Kind { TEXT, INTEGER, NUMBER, NONE }

    /** A column whose values are all NULL says nothing about its kind. */
    private static Kind kind(ResultTable table, int column) {
        Kind kind = Kind.NONE;
        for (List<String> row : table.rows()) {
            String value = row.get(column);
            if (value == null) {
                continue;
            }
            if (INTEGER.matcher(value).matches()) {
                kind = kind == Kind.NONE ? Kind.INTEGER : kind;
            } else if (isNumber(value)) {
                kind = kind == Kind.TEXT ? Kind.TEXT : Kind.NUMBER;
            } else {
                return Kind.TEXT;
            }
        }
        return kind;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

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
                    + table.columns() + ", and the answer has no text, integer and other number column to chart "
                    + "instead: set report.chart.* to columns of it (or drop html/email from results.sinks)");
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
