package financestream.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import financestream.analyze.ResultTable;

/** How the {@code query} command prints an answer. Values stay as Athena returned them (text, or null). */
public enum ResultFormat {
    /** The aligned table the job logs. */
    TABLE,
    /** RFC 4180 with a header row, as Athena writes QUERY_ID.csv. */
    CSV,
    /** An array of objects, one per row, column name → value. */
    JSON;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    public static ResultFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be table, csv or json, was '" + name + "'");
        }
    }

    public String format(ResultTable table) {
        return switch (this) {
            case TABLE -> table.toAlignedText() + "\n";
            case CSV -> table.toCsv();
            case JSON -> json(table);
        };
    }

    private static String json(ResultTable table) {
        List<Map<String, String>> rows = table.rows().stream().map(row -> {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                object.put(table.columns().get(i), row.get(i));
            }
            return object;
        }).toList();
        try {
            return JSON_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
