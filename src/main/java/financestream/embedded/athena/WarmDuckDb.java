package financestream.embedded.athena;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * One worker's in-memory DuckDB, kept open between queries so that a query pays for its own work only. It is
 * confined once, when opened (no file outside the lake, no network, bounded memory, settings locked), and holds
 * the catalog's views, re-created only when the definitions a query brings differ from those it holds. One
 * thread uses it at a time and every worker has its own, so re-creating views never touches a query running on
 * another worker. Each query runs on a connection of its own, closed after it (its variables, prepared
 * statements and temporary objects go with it), in a transaction that is rolled back (what it creates, drops or
 * attaches in the database goes too): nothing a query does outlives it, as when every query had its own DuckDB.
 */
final class WarmDuckDb implements AutoCloseable {

    static final String MEMORY_LIMIT = "192MB";

    /** The database's own connection: it keeps the database open and makes the views. */
    private final DuckDBConnection connection;
    /** The statements that made the views this database holds; empty before the first query. */
    private List<String> viewStatements = List.of();
    private boolean broken;

    WarmDuckDb(String lakeRoot) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        try {
            execute("ATTACH ':memory:' AS " + CatalogViews.CATALOG);
            // bounded native memory whatever the lake's size: the job's RSS must not grow with the bars it queries
            execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            execute("SET allowed_directories = [" + CatalogViews.literal(lakeRoot + "/") + "]");
            execute("SET enable_external_access = false");
            // Trino's meaning: integer / integer is an integer, truncated towards zero (DuckDB's default gives a double)
            execute("SET integer_division = true");
            for (String macro : TrinoDialect.MACROS) {
                execute(macro);
            }
            // from here on no query can undo the settings above, nor any other
            execute("SET lock_configuration = true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** False once the database cannot be trusted to be as this class left it: open a new one instead. */
    boolean usable() {
        try {
            return !broken && !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Brings the views up to date with {@code catalog}, then runs {@code query} with {@code database} as its default schema. */
    QueryResult run(DuckDbQuery query, CatalogViews.Definitions catalog, String database) throws SQLException {
        defineViews(catalog);
        if (!catalog.databases().contains(database)) {
            // Athena accepts a query context naming no database until the query names a table in it
            execute("CREATE SCHEMA IF NOT EXISTS " + CatalogViews.CATALOG + "." + CatalogViews.ident(database));
        }
        try (Connection session = connection.duplicate()) {
            execute(session, "USE " + CatalogViews.CATALOG + "." + CatalogViews.ident(database));
            execute(session, "BEGIN TRANSACTION");
            try {
                return query.execute(session);
            } finally {
                rollBack(session);
            }
        }
    }

    private void defineViews(CatalogViews.Definitions catalog) throws SQLException {
        if (catalog.statements().equals(viewStatements)) {
            return;
        }
        // one transaction: a definition that fails (an unreadable file, say) leaves the views as they were
        execute("BEGIN TRANSACTION");
        try {
            for (String schema : schemas()) {
                execute("DROP SCHEMA " + CatalogViews.CATALOG + "." + CatalogViews.ident(schema) + " CASCADE");
            }
            for (String statement : catalog.statements()) {
                execute(statement);
            }
            execute("COMMIT");
        } catch (SQLException e) {
            rollBack(connection);
            throw e;
        }
        viewStatements = catalog.statements();
    }

    private List<String> schemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT schema_name FROM duckdb_schemas() WHERE database_name = "
                     + CatalogViews.literal(CatalogViews.CATALOG) + " AND NOT internal")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /**
     * Rolls back the open transaction. If there is none, the query ended it itself (a COMMIT of its own) and may
     * have changed what later queries would see: this database is then given up.
     */
    private void rollBack(Connection session) {
        try {
            execute(session, "ROLLBACK");
        } catch (SQLException e) {
            broken = true;
        }
    }

    private void execute(String sql) throws SQLException {
        execute(connection, sql);
    }

    /** A statement of its own each time: DuckDB's JDBC driver closes a statement whose execution failed. */
    private static void execute(Connection session, String sql) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
