package financestream.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console's HTTP API as a client (curl, a script, the page) uses it, over the reference lake. */
class ConsoleApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path lake;
    static ConsoleApp app;

    @BeforeAll
    static void serve() throws Exception {
        ConsoleApp.referenceLake(lake);
        Properties settings = new Properties();
        settings.put("console.max-rows", "100");
        settings.put("console.timeout-ms", "5000");
        app = ConsoleApp.serve(lake, settings);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aGoodQueryAnswersAthenaStyleCsvWithAHeaderRow() throws Exception {
        HttpResponse<String> response = post("SELECT name, count(*) AS bars FROM bars_once GROUP BY name ORDER BY name", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.body()).startsWith("name,bars\nBYND,387\nDDOG,389\n");
        assertThat(response.body().lines()).hasSize(11);
    }

    @Test
    void theSameAsJsonWhenAskedFor() throws Exception {
        HttpResponse<String> response = post("SELECT name, max(high) AS top FROM bars WHERE name = 'DDOG' GROUP BY name", "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("columns").toString()).isEqualTo("[\"name\",\"top\"]");
        assertThat(body.get("rows").toString()).isEqualTo("[[\"DDOG\",\"98.80000305175781\"]]");
        assertThat(body.get("truncated").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DROP TABLE bars",
        "SELECT 1; DROP TABLE bars",
        "COPY (SELECT * FROM bars) TO 'stolen.csv'",
        "CREATE TABLE x AS SELECT * FROM bars",
        "WITH x AS (SELECT 1) INSERT INTO bars SELECT * FROM x",
        "ATTACH 'other.db' AS other",
        "SET enable_external_access = true",
        "-- SELECT\nPRAGMA version",
    })
    void anythingButOneQueryIsRefusedWithTheReason(String statement) throws Exception {
        HttpResponse<String> response = post(statement, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).containsAnyOf("only a SELECT or WITH query may run here", "one statement only");
        assertThat(lake.resolve("stolen.csv")).doesNotExist();
    }

    @Test
    void keywordsInsideStringsAndCommentsAreJustText() throws Exception {
        HttpResponse<String> response = post("SELECT 'DROP TABLE bars; DELETE' AS text -- INSERT\n;", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("text\nDROP TABLE bars; DELETE\n");
    }

    @Test
    void badSqlIsRefusedWithTheEnginesReasonAndWhere() throws Exception {
        HttpResponse<String> response = post("SELECT name\nFROM bars_once\nWHERE nme = 'X'", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        String error = JSON.readTree(response.body()).get("error").asText();
        assertThat(error).contains("Referenced column \"nme\" not found").contains("at line 3, column 7:");
    }

    @Test
    void noMoreThanTheRowLimitAndTheAnswerSaysItWasCut() throws Exception {
        HttpResponse<String> csv = post("SELECT * FROM bars ORDER BY name, ts", null);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(101);
        assertThat(csv.headers().firstValue("X-Truncated")).hasValue("true");
        assertThat(csv.headers().firstValue("X-Row-Limit")).hasValue("100");

        JsonNode json = JSON.readTree(post("SELECT * FROM bars", "application/json").body());
        assertThat(json.get("rows").size()).isEqualTo(100);
        assertThat(json.get("truncated").asBoolean()).isTrue();

        HttpResponse<String> exactly = post("SELECT * FROM bars LIMIT 100", null);
        assertThat(exactly.headers().firstValue("X-Truncated")).hasValue("false");
    }

    @Test
    void aQueryPastTheTimeoutIsStoppedAndRefused() throws Exception {
        HttpResponse<String> response = post("SELECT count(*) FROM bars a, bars b, bars c WHERE a.high + b.low > c.high", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("did not finish within console.timeout-ms = 5000 ms and was stopped");
        AthenaClient athena = app.context().getRegistry().findSingleByType(AthenaClient.class);
        String id = response.headers().firstValue("X-Athena-Query-Execution-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> athena.getQueryExecution(r -> r.queryExecutionId(id))
                .queryExecution().status().state() == QueryExecutionState.CANCELLED);
    }

    @Test
    void theLatestAnswerIsTheShippedQuerysAnswer() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !JSON.readTree(get("/api/answer").body()).get("answer").isNull());
        JsonNode answer = JSON.readTree(get("/api/answer").body()).get("answer");

        assertThat(answer.get("columns").toString()).isEqualTo("[\"name\",\"hour\",\"highest_high\"]");
        assertThat(answer.get("rows").size()).isEqualTo(70);
        assertThat(answer.get("rows").get(7).toString()).isEqualTo("[\"DDOG\",\"9\",\"98.80000305175781\"]");
        assertThat(answer.get("chart").get("y").asText()).isEqualTo("highest_high");
    }

    @Test
    void theStatusNamesEachSymbolsNewestBarAndTheLastCrawl() throws Exception {
        JsonNode status = JSON.readTree(get("/api/status").body());

        assertThat(status.get("newestBars").size()).isEqualTo(10);
        assertThat(status.get("newestBars").get(1).toString()).isEqualTo("[\"DDOG\",\"2020-12-01 15:59:00-05:00\"]");
        assertThat(status.get("outcomes").get("crawl").get("ok").asBoolean()).isTrue();
    }

    @Test
    void thePageIsOneStaticFileThatNeedsNoNetwork() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<textarea id=\"sql\"").doesNotContainPattern("(src|href)=\"https?:|fetch\\(\"https?:|@import");
        assertThat(List.of(page.body().split("<script")).size()).isEqualTo(2);
    }

    @Test
    void aFormPostIsRefusedRatherThanItsSqlChanged() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/api/query")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1+1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Content-Type: text/plain");
    }

    private static HttpResponse<String> post(String sql, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/api/query")))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(sql));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
