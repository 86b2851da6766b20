package financestream.embedded.athena;

import static org.assertj.core.api.Assertions.assertThat;

import financestream.SettableClock;
import financestream.embedded.Lake;
import financestream.embedded.firehose.DeliveryStreamConfig;
import financestream.embedded.firehose.EmbeddedFirehoseClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import financestream.embedded.glue.TableDeclaration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Athena's partition projection on the embedded engines: the bars table as the stack declares it (partition_0..3
 * projected over Firehose's yyyy/MM/dd/HH folders) shows the first object of a new hour folder to the next query,
 * with no crawl in between; a crawl afterwards keeps the projection.
 */
class PartitionProjectionTest {

    private static final String BARS = "s3://finance-stream-lake/bars/";

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-20T15:59:58Z"));
    private Lake lake;
    private EmbeddedFirehoseClient firehose;
    private EmbeddedGlueClient glue;
    private EmbeddedAthenaClient athena;

    @BeforeEach
    void engines() {
        lake = new Lake(dir);
        firehose = new EmbeddedFirehoseClient(lake, List.of(DeliveryStreamConfig.of("bars", BARS, 5L << 20, 0)), clock);
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("high", "double");
        columns.put("low", "double");
        columns.put("ts", "string");
        columns.put("name", "string");
        glue = new EmbeddedGlueClient(lake, List.of(new CrawlerDefinition("bars-crawler", LakeWithBars.DATABASE, BARS)),
                List.of(new TableDeclaration(LakeWithBars.DATABASE, BARS, columns,
                        List.of("partition_0", "partition_1", "partition_2", "partition_3"),
                        TableDeclaration.firehoseHourProjection(BARS))));
        athena = new EmbeddedAthenaClient(lake, glue, LakeWithBars.RESULTS, clock);
    }

    @AfterEach
    void close() {
        firehose.close();
        athena.close();
        glue.close();
    }

    @Test
    void theFirstBarOfANewHourFolderIsSeenByTheNextQueryWithoutACrawl() {
        put("{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2026-11-20 10:58:00-05:00\", \"name\": \"DDOG\"}\n");
        crawl(); // not needed by the projection; the catalog then has the table's partition too
        assertThat(rows("SELECT name, ts, partition_3 FROM bars ORDER BY ts"))
                .containsExactly(List.of("DDOG", "2026-11-20 10:58:00-05:00", "15"));

        // 16:00:01 UTC: Firehose opens folder bars/2026/11/20/16/, which no crawl has seen
        clock.set(Instant.parse("2026-11-20T16:00:01Z"));
        put("{\"high\": 68.25, \"low\": 66.0, \"ts\": \"2026-11-20 10:59:00-05:00\", \"name\": \"DDOG\"}\n");
        assertThat(Files.isDirectory(lake.resolve(BARS + "2026/11/20/16/"))).isTrue();

        assertThat(rows("SELECT name, ts, partition_0, partition_1, partition_2, partition_3 FROM bars ORDER BY ts"))
                .containsExactly(List.of("DDOG", "2026-11-20 10:58:00-05:00", "2026", "11", "20", "15"),
                        List.of("DDOG", "2026-11-20 10:59:00-05:00", "2026", "11", "20", "16"));
    }

    @Test
    void foldersTheProjectionWouldNotProduceStayInvisibleAsOnAthena() throws Exception {
        put("{\"high\": 1.5, \"low\": 1.0, \"ts\": \"2026-11-20 10:58:00-05:00\", \"name\": \"DDOG\"}\n");
        // an hour 24, a month without its leading zero, a year before the range: Athena never projects them
        for (String folder : List.of("2026/11/20/24", "2026/1/20/10", "2019/11/20/10")) {
            Path object = lake.resolve(BARS + folder + "/stray");
            Files.createDirectories(object.getParent());
            Files.writeString(object, "{\"high\": 9.0, \"low\": 9.0, \"ts\": \"x\", \"name\": \"STRAY\"}\n",
                    StandardCharsets.UTF_8);
        }
        assertThat(rows("SELECT name FROM bars")).containsExactly(List.of("DDOG"));
    }

    @Test
    void aCrawlKeepsTheDeclaredProjectionAndAddsWhatItFinds() {
        put("{\"high\": 1.5, \"low\": 1.0, \"ts\": \"2026-11-20 10:58:00-05:00\", \"name\": \"DDOG\", \"volume\": 7}\n");
        crawl();
        var table = glue.getTable(r -> r.databaseName(LakeWithBars.DATABASE).name("bars")).table();
        assertThat(table.parameters()).containsAllEntriesOf(TableDeclaration.firehoseHourProjection(BARS))
                .containsEntry("classification", "json");
        assertThat(table.storageDescriptor().columns()).extracting(c -> c.name())
                .containsExactly("high", "low", "ts", "name", "volume");
    }

    private void crawl() {
        glue.startCrawler(r -> r.name("bars-crawler"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> glue.getCrawler(r -> r.name("bars-crawler")).crawler(),
                        c -> c.state() == software.amazon.awssdk.services.glue.model.CrawlerState.READY
                                && c.lastCrawl() != null);
        assertThat(glue.getCrawler(r -> r.name("bars-crawler")).crawler().lastCrawl().status())
                .isEqualTo(software.amazon.awssdk.services.glue.model.LastCrawlStatus.SUCCEEDED);
    }

    private void put(String line) {
        firehose.putRecordBatch(r -> r.deliveryStreamName("bars")
                .records(Record.builder().data(SdkBytes.fromUtf8String(line)).build()));
    }

    private List<List<String>> rows(String sql) {
        QueryExecution query = LakeWithBars.run(athena, sql);
        assertThat(query.status().state()).as(query.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        List<List<String>> rows = new ArrayList<>();
        athena.getQueryResults(r -> r.queryExecutionId(query.queryExecutionId())).resultSet().rows().stream().skip(1)
                .forEach(row -> rows.add(EmbeddedAthenaClientTest.values(row)));
        return rows;
    }
}
