package financestream.conformance;

import static org.awaitility.Awaitility.await;

import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.firehose.DeliveryStreamConfig;
import financestream.embedded.firehose.EmbeddedFirehoseClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import financestream.crawl.ParquetCompaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A lake as the pipeline builds it, with the embedded engines the application uses: the reference day's bars sent to
 * the embedded Firehose in PutRecordBatch calls of 500 (one JSON line each, and the first calls sent twice, as
 * Firehose's at-least-once delivery may land them), optionally compacted to Parquet, crawled by the embedded Glue
 * crawler. The same catalog is then declared to Trino, table by table and partition by partition, from what the
 * crawler wrote (read through the Glue API, as Athena reads it).
 */
final class ConformanceLake implements AutoCloseable {

    static final String BUCKET = "finance-stream-lake";
    static final String DATABASE = "finance_stream";
    static final String RESULTS = "s3://finance-stream-lake/athena-results/";
    private static final String LANDED = "s3://finance-stream-lake/bars/";
    private static final String PARQUET = "s3://finance-stream-lake/curated/bars/";
    private static final String COMPACTED = "s3://finance-stream-lake/compacted/bars/";
    private static final String REPLAY = "/replay/2020-12-01/minute-bars.ndjson";
    private static final int RESENT_CALLS = 2;

    private static final Map<String, String> TRINO_TYPES = Map.of("string", "varchar", "double", "double",
            "bigint", "bigint", "int", "integer", "boolean", "boolean", "float", "real", "date", "date",
            "timestamp", "timestamp");

    final String layout;
    final Lake lake;
    final EmbeddedGlueClient glue;
    final EmbeddedAthenaClient athena;
    /** The Trino schema that holds this lake's tables. */
    final String trinoSchema;

    private ConformanceLake(String layout, Lake lake, EmbeddedGlueClient glue) {
        this.layout = layout;
        this.lake = lake;
        this.glue = glue;
        this.athena = new EmbeddedAthenaClient(lake, glue, RESULTS);
        this.trinoSchema = DATABASE + "_" + layout;
    }

    /** Lands, (compacts) and crawls the reference day in {@code dir}; {@code layout} json or parquet. */
    static ConformanceLake build(Path dir, String layout) throws IOException, SQLException {
        Lake lake = new Lake(dir);
        try (EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake, List.of(new DeliveryStreamConfig(
                "finance-stream-bars", BUCKET, "bars/", DeliveryStreamConfig.DEFAULT_BUFFER_SIZE_BYTES, 0)))) {
            List<Record> records = new ArrayList<>();
            try (InputStream in = ConformanceLake.class.getResourceAsStream(REPLAY)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        records.add(Record.builder().data(SdkBytes.fromUtf8String(line + "\n")).build());
                    }
                }
            }
            List<List<Record>> calls = new ArrayList<>();
            for (int from = 0; from < records.size(); from += EmbeddedFirehoseClient.MAX_RECORDS_PER_CALL) {
                calls.add(records.subList(from, Math.min(records.size(), from + EmbeddedFirehoseClient.MAX_RECORDS_PER_CALL)));
            }
            calls.addAll(calls.subList(0, RESENT_CALLS));
            for (List<Record> call : calls) {
                int failed = firehose.putRecordBatch(r -> r.deliveryStreamName("finance-stream-bars").records(call))
                        .failedPutCount();
                if (failed > 0) {
                    throw new IllegalStateException(failed + " records refused by the embedded Firehose");
                }
            }
        }
        String crawled = LANDED;
        if (layout.equals("parquet")) {
            new ParquetCompaction(lake, LANDED, PARQUET, COMPACTED).compact();
            crawled = PARQUET;
        }
        EmbeddedGlueClient glue = new EmbeddedGlueClient(lake, new CrawlerDefinition("finance-stream-crawler",
                DATABASE, crawled));
        glue.startCrawler(r -> r.name("finance-stream-crawler"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> glue.getCrawler(r -> r.name("finance-stream-crawler")).crawler(),
                c -> c.state() == CrawlerState.READY && c.lastCrawl() != null);
        if (glue.getCrawler(r -> r.name("finance-stream-crawler")).crawler().lastCrawl().status()
                != LastCrawlStatus.SUCCEEDED) {
            throw new IllegalStateException("crawl failed: "
                    + glue.getCrawler(r -> r.name("finance-stream-crawler")).crawler().lastCrawl().errorMessage());
        }
        return new ConformanceLake(layout, lake, glue);
    }

    /** Declares the crawler's tables and partitions to Trino's Hive catalog, in schema {@link #trinoSchema}. */
    void declareTo(TrinoServer trino) throws IOException, InterruptedException {
        trino.execute("CREATE SCHEMA IF NOT EXISTS " + TrinoServer.CATALOG + "." + trinoSchema, "default");
        for (Table table : glue.getTables(r -> r.databaseName(DATABASE)).tableList()) {
            List<Column> keys = table.partitionKeys();
            StringJoiner columns = new StringJoiner(", ");
            for (Column column : table.storageDescriptor().columns()) {
                columns.add(quote(column.name()) + " " + trinoType(column));
            }
            StringJoiner keyNames = new StringJoiner(", ", "ARRAY[", "]");
            for (Column key : keys) {
                columns.add(quote(key.name()) + " " + trinoType(key));
                keyNames.add(literal(key.name()));
            }
            String serde = table.storageDescriptor().serdeInfo().serializationLibrary();
            String format = switch (serde) {
                case "org.openx.data.jsonserde.JsonSerDe" -> "OPENX_JSON";
                case "org.apache.hive.hcatalog.data.JsonSerDe" -> "JSON";
                case "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" -> "PARQUET";
                default -> throw new IllegalStateException("no Trino format for SerDe " + serde);
            };
            String name = TrinoServer.CATALOG + "." + trinoSchema + "." + quote(table.name());
            trino.execute("CREATE TABLE " + name + " (" + columns + ") WITH (format = '" + format
                    + "', external_location = " + literal(location(trino, table.storageDescriptor().location()))
                    + (keys.isEmpty() ? "" : ", partitioned_by = " + keyNames) + ")", trinoSchema);
            for (Partition partition : glue.getPartitions(r -> r.databaseName(DATABASE).tableName(table.name()))
                    .partitions()) {
                StringJoiner values = new StringJoiner(", ", "ARRAY[", "]");
                partition.values().forEach(value -> values.add(literal(value)));
                trino.execute("CALL " + TrinoServer.CATALOG + ".system.register_partition(" + literal(trinoSchema)
                        + ", " + literal(table.name()) + ", " + keyNames + ", " + values + ", "
                        + literal(location(trino, partition.storageDescriptor().location())) + ")", trinoSchema);
            }
        }
    }

    private String location(TrinoServer trino, String s3Location) {
        return trino.location(lake.resolve(s3Location));
    }

    private static String trinoType(Column column) {
        String type = TRINO_TYPES.get(column.type().toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalStateException("no Trino type for Glue type " + column.type());
        }
        return type;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        athena.close();
        glue.close();
    }
}
