package financestream.embedded.glue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parquet files (recognised by their {@code PAR1} magic, as Glue's built-in classifier does), such as the
 * compaction writes: the schema is the file's own, read from its footer by DuckDB; nothing else is read.
 */
final class ParquetClassifier implements FileClassifier {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final Map<String, String> GLUE_TYPES = Map.of(
            "DOUBLE", "double", "FLOAT", "float", "VARCHAR", "string", "BIGINT", "bigint", "INTEGER", "int",
            "BOOLEAN", "boolean", "DATE", "date", "TIMESTAMP", "timestamp");

    @Override
    public boolean accepts(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    @Override
    public FileSchema sample(Path file) throws IOException {
        String path = "'" + file.toString().replace("'", "''") + "'";
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            try (ResultSet described = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + path
                    + ", hive_partitioning = false)")) {
                while (described.next()) {
                    String name = described.getString("column_name");
                    String type = described.getString("column_type").toUpperCase(Locale.ROOT);
                    columns.put(name, GLUE_TYPES.getOrDefault(type, "string"));
                }
            }
            long rows;
            try (ResultSet count = sql.executeQuery("SELECT sum(num_rows) FROM parquet_file_metadata(" + path + ")")) {
                rows = count.next() ? count.getLong(1) : 0;
            }
            if (columns.isEmpty()) {
                throw new UnreadableFileException("a Parquet file without columns", null);
            }
            return new FileSchema("parquet", columns, rows);
        } catch (SQLException e) {
            throw new UnreadableFileException("not a readable Parquet file: " + e.getMessage(), e);
        }
    }
}
