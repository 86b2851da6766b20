package financestream.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query answer as the user reads it: column names and rows of values exactly as Athena returned them (strings,
 * {@code null} for SQL NULL), never re-rounded.
 */
public record ResultTable(List<String> columns, List<List<String>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Row " + row + " has " + row.size() + " values for "
                        + columns.size() + " columns " + columns);
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    public int size() {
        return rows.size();
    }

    /** An aligned text table for the log: numbers right-aligned, text left-aligned. */
    public String toAlignedText() {
        int[] widths = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                String value = show(row.get(c));
                widths[c] = Math.max(widths[c], value.length());
                numeric[c] &= row.get(c) == null || isNumber(row.get(c));
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, columns, widths, numeric);
        for (int c = 0; c < columns.size(); c++) {
            text.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        text.append('\n');
        for (List<String> row : rows) {
            appendLine(text, row, widths, numeric);
        }
        text.append("(").append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
        return text.toString();
    }

    /** RFC 4180 CSV with a header row; NULL is an empty field. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        csv.append(columns.stream().map(ResultTable::csvField).collect(Collectors.joining(","))).append('\n');
        for (List<String> row : rows) {
            csv.append(row.stream().map(ResultTable::csvField).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    private static void appendLine(StringBuilder text, List<String> values, int[] widths, boolean[] numeric) {
        for (int c = 0; c < values.size(); c++) {
            String value = show(values.get(c));
            String padding = " ".repeat(widths[c] - value.length());
            text.append(c == 0 ? "" : " | ").append(numeric[c] ? padding + value : value + padding);
        }
        text.append('\n');
    }

    private static String show(String value) {
        return value == null ? "NULL" : value;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty() || value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
