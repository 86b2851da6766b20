package financestream.aws.contract;

import financestream.App;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import financestream.JobOutcome;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when": with the aws profile and the endpoint pointed at a server speaking Firehose, Glue and
 * Athena, the main one-shot job delivers every bar once (packed into few records), waits out the stream's buffer
 * interval, starts the crawler and waits for it, and prints the answer Athena returns.
 * <p>
 * The fake Athena answers the query from the bars the fake Firehose accepted, so the answer the job writes is
 * only right if every bar arrived.
 */
class AwsProfileJobTest extends AwsProfileTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // set before the application starts: the job runs at start-up
        startFakeAws();
        aws.bufferIntervalSeconds = 1;
        aws.resultRows = AwsProfileJobTest::highestHourlyHigh;
    }

    @Override
    protected App configure(App app) {
        return super.configure(app)
                .set("job.run-once", "true");
    }

    @Test
    void theMainJobDeliversEveryBarOnceCrawlsAndPrintsAthenasAnswer() throws Exception {
        JobOutcome outcome = outcome();
        await().atMost(2, TimeUnit.MINUTES).until(() -> outcome.exitCode().isPresent());
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.exitCode()).contains(0);

        // every bar of the reference day accepted exactly once, packed: one record per symbol
        List<String> bars = barsOf(Set.of("FB", "SHOP", "BYND", "NFLX", "PINS", "SQ", "TTD", "OKTA", "SNAP", "DDOG"));
        assertThat(bars).hasSize(3788);
        assertThat(aws.acceptedLines()).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(aws.accepted).hasSize(10).allSatisfy(record -> assertThat(record).endsWith("\n"));

        // the crawler started once, after the last put plus the stream's 1 s buffer interval
        List<LoggedRequest> puts = requests("Firehose_20150804.PutRecordBatch");
        List<LoggedRequest> starts = requests("AWSGlue.StartCrawler");
        assertThat(starts).hasSize(1);
        assertThat(JSON.readTree(starts.get(0).getBodyAsString()).get("Name").asText()).isEqualTo("fs-crawler");
        long lastPut = puts.stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElseThrow();
        assertThat(starts.get(0).getLoggedDate().getTime() - lastPut).isGreaterThanOrEqualTo(1000);
        // and the query ran only once the crawler was READY again
        List<LoggedRequest> queries = requests("AmazonAthena.StartQueryExecution");
        assertThat(queries).hasSize(1);
        JsonNode query = JSON.readTree(queries.get(0).getBodyAsString());
        assertThat(query.get("QueryString").asText()).contains("max(high)").contains("'2020-12-01'");
        assertThat(query.get("QueryExecutionContext").get("Database").asText()).isEqualTo("fs_db");
        assertThat(query.get("WorkGroup").asText()).isEqualTo("fs-workgroup");
        assertThat(query.get("ResultConfiguration").get("OutputLocation").asText())
                .isEqualTo("s3://fs-lake/athena-results/");

        // the answer as Athena gave it, in the CSV the job wrote
        List<String> csv = Files.readAllLines(work.resolve("results/highest-hourly-high-2020-12-01.csv"),
                StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        expected.add("name,hour,highest_high");
        highestHourlyHigh(aws).forEach(row -> expected.add(String.join(",", row)));
        assertThat(csv).hasSize(71).containsExactlyElementsOf(expected);
    }

    private static List<LoggedRequest> requests(String target) {
        return aws.server.findAll(postRequestedFor(urlPathMatching("/.*")).withHeader("X-Amz-Target", equalTo(target)));
    }

    /** What Athena would answer over the bars Firehose accepted: highest high per name and local hour. */
    private static List<List<String>> highestHourlyHigh(FakeAwsServices fake) {
        Map<String, Double> highest = new TreeMap<>();
        for (String line : fake.acceptedLines()) {
            try {
                JsonNode bar = JSON.readTree(line);
                String key = bar.get("name").asText() + "," + Integer.parseInt(bar.get("ts").asText().substring(11, 13));
                highest.merge(String.format("%s,%02d", bar.get("name").asText(),
                        Integer.parseInt(bar.get("ts").asText().substring(11, 13))), bar.get("high").asDouble(), Math::max);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        highest.forEach((key, high) -> {
            String[] parts = key.split(",");
            rows.add(List.of(parts[0], String.valueOf(Integer.parseInt(parts[1])), String.valueOf(high)));
        });
        return rows;
    }
}
