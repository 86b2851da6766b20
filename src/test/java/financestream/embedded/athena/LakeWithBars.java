package financestream.embedded.athena;

import static org.awaitility.Awaitility.await;

import financestream.embedded.Lake;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/** A test lake holding Firehose objects under bars/, crawled into database finance_stream. */
final class LakeWithBars {

    static final String BUCKET = "finance-stream-lake";
    static final String DATABASE = "finance_stream";
    static final String RESULTS = "s3://finance-stream-lake/athena-results/";
    static final Path LANDED = Path.of("src/test/resources/data/2020-12-01/firehose-object-as-landed");

    final Lake lake;
    final EmbeddedGlueClient glue;

    LakeWithBars(Path dir) {
        this.lake = new Lake(dir);
        this.glue = new EmbeddedGlueClient(lake, new CrawlerDefinition("bars-crawler", DATABASE, "s3://finance-stream-lake/bars/"));
    }

    /** Lands an object as Firehose names it, in the hour folder given as YYYY/MM/dd/HH. */
    Path land(String hourFolder, Path content) throws IOException {
        String stamp = hourFolder.replace('/', '-');
        Path file = lake.resolve(BUCKET, "bars/" + hourFolder + "/finance-stream-bars-1-" + stamp + "-41-03-"
                + java.util.UUID.randomUUID());
        Files.createDirectories(file.getParent());
        Files.copy(content, file);
        return file;
    }

    void crawl() {
        glue.startCrawler(r -> r.name("bars-crawler"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(
                () -> glue.getCrawler(r -> r.name("bars-crawler")).crawler(),
                c -> c.state() == CrawlerState.READY && c.lastCrawl() != null);
        if (glue.getCrawler(r -> r.name("bars-crawler")).crawler().lastCrawl().status() != LastCrawlStatus.SUCCEEDED) {
            throw new AssertionError(glue.getCrawler(r -> r.name("bars-crawler")).crawler().lastCrawl().errorMessage());
        }
    }

    /** Starts a query and waits for it to finish, as a caller polling GetQueryExecution does. */
    static QueryExecution run(AthenaClient athena, String sql) {
        return run(athena, sql, DATABASE);
    }

    /** Same, with another database as the query's default schema. */
    static QueryExecution run(AthenaClient athena, String sql, String database) {
        String id = athena.startQueryExecution(r -> r.queryString(sql)
                .queryExecutionContext(c -> c.database(database))
                .resultConfiguration(c -> c.outputLocation(RESULTS))).queryExecutionId();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(
                () -> athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution(),
                q -> q.status().state() != QueryExecutionState.QUEUED && q.status().state() != QueryExecutionState.RUNNING);
    }
}
