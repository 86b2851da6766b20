package financestream.embedded.athena;

import financestream.embedded.athena.QueryResult.ResultColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One query's SQL on a worker's {@link WarmDuckDb}, stoppable from another thread (StopQueryExecution): it then
 * fails with an SQLException. DuckDB's error message is the query's failure reason, as Trino's is on Athena.
 */
final class DuckDbQuery {

    private final String sql;
    /** The result's column names as Trino gives them, or empty to keep DuckDB's. */
    private final List<String> columnNames;
    private Statement running;
    private boolean cancelled;

    DuckDbQuery(String sql) {
        this(sql, List.of());
    }

    DuckDbQuery(String sql, List<String> columnNames) {
        this.sql = sql;
        this.columnNames = columnNames;
    }

    QueryResult execute(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            synchronized (this) {
                if (cancelled) {
                    throw new SQLException("Query cancelled by user");
                }
                running = statement;
            }
            try {
                if (!statement.execute(sql)) {
                    return QueryResult.none();
                }
                try (ResultSet rs = statement.getResultSet()) {
                    return read(rs);
                }
            } finally {
                // after this, a late cancel() cannot reach the connection's next statement
                synchronized (this) {
                    running = null;
                }
            }
        }
    }

    private QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<ResultColumn> columns = new ArrayList<>();
        boolean trinoNames = columnNames.size() == meta.getColumnCount();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(AthenaValues.column(trinoNames ? columnNames.get(i - 1) : meta.getColumnLabel(i),
                    meta.getColumnTypeName(i)));
        }
        for (ResultColumn column : columns) {
            if (column.type().equals("timestamp with time zone")) {
                // Athena prints each such value in its own zone (-05:00, America/New_York); DuckDB keeps only the instant
                throw new SQLException("NOT_SUPPORTED: column " + column.name() + " is a timestamp with time zone, "
                        + "which the embedded Athena cannot print in the value's own zone as Athena does: select "
                        + "CAST(x AT TIME ZONE 'zone' AS timestamp), or a field of it (hour(x))");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(AthenaValues.text(rs, i, columns.get(i - 1)));
            }
            rows.add(row);
        }
        return new QueryResult(List.copyOf(columns), rows, true);
    }

    /** Stops the query if it is running, or before it starts. */
    synchronized void cancel() {
        cancelled = true;
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException e) {
                // already finished: nothing to stop
            }
        }
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }
}
