package financestream.embedded.athena;

import financestream.embedded.athena.ResultTable.ResultColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One query on its own in-memory DuckDB: the catalog's views are created, then DuckDB is confined to the lake
 * directory (no other file, no network, settings locked) and the query runs with its database as the default
 * schema. DuckDB's error message is the query's failure reason, as Trino's is on Athena.
 */
final class DuckDbQuery implements AutoCloseable {

    static final String MEMORY_LIMIT = "192MB";

    private final Connection connection;
    private volatile Statement running;
    private volatile boolean cancelled;

    DuckDbQuery() throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    ResultTable run(CatalogViews.Definitions catalog, String lakeRoot, String database, String sql) throws SQLException {
        try (Statement setup = connection.createStatement()) {
            for (String statement : catalog.statements()) {
                setup.execute(statement);
            }
            // bounded native memory whatever the lake's size: the job's RSS must not grow with the bars it queries
            setup.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            setup.execute("SET allowed_directories = [" + CatalogViews.literal(lakeRoot + "/") + "]");
            setup.execute("SET enable_external_access = false");
            setup.execute("SET lock_configuration = true");
            setup.execute("USE " + CatalogViews.CATALOG + "." + CatalogViews.ident(database));
        }
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (cancelled) {
                throw new SQLException("Query cancelled by user");
            }
            if (!statement.execute(sql)) {
                return ResultTable.none();
            }
            try (ResultSet rs = statement.getResultSet()) {
                return read(rs);
            }
        } finally {
            running = null;
        }
    }

    private static ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(AthenaValues.column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(AthenaValues.text(rs, i, columns.get(i - 1)));
            }
            rows.add(row);
        }
        return new ResultTable(List.copyOf(columns), rows, true);
    }

    /** Stops the query if it is running; it then fails with an SQLException. */
    void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // already finished: nothing to stop
            }
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
