package financestream.embedded.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import financestream.embedded.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

class EmbeddedGlueClientTest {

    static final String BUCKET = "finance-stream-lake";
    static final Path LANDED = Path.of("src/test/resources/data/2020-12-01/firehose-object-as-landed");
    static final String OBJECT = "finance-stream-bars-1-2026-11-26-08-41-03-5e0c7a8e-3b7f-4f0e-9c55-1f2d3c4b5a69";

    @TempDir
    Path dir;
    EmbeddedGlueClient glue;

    @AfterEach
    void close() {
        if (glue != null) {
            glue.close();
        }
    }

    Lake lake() {
        return new Lake(dir);
    }

    EmbeddedGlueClient glue(String target) {
        glue = new EmbeddedGlueClient(lake(), new CrawlerDefinition("bars-crawler", "finance_stream", target));
        return glue;
    }

    void put(String key, Path content) throws IOException {
        Path file = lake().resolve(BUCKET, key);
        Files.createDirectories(file.getParent());
        Files.copy(content, file);
    }

    void put(String key, String content) throws IOException {
        Path file = lake().resolve(BUCKET, key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static Crawler crawl(EmbeddedGlueClient glue, String name) {
        glue.startCrawler(r -> r.name(name));
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> glue.getCrawler(r -> r.name(name)).crawler(), c -> c.state() == CrawlerState.READY);
    }

    @Test
    void infersTheSchemaAndDateFolderPartitionsOfFirehoseObjects() throws IOException {
        put("bars/2026/11/26/08/" + OBJECT, LANDED);
        put("bars/2026/11/26/09/" + OBJECT.replace("08-41", "09-41"), LANDED);
        put("bars/2026/11/26/09/_in-flight", "not json");
        put("bars/.hidden/x", "not json");
        glue("s3://finance-stream-lake/bars/");

        Crawler crawler = crawl(glue, "bars-crawler");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(crawler.lastCrawl().startTime()).isNotNull();
        Table table = glue.getTable(r -> r.databaseName("finance_stream").name("bars")).table();
        assertThat(columns(table.storageDescriptor().columns()))
                .containsExactly("high double", "low double", "ts string", "name string");
        assertThat(columns(table.partitionKeys()))
                .containsExactly("partition_0 string", "partition_1 string", "partition_2 string", "partition_3 string");
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://finance-stream-lake/bars/");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(table.parameters()).containsEntry("classification", "json").containsEntry("objectCount", "2");
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");

        List<Partition> partitions = glue.getPartitionsPaginator(r -> r.databaseName("finance_stream").tableName("bars")
                .maxResults(1)).stream().flatMap(page -> page.partitions().stream()).toList();
        assertThat(partitions).extracting(Partition::values)
                .containsExactly(List.of("2026", "11", "26", "08"), List.of("2026", "11", "26", "09"));
        assertThat(partitions).extracting(p -> p.storageDescriptor().location())
                .containsExactly("s3://finance-stream-lake/bars/2026/11/26/08/", "s3://finance-stream-lake/bars/2026/11/26/09/");
        assertThat(partitions).allSatisfy(p -> assertThat(columns(p.storageDescriptor().columns()))
                .containsExactly("high double", "low double", "ts string", "name string"));
        // as on AWS, ExcludeColumnSchema leaves the columns out and the rest in
        List<Partition> withoutColumns = glue.getPartitions(r -> r.databaseName("finance_stream").tableName("bars")
                .excludeColumnSchema(true)).partitions();
        assertThat(withoutColumns).extracting(p -> p.storageDescriptor().location())
                .containsExactly("s3://finance-stream-lake/bars/2026/11/26/08/", "s3://finance-stream-lake/bars/2026/11/26/09/");
        assertThat(withoutColumns).noneMatch(p -> p.storageDescriptor().hasColumns());
        assertThat(glue.getDatabases(r -> { }).databaseList()).extracting(d -> d.name()).containsExactly("finance_stream");
    }

    @Test
    void keyEqualsValueFoldersNameTheirPartitionKeys() throws IOException {
        put("quotes/dt=2020-12-01/symbol=DDOG/part-0", "{\"price\": 1}\n");
        put("quotes/dt=2020-12-02/symbol=FB/part-0", "{\"price\": 2}\n");
        glue("s3://finance-stream-lake/quotes");

        assertThat(crawl(glue, "bars-crawler").lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);

        Table table = glue.getTable(r -> r.databaseName("finance_stream").name("quotes")).table();
        assertThat(columns(table.partitionKeys())).containsExactly("dt string", "symbol string");
        assertThat(glue.getPartitions(r -> r.databaseName("finance_stream").tableName("quotes")).partitions())
                .extracting(Partition::values)
                .containsExactly(List.of("2020-12-01", "DDOG"), List.of("2020-12-02", "FB"));
    }

    @Test
    void integersAndFractionsMixedBecomeDoubleAndTypesFollowJson() throws IOException {
        put("t/a", "{\"n\": 1, \"flag\": true, \"s\": \"x\", \"nothing\": null}\n{\"n\": 2.5, \"late\": 7}");
        put("t/b", "{\"n\": 3, \"count\": 10}\n");
        glue("s3://finance-stream-lake/t/");

        crawl(glue, "bars-crawler");

        Table table = glue.getTable(r -> r.databaseName("finance_stream").name("t")).table();
        assertThat(columns(table.storageDescriptor().columns()))
                .containsExactly("n double", "flag boolean", "s string", "nothing string", "late bigint", "count bigint");
        assertThat(table.partitionKeys()).isEmpty();
    }

    @Test
    void theCatalogPersistsIntoANewClientOverTheSameLake() throws IOException {
        put("bars/2026/11/26/08/" + OBJECT, LANDED);
        crawl(glue("s3://finance-stream-lake/bars/"), "bars-crawler");
        glue.close();

        EmbeddedGlueClient reopened = glue("s3://finance-stream-lake/bars/");
        Table table = reopened.getTable(r -> r.databaseName("finance_stream").name("bars")).table();
        assertThat(columns(table.storageDescriptor().columns())).hasSize(4);
        assertThat(reopened.getPartitions(r -> r.databaseName("finance_stream").tableName("bars")).partitions()).hasSize(1);
        assertThat(reopened.getCrawler(r -> r.name("bars-crawler")).crawler().lastCrawl().status())
                .isEqualTo(LastCrawlStatus.SUCCEEDED);
    }

    @Test
    void aRunningCrawlerRefusesAnotherStartThenBecomesReady() throws IOException {
        put("bars/2026/11/26/08/" + OBJECT, LANDED);
        glue("s3://finance-stream-lake/bars/");

        glue.startCrawler(r -> r.name("bars-crawler"));
        // The crawl is RUNNING from the moment StartCrawler returns until it has written the catalog.
        assertThat(glue.getCrawler(r -> r.name("bars-crawler")).crawler().state()).isEqualTo(CrawlerState.RUNNING);
        assertThatThrownBy(() -> glue.startCrawler(r -> r.name("bars-crawler")))
                .isInstanceOf(CrawlerRunningException.class)
                .satisfies(e -> assertThat(((CrawlerRunningException) e).awsErrorDetails().errorCode())
                        .isEqualTo("CrawlerRunningException"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> glue.getCrawler(r -> r.name("bars-crawler")).crawler().state() == CrawlerState.READY);
        assertThat(glue.getCrawler(r -> r.name("bars-crawler")).crawler().lastCrawl().status())
                .isEqualTo(LastCrawlStatus.SUCCEEDED);
    }

    @Test
    void unknownCrawlerDatabaseAndTableAreEntityNotFound() {
        glue("s3://finance-stream-lake/bars/");
        assertThatThrownBy(() -> glue.startCrawler(r -> r.name("nope")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("nope"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.getDatabase(r -> r.name("finance_stream")))
                .isInstanceOf(EntityNotFoundException.class)
                .satisfies(e -> assertThat(((EntityNotFoundException) e).awsErrorDetails().errorCode())
                        .isEqualTo("EntityNotFoundException"));
    }

    @Test
    void nestedObjectsAndArraysAreStringsAndTheFieldsAfterThemStillCount() throws IOException {
        put("t/a", "{\"obj\": {\"a\": [1, {\"b\": 2}]}, \"arr\": [1, [2]], \"after\": 1.5}\n");
        glue("s3://finance-stream-lake/t/");

        crawl(glue, "bars-crawler");

        Table table = glue.getTable(r -> r.databaseName("finance_stream").name("t")).table();
        assertThat(columns(table.storageDescriptor().columns())).containsExactly("obj string", "arr string", "after double");
    }

    @Test
    void aFileThatIsNotJsonLinesFailsTheCrawlNamingTheFile() throws IOException {
        put("bars/2026/11/26/08/" + OBJECT, LANDED);
        put("bars/2026/11/26/09/broken", "{\"high\": 1.0}\n{\"high\": ");
        glue("s3://finance-stream-lake/bars/");

        Crawler crawler = crawl(glue, "bars-crawler");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler.lastCrawl().errorMessage())
                .contains("s3://finance-stream-lake/bars/2026/11/26/09/broken").contains("line 2");
        assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("finance_stream").name("bars")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void anEmptyTargetIsASuccessfulCrawlWithNoTable() {
        glue("s3://finance-stream-lake/bars/");

        assertThat(crawl(glue, "bars-crawler").lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(glue.getTables(r -> r.databaseName("finance_stream")).tableList()).isEmpty();
    }

    @Test
    void aLaterCrawlAddsNewColumnsAndPartitionsAndKeepsTheOld() throws IOException {
        put("bars/2026/11/26/08/a", "{\"high\": 1.5}\n");
        glue("s3://finance-stream-lake/bars/");
        crawl(glue, "bars-crawler");
        put("bars/2026/11/26/09/b", "{\"high\": 2, \"volume\": 100}\n");

        crawl(glue, "bars-crawler");

        Table table = glue.getTable(r -> r.databaseName("finance_stream").name("bars")).table();
        assertThat(columns(table.storageDescriptor().columns())).containsExactly("high double", "volume bigint");
        assertThat(glue.getPartitions(r -> r.databaseName("finance_stream").tableName("bars")).partitions()).hasSize(2);
    }

    @Test
    void namesAreValidatedLikeGlueAndAthena() {
        assertThatThrownBy(() -> new CrawlerDefinition("bars crawler", "db", "s3://b-1/x/"))
                .hasMessageContaining("crawler name");
        assertThatThrownBy(() -> new CrawlerDefinition("c", "Finance-Stream", "s3://b-1/x/"))
                .hasMessageContaining("database name 'Finance-Stream'");
        assertThatThrownBy(() -> new CrawlerDefinition("c", "db", "/tmp/x"))
                .hasMessageContaining("S3 target");
    }

    static List<String> columns(List<Column> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.toList());
    }

}
