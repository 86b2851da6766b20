package financestream.embedded.glue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded Data Catalog as persisted in JSON: plain immutable records, replaced as a whole on every
 * change so that readers never see half an update. Times are epoch milliseconds.
 */
record CatalogState(Map<String, Database> databases, Map<String, LastCrawl> lastCrawls) {

    CatalogState {
        databases = databases == null ? Map.of() : Map.copyOf(databases);
        lastCrawls = lastCrawls == null ? Map.of() : Map.copyOf(lastCrawls);
    }

    static CatalogState empty() {
        return new CatalogState(Map.of(), Map.of());
    }

    CatalogState withDatabase(Database database) {
        Map<String, Database> copy = new TreeMap<>(databases);
        copy.put(database.name(), database);
        return new CatalogState(copy, lastCrawls);
    }

    CatalogState withLastCrawl(String crawler, LastCrawl crawl) {
        Map<String, LastCrawl> copy = new TreeMap<>(lastCrawls);
        copy.put(crawler, crawl);
        return new CatalogState(databases, copy);
    }

    record Database(String name, long createTime, Map<String, Table> tables) {
        Database {
            tables = tables == null ? Map.of() : Map.copyOf(tables);
        }

        Database withTable(Table table) {
            Map<String, Table> copy = new TreeMap<>(tables);
            copy.put(table.name(), table);
            return new Database(name, createTime, copy);
        }
    }

    record Table(String name, String location, String classification, List<Column> columns,
                 List<Column> partitionKeys, List<Partition> partitions, Map<String, String> parameters,
                 long createTime, long updateTime) {
        Table {
            columns = List.copyOf(columns);
            partitionKeys = List.copyOf(partitionKeys);
            partitions = List.copyOf(partitions);
            parameters = Map.copyOf(parameters);
        }
    }

    record Column(String name, String type) {
    }

    record Partition(List<String> values, String location, long createTime) {
        Partition {
            values = List.copyOf(values);
        }
    }

    record LastCrawl(String status, String errorMessage, long startTime, long endTime) {
    }
}
