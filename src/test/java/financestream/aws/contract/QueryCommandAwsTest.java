package financestream.aws.contract;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import financestream.query.QueryRunner;
import financestream.query.ResultFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CAMEL_MAIN_PROFILE=aws finance-stream query …}: the real Athena (and, with --crawl, Glue) SDK clients
 * and Camel's aws2-athena component against {@link FakeAwsServices}; nothing else is called.
 */
class QueryCommandAwsTest {

    static FakeAwsServices aws;
    @TempDir
    static Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startFakeAws() {
        aws = new FakeAwsServices();
        System.setProperty("camel.main.profile", "aws");
        System.setProperty("aws.accessKeyId", "AKIDFINANCESTREAMTEST");
        System.setProperty("aws.secretAccessKey", "fsTestSecret/never+logged");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterAll
    static void stopFakeAws() {
        System.clearProperty("camel.main.profile");
        aws.shutdown();
    }

    @BeforeEach
    void reset() {
        aws.reset();
    }

    @Test
    void theQueryGoesToAthenaWithBarsOnceAndTheAnswerIsPrinted() {
        aws.resultColumns = List.of("name", "bars");
        aws.resultRows = fake -> List.of(List.of("DDOG", "389"), List.of("NFLX", "390"));

        int exit = query(false, "SELECT name, count(*) AS bars FROM bars_once GROUP BY name ORDER BY name");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).isEqualTo("name | bars\n-----+-----\nDDOG |  389\nNFLX |  390\n(2 rows)\n");
        String start = body("AmazonAthena.StartQueryExecution");
        assertThat(start).contains("WITH bars_once AS (SELECT name, ts, max(high) AS high, min(low) AS low FROM bars GROUP BY name, ts)\\nSELECT name")
                .contains("\"Database\":\"fs_db\"").contains("\"WorkGroup\":\"fs-workgroup\"")
                .contains("\"OutputLocation\":\"s3://fs-lake/athena-results/\"");
        assertThat(targets()).allMatch(target -> target.startsWith("AmazonAthena."))
                .contains("AmazonAthena.GetQueryExecution", "AmazonAthena.GetQueryResults");
    }

    @Test
    void athenasFailedReasonAndItsPositionInTheUsersSql() {
        aws.queryFailure = "COLUMN_NOT_FOUND: line 2:7: Column 'nme' cannot be resolved or requester is not authorized to access requested resources";

        int exit = query(false, "SELECT name\nWHERE nme = 'X' FROM bars_once");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("FAILED: COLUMN_NOT_FOUND: line 2:7: Column 'nme' cannot be resolved")
                // Athena counted the bars_once line put before the query: the user's line is 1
                .contains("at line 1, column 7:\n  SELECT name\n        ^");
        assertThat(out()).isEmpty();
    }

    @Test
    void crawlFirstStartsTheGlueCrawlerThenQueries() {
        aws.resultColumns = List.of("n");
        aws.resultRows = fake -> List.of(List.of("3788"));

        int exit = query(true, "SELECT count(*) AS n FROM bars");

        assertThat(exit).as(err()).isZero();
        assertThat(aws.crawlStarts).containsExactly("fs-crawler");
        assertThat(out()).contains("3788");
        assertThat(targets()).noneMatch(target -> target.startsWith("Firehose"));
    }

    private int query(boolean crawl, String sql) {
        Properties settings = new Properties();
        settings.put("aws.endpoint-override", aws.url());
        settings.put("aws.region", "eu-west-1");
        settings.put("glue.crawler", "fs-crawler");
        settings.put("glue.database", "fs_db");
        settings.put("athena.database", "fs_db");
        settings.put("athena.workgroup", "fs-workgroup");
        settings.put("athena.output-location", "s3://fs-lake/athena-results/");
        settings.put("athena.poll-initial-delay-ms", "10");
        settings.put("athena.poll-delay-ms", "20");
        settings.put("glue.poll-interval-ms", "20");
        settings.put("lake.dir", work.resolve("lake").toString());
        return new QueryRunner(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new QueryRunner.Request(sql, null, ResultFormat.TABLE, null, crawl), settings);
    }

    private static List<String> targets() {
        return aws.server.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("X-Amz-Target")).toList();
    }

    private static String body(String target) {
        return aws.server.getAllServeEvents().stream().filter(e -> target.equals(e.getRequest().getHeader("X-Amz-Target")))
                .map(ServeEvent::getRequest).map(r -> r.getBodyAsString()).findFirst().orElseThrow();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
