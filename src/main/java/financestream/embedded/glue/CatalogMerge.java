package financestream.embedded.glue;

import financestream.embedded.glue.CatalogState.Column;
import financestream.embedded.glue.CatalogState.Partition;
import financestream.embedded.glue.CatalogState.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a crawl changes a table, as a Glue crawler configured to add new columns only ({@code CrawlerOutput.Tables.
 * AddOrUpdateBehavior: MergeNewColumns}, see infra/finance-stream.cfn.yaml) does: new columns are appended (and
 * numeric columns widened), new partitions are added, nothing already registered is removed, and table
 * properties the crawler does not set itself (Athena's partition projection) are kept.
 */
final class CatalogMerge {

    private CatalogMerge() {
    }

    static Table merge(Table existing, TargetScan.Result scan, String crawler, long now) throws CrawlFailedException {
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        List<Partition> partitions = new ArrayList<>();
        long createTime = now;
        if (existing != null) {
            List<String> existingKeys = existing.partitionKeys().stream().map(Column::name).toList();
            if (!existingKeys.equals(scan.partitionKeys())) {
                throw new CrawlFailedException("table " + existing.name() + " has partition keys " + existingKeys
                        + " but the folders under " + scan.location() + " now give " + scan.partitionKeys(), null);
            }
            existing.columns().forEach(column -> columns.put(column.name(), column.type()));
            partitions.addAll(existing.partitions());
            createTime = existing.createTime();
        }
        FileSchema.mergeInto(columns, scan.columns());
        List<List<String>> known = partitions.stream().map(Partition::values).toList();
        for (TargetScan.ScannedPartition found : scan.partitions()) {
            if (!known.contains(found.values())) {
                partitions.add(new Partition(found.values(), found.location(), now));
            }
        }
        List<Column> columnList = columns.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList();
        List<Column> keys = scan.partitionKeys().stream().map(key -> new Column(key, "string")).toList();
        Map<String, String> parameters = new TreeMap<>(existing == null ? Map.of() : existing.parameters());
        parameters.putAll(parameters(scan, crawler));
        return new Table(scan.tableName(), scan.location(), scan.classification(), columnList, keys, partitions,
                parameters, createTime, now);
    }

    /** The table parameters a Glue crawler sets for a JSON table. */
    private static Map<String, String> parameters(TargetScan.Result scan, String crawler) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("classification", scan.classification());
        parameters.put("compressionType", "none");
        parameters.put("typeOfData", "file");
        parameters.put("objectCount", Long.toString(scan.objectCount()));
        parameters.put("sizeKey", Long.toString(scan.totalBytes()));
        parameters.put("recordCount", Long.toString(scan.sampledRecords()));
        parameters.put("averageRecordSize",
                Long.toString(scan.sampledRecords() == 0 ? 0 : scan.totalBytes() / scan.sampledRecords()));
        parameters.put("UPDATED_BY_CRAWLER", crawler);
        parameters.put("CrawlerSchemaSerializerVersion", "1.0");
        parameters.put("CrawlerSchemaDeserializerVersion", "1.0");
        return parameters;
    }
}
