package financestream.embedded.athena;

import financestream.embedded.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue Data Catalog as DuckDB SQL: one schema per database, one view per table over the files of the
 * table's <em>registered</em> partitions only (as Athena, which never lists folders the catalog does not know).
 * Read through the Glue API only, like Athena; the files are listed at query time, so a new object in a
 * registered partition is visible at once. The statements create the schemas and views in the attached catalog
 * {@value #CATALOG}; equal statements make equal views, which is how a warm database knows it can keep its own.
 */
final class CatalogViews {

    static final String CATALOG = "awsdatacatalog";

    /** Partition values DuckDB's Hive partitioning reads as they are written. */
    private static final Pattern HIVE_VERBATIM_VALUE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private static final Map<String, String> DUCKDB_TYPES = Map.of(
            "string", "VARCHAR", "double", "DOUBLE", "bigint", "BIGINT", "boolean", "BOOLEAN",
            "int", "INTEGER", "float", "FLOAT", "date", "DATE", "timestamp", "TIMESTAMP");

    /** The statements that create the schemas and views, the databases they define, the bytes each table's files hold. */
    record Definitions(List<String> statements, Set<String> databases, Map<String, Long> bytesByTable) {
    }

    private final Lake lake;
    private final GlueClient glue;
    private final java.time.Clock clock;

    CatalogViews(Lake lake, GlueClient glue, java.time.Clock clock) {
        this.lake = lake;
        this.glue = glue;
        this.clock = clock;
    }

    Definitions define() {
        List<String> statements = new ArrayList<>();
        Set<String> databases = new HashSet<>();
        Map<String, Long> bytes = new HashMap<>();
        for (Database database : glue.getDatabasesPaginator(r -> { }).stream().flatMap(page -> page.databaseList().stream()).toList()) {
            databases.add(database.name());
            statements.add("CREATE SCHEMA " + CATALOG + "." + ident(database.name()));
            for (Table table : glue.getTablesPaginator(r -> r.databaseName(database.name())).stream()
                    .flatMap(page -> page.tableList().stream()).toList()) {
                List<Lake.DataFile> files = new ArrayList<>();
                statements.add(view(database.name(), table, files));
                bytes.merge(table.name().toLowerCase(Locale.ROOT), files.stream().mapToLong(Lake.DataFile::size).sum(), Long::sum);
            }
        }
        return new Definitions(List.copyOf(statements), Set.copyOf(databases), bytes);
    }

    private String view(String database, Table table, List<Lake.DataFile> filesRead) {
        String classification = table.parameters().getOrDefault("classification", "");
        if (!classification.equals("json") && !classification.equals("parquet")) {
            throw new IllegalStateException("HIVE_UNSUPPORTED_FORMAT: table " + database + "." + table.name()
                    + " has classification '" + classification + "', which the embedded engine cannot read");
        }
        List<Column> columns = table.storageDescriptor().columns();
        List<Column> keys = table.partitionKeys();
        List<PartitionFiles> partitions = new ArrayList<>();
        if (keys.isEmpty()) {
            partitions.add(new PartitionFiles(List.of(), dataFiles(table.storageDescriptor().location())));
        } else if (PartitionProjection.enabled(table)) {
            // as Athena: the projection's partitions, not the catalog's (a new hour folder needs no crawl)
            for (PartitionProjection.Projected partition : PartitionProjection.partitions(table, lake, clock)) {
                partitions.add(new PartitionFiles(partition.values(), dataFiles(partition.folder())));
            }
        } else {
            // the partitions' values and locations are all this needs: not their columns, the table's
            for (Partition partition : glue.getPartitionsPaginator(
                    r -> r.databaseName(database).tableName(table.name()).excludeColumnSchema(true)).stream()
                    .flatMap(page -> page.partitions().stream()).toList()) {
                partitions.add(new PartitionFiles(partition.values(), dataFiles(partition.storageDescriptor().location())));
            }
        }
        partitions.removeIf(partition -> partition.files().isEmpty());
        partitions.forEach(partition -> filesRead.addAll(partition.files()));

        String body;
        if (partitions.isEmpty()) {
            body = emptySelect(columns, keys);
        } else if (!keys.isEmpty() && partitions.stream().allMatch(partition -> partition.valuesAreFolderNames(keys))) {
            // one scan of every file instead of a branch per partition: as fast as DuckDB on the files, and DuckDB
            // skips the files of partitions a WHERE on the keys excludes
            body = select(classification, columns, keys, null,
                    partitions.stream().flatMap(partition -> partition.paths().stream()).toList());
        } else {
            int tableFolderParts = keys.isEmpty() ? 0 : unnamedFolderDepth(partitions, keys, columns);
            if (tableFolderParts > 0) {
                // Firehose's yyyy/MM/dd/HH folders: one scan too, each key the folder at its depth of the file's path
                body = selectKeysFromPath(classification, columns, keys, tableFolderParts,
                        partitions.stream().flatMap(partition -> partition.paths().stream()).toList());
            } else {
                body = partitions.stream()
                        .map(partition -> select(classification, columns, keys, partition.values(), partition.paths()))
                        .collect(Collectors.joining("\nUNION ALL\n"));
            }
        }
        return "CREATE VIEW " + CATALOG + "." + ident(database) + "." + ident(table.name()) + " AS\n" + body;
    }

    /** A registered partition's values and the data files its location holds now. */
    private record PartitionFiles(List<String> values, List<Lake.DataFile> files) {

        List<Path> paths() {
            return files.stream().map(Lake.DataFile::path).toList();
        }

        /**
         * Whether DuckDB's Hive partitioning would read exactly the catalog's values from the files' paths: each
         * file directly in folders {@code key=value} for the keys in order, with values DuckDB reads verbatim (it
         * URL-decodes them and reads Hive's default partition as NULL), and no other {@code =} on the path.
         */
        boolean valuesAreFolderNames(List<Column> keys) {
            if (values.size() != keys.size() || !values.stream().allMatch(
                    value -> HIVE_VERBATIM_VALUE.matcher(value).matches() && !value.equals(HIVE_DEFAULT_PARTITION))) {
                return false;
            }
            for (Path file : paths()) {
                Path folder = file.getParent();
                for (int i = keys.size() - 1; i >= 0; i--) {
                    if (folder == null || !folder.getFileName().toString().equals(keys.get(i).name() + "=" + values.get(i))) {
                        return false;
                    }
                    folder = folder.getParent();
                }
                if (folder == null || folder.toString().contains("=") || file.getFileName().toString().contains("=")) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * For partitions whose values are, in order, the names of the folders that directly hold their files, all under
     * one table folder (Firehose's {@code yyyy/MM/dd/HH}, found by the crawler as partition_0..3): how many
     * {@code /}-separated parts the table folder's path has; 0 if the partitions are not laid out so, or a column is
     * named {@code filename} (the scan's own column).
     */
    private static int unnamedFolderDepth(List<PartitionFiles> partitions, List<Column> keys, List<Column> columns) {
        if (java.io.File.separatorChar != '/'
                || columns.stream().anyMatch(column -> column.name().equalsIgnoreCase("filename"))) {
            return 0;
        }
        Path tableFolder = null;
        for (PartitionFiles partition : partitions) {
            if (partition.values().size() != keys.size()) {
                return 0;
            }
            for (Path file : partition.paths()) {
                Path folder = file.getParent();
                for (int i = keys.size() - 1; i >= 0; i--) {
                    if (folder == null || !folder.getFileName().toString().equals(partition.values().get(i))) {
                        return 0;
                    }
                    folder = folder.getParent();
                }
                if (folder == null || (tableFolder != null && !tableFolder.equals(folder))) {
                    return 0;
                }
                tableFolder = folder;
            }
        }
        return tableFolder == null ? 0 : tableFolder.toString().split("/", -1).length;
    }

    /** One SELECT over {@code files}, each partition key read from the folder at its depth below the table folder. */
    private static String selectKeysFromPath(String classification, List<Column> columns, List<Column> keys,
                                             int tableFolderParts, List<Path> files) {
        StringJoiner projection = new StringJoiner(", ");
        columns.forEach(column -> projection.add(ident(column.name())));
        for (int i = 0; i < keys.size(); i++) {
            projection.add("split_part(filename, '/', " + (tableFolderParts + 1 + i) + ") AS " + ident(keys.get(i).name()));
        }
        return "SELECT " + projection + " FROM (" + select(classification, columns, List.of(), List.of(), files, true) + ")";
    }

    /**
     * One SELECT over {@code files} with the catalog's columns and types, then the partition keys: the given
     * {@code values}, or read from the folder names when {@code values} is null (checked to be the same).
     */
    private static String select(String classification, List<Column> columns, List<Column> keys, List<String> values,
                                 List<Path> files) {
        return select(classification, columns, keys, values, files, false);
    }

    /** {@link #select}, with each row's file path first as {@code filename} if {@code withFilename}. */
    private static String select(String classification, List<Column> columns, List<Column> keys, List<String> values,
                                 List<Path> files, boolean withFilename) {
        boolean parquet = classification.equals("parquet");
        boolean keysFromFolders = values == null;
        StringJoiner projection = new StringJoiner(", ");
        if (withFilename) {
            projection.add("filename");
        }
        StringJoiner types = new StringJoiner(", ", "{", "}");
        for (Column column : columns) {
            // Parquet carries its own types; the catalog's type is what the query sees, as on Athena
            projection.add(parquet ? "CAST(" + ident(column.name()) + " AS " + duckDbType(column) + ") AS "
                    + ident(column.name()) : ident(column.name()));
            types.add(literal(column.name()) + ": " + literal(duckDbType(column)));
        }
        for (int i = 0; i < keys.size(); i++) {
            projection.add(keysFromFolders ? ident(keys.get(i).name())
                    : literal(values.get(i)) + " AS " + ident(keys.get(i).name()));
        }
        StringJoiner paths = new StringJoiner(", ", "[", "]");
        files.forEach(file -> paths.add(literal(file.toString())));
        // Glue's partition keys are strings: no guessing of dates or numbers from the folder names
        String partitioning = (keysFromFolders ? "hive_partitioning = true, hive_types_autocast = false"
                : "hive_partitioning = false") + (withFilename ? ", filename = true" : "");
        if (parquet) {
            return "SELECT " + projection + " FROM read_parquet(" + paths + ", " + partitioning + ")";
        }
        return "SELECT " + projection + " FROM read_json(" + paths
                + ", format = 'newline_delimited', columns = " + types + ", " + partitioning + ")";
    }

    /** A table with no data yet still has its columns. */
    private static String emptySelect(List<Column> columns, List<Column> keys) {
        StringJoiner projection = new StringJoiner(", ");
        columns.forEach(c -> projection.add("CAST(NULL AS " + duckDbType(c) + ") AS " + ident(c.name())));
        keys.forEach(k -> projection.add("CAST(NULL AS VARCHAR) AS " + ident(k.name())));
        return "SELECT " + projection + " WHERE false";
    }

    private static String duckDbType(Column column) {
        String type = DUCKDB_TYPES.get(column.type());
        if (type == null) {
            throw new IllegalStateException("HIVE_UNSUPPORTED_FORMAT: column " + column.name() + " has Glue type "
                    + column.type() + ", which the embedded engine cannot read");
        }
        return type;
    }

    private List<Lake.DataFile> dataFiles(String s3Location) {
        return dataFiles(lake.resolve(s3Location));
    }

    private static List<Lake.DataFile> dataFiles(Path folder) {
        try {
            return Lake.dataFilesWithSizes(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
