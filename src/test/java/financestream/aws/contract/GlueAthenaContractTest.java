package financestream.aws.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crawl and analyze routes, through the real Glue client and Camel's aws2-athena component, against a server
 * speaking Glue's and Athena's JSON protocols: what they send, and how they behave when the crawler is already
 * running, a crawl fails, a query fails, or the results span several pages.
 */
class GlueAthenaContractTest extends AwsProfileTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void freshServer() {
        aws.reset();
    }

    @Test
    void crawlStartsTheCrawlerByNameAndWaitsUntilItIsReadyAgain() throws Exception {
        aws.crawlPolls = 3;
        assertThat(template.requestBody("direct:crawl", null, String.class))
                .isEqualTo("crawler fs-crawler SUCCEEDED");

        List<LoggedRequest> starts = requests("AWSGlue.StartCrawler");
        assertThat(starts).hasSize(1);
        assertThat(JSON.readTree(starts.get(0).getBodyAsString()).get("Name").asText()).isEqualTo("fs-crawler");
        // polled through the run: RUNNING three times, then READY
        List<LoggedRequest> polls = requests("AWSGlue.GetCrawler");
        assertThat(polls.size()).isGreaterThanOrEqualTo(1 + 4);
        assertThat(polls.get(polls.size() - 1).getLoggedDate()).isAfterOrEqualTo(starts.get(0).getLoggedDate());
    }

    @Test
    void aCrawlerAlreadyRunningIsWaitedForThenStartedAgainForOurData() throws Exception {
        aws.crawlerAlreadyRunningFor(3);
        assertThat(template.requestBody("direct:crawl", null, String.class))
                .isEqualTo("crawler fs-crawler SUCCEEDED");

        // the first StartCrawler met CrawlerRunningException; the run that covers our data started after it
        List<LoggedRequest> starts = requests("AWSGlue.StartCrawler");
        assertThat(starts).hasSize(2);
        assertThat(aws.crawlStarts).containsExactly("fs-crawler");
    }

    /** Right after StartCrawler, GetCrawler may still show READY and the previous run: that is not our crawl. */
    @Test
    void aStaleReadyRightAfterStartIsNotTakenForTheEndOfOurCrawl() throws Exception {
        aws.previousCrawl("FAILED", "an hour-old failure");
        aws.staleReadyPolls = 2;
        assertThat(template.requestBody("direct:crawl", null, String.class))
                .isEqualTo("crawler fs-crawler SUCCEEDED");
        assertThat(requests("AWSGlue.GetCrawler").size()).isGreaterThanOrEqualTo(1 + 2 + 3);
    }

    @Test
    void aFailedCrawlFailsTheStepWithGluesReason() {
        aws.crawlFailure = "Service Principal: glue.amazonaws.com is not authorized to perform: s3:GetObject";
        assertThatThrownBy(() -> template.requestBody("direct:crawl", null, String.class))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().hasMessage("Glue crawler fs-crawler did not succeed (FAILED): Service Principal: "
                        + "glue.amazonaws.com is not authorized to perform: s3:GetObject");
    }

    @Test
    void theQueryIsSentWithItsDatabaseWorkgroupAndOutputLocationAndAllResultPagesAreRead() throws Exception {
        // 2,500 rows over three pages of at most 1,000 (the first page also carries the header row)
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(List.of("S" + i, String.valueOf(9 + i % 7), String.valueOf(100.0 + i / 8.0)));
        }
        aws.resultRows = fake -> rows;
        template.sendBody("direct:analyze", null);

        List<LoggedRequest> starts = requests("AmazonAthena.StartQueryExecution");
        assertThat(starts).hasSize(1);
        JsonNode query = JSON.readTree(starts.get(0).getBodyAsString());
        assertThat(query.get("QueryString").asText())
                .contains("SELECT name, CAST(substr(ts, 12, 2) AS integer) AS hour, max(high) AS highest_high")
                .contains("WHERE substr(ts, 1, 10) = '2020-12-01'");
        assertThat(query.get("QueryExecutionContext").get("Database").asText()).isEqualTo("fs_db");
        assertThat(query.get("WorkGroup").asText()).isEqualTo("fs-workgroup");
        assertThat(query.get("ResultConfiguration").get("OutputLocation").asText())
                .isEqualTo("s3://fs-lake/athena-results/");
        // waited for a final state before reading results
        assertThat(requests("AmazonAthena.GetQueryExecution")).hasSizeGreaterThanOrEqualTo(2);
        List<LoggedRequest> pages = requests("AmazonAthena.GetQueryResults");
        assertThat(pages).hasSize(3);
        assertThat(JSON.readTree(pages.get(1).getBodyAsString()).get("NextToken").asText()).isEqualTo("1000");

        List<String> csv = Files.readAllLines(work.resolve("results/highest-hourly-high-2020-12-01.csv"),
                StandardCharsets.UTF_8);
        assertThat(csv).hasSize(1 + 2_500);
        assertThat(csv.get(0)).isEqualTo("name,hour,highest_high");
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(rows.stream().map(r -> String.join(",", r)).toList());
    }

    @Test
    void aFailedQueryFailsTheStepWithAthenasReasonAndWritesNoAnswer() {
        aws.queryFailure = "COLUMN_NOT_FOUND: line 1:8: Column 'name' cannot be resolved";
        assertThatThrownBy(() -> template.sendBody("direct:analyze", null))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().hasMessageContaining("FAILED: COLUMN_NOT_FOUND: line 1:8: Column 'name' cannot be resolved");
        assertThat(requests("AmazonAthena.GetQueryResults")).isEmpty();
        assertThat(work.resolve("results/highest-hourly-high-2020-12-01.csv")).doesNotExist();
    }

    /** CAMEL-26100: a second query in the same exchange must not reuse the first one's Athena headers. */
    @Test
    void aSecondAnalyzeInTheSameExchangeStartsItsOwnQuery() throws Exception {
        aws.resultRows = fake -> List.of(List.of("DDOG", "9", "98.8"));
        org.apache.camel.Exchange exchange = org.apache.camel.support.ExchangeHelper.createCorrelatedCopy(
                new org.apache.camel.support.DefaultExchange(context), false);
        template.send("direct:analyze", exchange);
        template.send("direct:analyze", exchange);

        assertThat(exchange.getException()).isNull();
        assertThat(requests("AmazonAthena.StartQueryExecution")).hasSize(2)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("s3://fs-lake/athena-results/")
                        .doesNotContain(".csv"));
    }

    private static List<LoggedRequest> requests(String target) {
        return aws.server.findAll(postRequestedFor(urlPathMatching("/.*")).withHeader("X-Amz-Target", equalTo(target)));
    }
}
