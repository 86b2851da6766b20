package financestream.embedded.athena;

import financestream.embedded.athena.QueryResult.ResultColumn;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DuckDB result types and values, named and printed as Athena (Trino) names and prints them. */
final class AthenaValues {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AthenaValues() {
    }

    static ResultColumn column(String name, String duckDbType) {
        Matcher decimal = DECIMAL.matcher(duckDbType);
        if (decimal.matches()) {
            return new ResultColumn(name, "decimal", Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (duckDbType) {
            case "VARCHAR" -> new ResultColumn(name, "varchar", Integer.MAX_VALUE, 0);
            case "DOUBLE" -> new ResultColumn(name, "double", 17, 0);
            case "FLOAT" -> new ResultColumn(name, "real", 17, 0);
            // DuckDB sums integers into a 128-bit HUGEINT; Trino into a bigint
            case "BIGINT", "HUGEINT" -> new ResultColumn(name, "bigint", 19, 0);
            case "INTEGER" -> new ResultColumn(name, "integer", 10, 0);
            case "SMALLINT" -> new ResultColumn(name, "smallint", 5, 0);
            case "TINYINT" -> new ResultColumn(name, "tinyint", 3, 0);
            case "BOOLEAN" -> new ResultColumn(name, "boolean", 0, 0);
            case "DATE" -> new ResultColumn(name, "date", 0, 0);
            case "TIMESTAMP" -> new ResultColumn(name, "timestamp", 3, 0);
            case "TIMESTAMP WITH TIME ZONE" -> new ResultColumn(name, "timestamp with time zone", 3, 0);
            case "\"NULL\"", "NULL" -> new ResultColumn(name, "unknown", 0, 0);
            default -> new ResultColumn(name, duckDbType.toLowerCase(Locale.ROOT), 0, 0);
        };
    }

    /** The text of one value; null for SQL NULL. Doubles print as Java does, which is also how Trino prints them. */
    static String text(ResultSet rs, int index, ResultColumn column) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case "timestamp" -> rs.getObject(index, LocalDateTime.class).format(TIMESTAMP);
            case "timestamp with time zone" ->
                    rs.getObject(index, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP) + " UTC";
            case "bigint" -> bigint(value);
            default -> plain(value);
        };
    }

    private static String bigint(Object value) throws SQLException {
        if (value instanceof java.math.BigInteger big && big.bitLength() > 63) {
            throw new SQLException("NUMERIC_VALUE_OUT_OF_RANGE: bigint overflow: " + big);
        }
        return value.toString();
    }

    private static String plain(Object value) {
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Float f) {
            return Float.toString(f);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
