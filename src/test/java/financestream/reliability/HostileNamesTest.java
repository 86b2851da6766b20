package financestream.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import financestream.bars.yahoo.YahooChartApi;
import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.firehose.DeliveryStreamConfig;
import financestream.embedded.firehose.EmbeddedFirehoseClient;
import financestream.embedded.glue.CatalogNames;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Names that come from settings never become a way out: symbols are checked before a URL is built (settings are
 * checked at start-up, {@code BadSettingsTest}); database and table names are identifiers; no stream, prefix,
 * crawler target or result location reaches a file outside the lake; and SQL cannot read one.
 */
class HostileNamesTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "FB/../../x", "FB?range=max", "FB#x", "%2e%2e", "FB OR 1=1", "FB'--", ""})
    void aHostileSymbolNeverReachesTheYahooUrl(String symbol) {
        assertThatThrownBy(() -> new YahooChartApi().path(symbol))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a Yahoo symbol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"finance_stream; DROP TABLE bars", "bars\"", "../bars", "Bars", "x y", ""})
    void databaseAndTableNamesAreIdentifiers(String name) {
        assertThat(CatalogNames.isValid(name)).isFalse();
        assertThatThrownBy(() -> new CrawlerDefinition("crawler", name, "s3://finance-stream-lake/bars/"))
                .hasMessageContaining("Invalid Glue database name");
        Lake lake = new Lake(work.resolve("lake"));
        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(lake, List.of());
             EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue)) {
            assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                    .queryExecutionContext(c -> c.database(name + "\u0000"))
                    .resultConfiguration(c -> c.outputLocation("s3://finance-stream-lake/results/"))))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void theLakeRefusesKeysThatClimbOutOfTheirBucket() {
        Lake lake = new Lake(work.resolve("lake"));
        assertThatThrownBy(() -> lake.resolve("finance-stream-lake", "../../outside")).hasMessageContaining("escapes bucket");
        assertThatThrownBy(() -> lake.resolve("s3://finance-stream-lake/bars/../../../outside")).hasMessageContaining("escapes bucket");
        assertThatThrownBy(() -> lake.resolve("s3://../outside")).hasMessageContaining("Not an S3 location");
        assertThatThrownBy(() -> lake.resolve("..", "x")).hasMessageContaining("Invalid S3 bucket name");
    }

    @Test
    void aFirehosePrefixOrStreamNameCannotLeaveTheLake() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", "s3://finance-stream-lake/../../outside/"))
                .hasMessageContaining("invalid S3 prefix");
        assertThatThrownBy(() -> DeliveryStreamConfig.of("../bars", "s3://finance-stream-lake/bars/"))
                .hasMessageContaining("Invalid delivery stream name");
        // a name made only of dots is a legal AWS name; it only ever appears inside a longer object name, so the
        // object stays in its folder (but its name starts with '.', which Athena skips: SettingsCheck refuses it)
        try (EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake,
                List.of(DeliveryStreamConfig.of("..", "s3://finance-stream-lake/bars/", DeliveryStreamConfig.MIB, 0)),
                Clock.systemUTC())) {
            firehose.putRecord(r -> r.deliveryStreamName("..").record(b -> b.data(
                    software.amazon.awssdk.core.SdkBytes.fromUtf8String("{}\n"))));
        }
        assertThat(LakeFiles.everythingInTheBucket(work.resolve("lake"))).singleElement().satisfies(object -> {
            assertThat(object.getFileName().toString()).startsWith("..-1-");
            assertThat(object.getParent().getParent().getParent().getParent().getParent())
                    .isEqualTo(work.resolve("lake/finance-stream-lake/bars").toAbsolutePath());
        });
    }

    @Test
    void aCrawlerTargetOutsideItsBucketIsRefusedWhenTheCrawlerIsDefined() {
        Lake lake = new Lake(work.resolve("lake"));
        assertThatThrownBy(() -> new EmbeddedGlueClient(lake, List.of(new CrawlerDefinition("crawler", "finance_stream",
                "s3://finance-stream-lake/../../outside/"))))
                .hasMessageContaining("Glue crawler 'crawler' cannot crawl").hasMessageContaining("escapes bucket");
    }

    @Test
    void anAthenaOutputLocationOutsideTheLakeIsRefused() {
        Lake lake = new Lake(work.resolve("lake"));
        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(lake, List.of());
             EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue)) {
            assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                    .queryExecutionContext(c -> c.database("finance_stream"))
                    .resultConfiguration(c -> c.outputLocation("s3://finance-stream-lake/../../tmp/"))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("outputLocation");
        }
    }

    @Test
    void sqlCannotReadAFileOutsideTheLake() throws Exception {
        Path outside = Files.writeString(work.resolve("outside.txt"), "not for queries");
        Lake lake = new Lake(work.resolve("lake"));
        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(lake, List.of());
             EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue)) {
            for (String sql : List.of("SELECT * FROM read_text('" + outside + "')",
                    "SELECT * FROM read_csv('" + work.resolve("lake/../outside.txt") + "')",
                    "COPY (SELECT 1) TO '" + work.resolve("written-by-sql.csv") + "'")) {
                String id = athena.startQueryExecution(r -> r.queryString(sql)
                        .queryExecutionContext(c -> c.database("finance_stream"))
                        .resultConfiguration(c -> c.outputLocation("s3://finance-stream-lake/results/"))).queryExecutionId();
                QueryExecution done = await().atMost(Duration.ofSeconds(30)).until(
                        () -> athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution(),
                        q -> q.status().state() == QueryExecutionState.FAILED
                                || q.status().state() == QueryExecutionState.SUCCEEDED);
                assertThat(done.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
                assertThat(done.status().stateChangeReason()).as(sql).doesNotContain("not for queries");
            }
        }
        assertThat(work.resolve("written-by-sql.csv")).doesNotExist();
    }
}
