package financestream.embedded.glue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table declared before any crawl, as a CloudFormation stack declares an {@code AWS::Glue::Table}: its columns,
 * partition keys (strings) and table properties, e.g. Athena's partition projection. Named after the last folder
 * of its location, as the crawler names the table it finds there, so the crawler adds to this table (new columns,
 * partitions) and keeps the properties it does not set itself.
 */
public record TableDeclaration(String database, String location, Map<String, String> columns,
                               List<String> partitionKeys, Map<String, String> parameters) {

    public TableDeclaration {
        CatalogNames.requireValid("database", database);
        if (location == null || !location.startsWith("s3://")) {
            throw new IllegalArgumentException("Invalid table location '" + location + "' (expected s3://bucket/prefix/)");
        }
        location = location.endsWith("/") ? location : location + "/";
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        partitionKeys = List.copyOf(partitionKeys);
        parameters = Map.copyOf(parameters);
    }

    public String tableName() {
        String trimmed = location.substring(0, location.length() - 1);
        return CatalogNames.tableNameFor(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }

    /**
     * Athena partition projection over Firehose's {@code yyyy/MM/dd/HH/} folders under {@code location}, with the
     * crawler's key names {@code partition_0..3}: the table properties infra/finance-stream.cfn.yaml declares.
     */
    public static Map<String, String> firehoseHourProjection(String location) {
        String root = location.endsWith("/") ? location : location + "/";
        Map<String, String> projection = new LinkedHashMap<>();
        projection.put("projection.enabled", "true");
        projection.put("projection.partition_0.type", "date");
        projection.put("projection.partition_0.format", "yyyy");
        projection.put("projection.partition_0.range", "2020,NOW");
        projection.put("projection.partition_0.interval", "1");
        projection.put("projection.partition_0.interval.unit", "YEARS");
        projection.put("projection.partition_1.type", "integer");
        projection.put("projection.partition_1.range", "1,12");
        projection.put("projection.partition_1.digits", "2");
        projection.put("projection.partition_2.type", "integer");
        projection.put("projection.partition_2.range", "1,31");
        projection.put("projection.partition_2.digits", "2");
        projection.put("projection.partition_3.type", "integer");
        projection.put("projection.partition_3.range", "0,23");
        projection.put("projection.partition_3.digits", "2");
        projection.put("storage.location.template",
                root + "${partition_0}/${partition_1}/${partition_2}/${partition_3}/");
        return projection;
    }
}
