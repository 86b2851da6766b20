package financestream.embedded.athena;

import static financestream.embedded.athena.LakeWithBars.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

class EmbeddedAthenaClientTest {

    static final String HOURLY_HIGH = "SELECT name, CAST(substr(ts, 12, 2) AS integer) AS hour, max(high) AS highest_high "
            + "FROM bars GROUP BY name, CAST(substr(ts, 12, 2) AS integer) ORDER BY name, hour";

    @TempDir
    Path dir;
    LakeWithBars lake;
    EmbeddedAthenaClient athena;

    @BeforeEach
    void open() {
        lake = new LakeWithBars(dir);
        athena = new EmbeddedAthenaClient(lake.lake, lake.glue);
    }

    @AfterEach
    void close() {
        athena.close();
        lake.glue.close();
    }

    /** Three billion rows to count: long enough to be cancelled while it runs. */
    static final String LONG_QUERY = "SELECT count(*) FROM UNNEST(sequence(1, 10000)) a(x) "
            + "CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 30)) c(z)";

    @Test
    void theHourlyHighQueryReturnsWhatTheLandedObjectHolds() throws IOException {
        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        lake.crawl();

        QueryExecution query = run(athena, HOURLY_HIGH);

        assertThat(query.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(query.statistics().dataScannedInBytes()).isEqualTo(Files.size(LakeWithBars.LANDED));
        List<GetQueryResultsResponse> pages = athena.getQueryResultsPaginator(r -> r.queryExecutionId(query.queryExecutionId()))
                .stream().toList();
        List<List<String>> rows = new ArrayList<>();
        pages.forEach(page -> page.resultSet().rows().forEach(row -> rows.add(values(row))));
        assertThat(rows.get(0)).containsExactly("name", "hour", "highest_high");
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(hourlyHighsOf(LakeWithBars.LANDED));
        assertThat(pages.get(0).resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::type)
                .containsExactly("varchar", "integer", "double");
    }

    /** The expected answer, computed from the file itself: max high per name and hour, ordered. */
    static List<List<String>> hourlyHighsOf(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<Integer, Double>> highs = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode bar = json.readTree(line);
            int hour = Integer.parseInt(bar.get("ts").asText().substring(11, 13));
            highs.computeIfAbsent(bar.get("name").asText(), n -> new TreeMap<>())
                    .merge(hour, bar.get("high").asDouble(), Math::max);
        }
        List<List<String>> rows = new ArrayList<>();
        highs.forEach((name, byHour) -> byHour.forEach((hour, high) ->
                rows.add(List.of(name, Integer.toString(hour), Double.toString(high)))));
        return rows;
    }

    @Test
    void resultsArePagedWithTheHeaderAsTheFirstRowOfTheFirstPage() {
        QueryExecution query = run(athena, "SELECT i AS range FROM UNNEST(sequence(0, 2499)) AS t(i)");
        String id = query.queryExecutionId();

        GetQueryResultsResponse first = athena.getQueryResults(r -> r.queryExecutionId(id));
        GetQueryResultsResponse second = athena.getQueryResults(r -> r.queryExecutionId(id).nextToken(first.nextToken()));
        GetQueryResultsResponse third = athena.getQueryResults(r -> r.queryExecutionId(id).nextToken(second.nextToken()));

        // As on Athena, the header is row 1 of the result stream and counts towards the 1,000 rows of a page.
        assertThat(values(first.resultSet().rows().get(0))).containsExactly("range");
        assertThat(first.resultSet().rows()).hasSize(1000);
        assertThat(values(first.resultSet().rows().get(1))).containsExactly("0");
        assertThat(second.resultSet().rows()).hasSize(1000);
        assertThat(values(second.resultSet().rows().get(0))).containsExactly("999");
        assertThat(third.resultSet().rows()).hasSize(501);
        assertThat(values(third.resultSet().rows().get(500))).containsExactly("2499");
        assertThat(third.nextToken()).isNull();
        assertThat(first.resultSet().resultSetMetadata().columnInfo().get(0).type()).isEqualTo("bigint");

        long dataRows = athena.getQueryResultsPaginator(r -> r.queryExecutionId(id)).stream()
                .mapToLong(page -> page.resultSet().rows().size()).sum() - 1;
        assertThat(dataRows).isEqualTo(2500);
    }

    @Test
    void moreThanAThousandResultsPerPageIsRefused() {
        String id = run(athena, "SELECT 1 AS one").queryExecutionId();

        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(id).maxResults(1001)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxResults");
    }

    @Test
    void aFailingQueryCarriesTheEngineMessageAndHasNoResults() throws IOException {
        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        lake.crawl();

        QueryExecution query = run(athena, "SELECT volume FROM bars");

        assertThat(query.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(query.status().stateChangeReason()).contains("volume").contains("Binder Error");
        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(query.queryExecutionId())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(query.status().stateChangeReason().lines().findFirst().orElseThrow());
    }

    @Test
    void valuesAndTheCsvFileAreWhatAthenaWrites() throws IOException {
        QueryExecution query = run(athena, "SELECT 'say \"hi\"' AS s, CAST(NULL AS varchar) AS n, "
                + "CAST(10000000 AS double) AS d, CAST(140.7772979736328 AS double) AS p, 42 AS i, true AS b, "
                + "DATE '2020-12-01' AS day");

        assertThat(query.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        String id = query.queryExecutionId();
        assertThat(query.resultConfiguration().outputLocation())
                .isEqualTo("s3://finance-stream-lake/athena-results/" + id + ".csv");
        GetQueryResultsResponse page = athena.getQueryResults(r -> r.queryExecutionId(id));
        Row row = page.resultSet().rows().get(1);
        assertThat(row.data().get(1)).isEqualTo(Datum.builder().build());
        assertThat(values(row)).containsExactly("say \"hi\"", null, "1.0E7", "140.7772979736328", "42", "true", "2020-12-01");
        assertThat(page.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::type)
                .containsExactly("varchar", "varchar", "double", "double", "integer", "boolean", "date");

        Path csv = lake.lake.resolve(query.resultConfiguration().outputLocation());
        assertThat(Files.readString(csv)).isEqualTo(
                "\"s\",\"n\",\"d\",\"p\",\"i\",\"b\",\"day\"\n"
                        + "\"say \"\"hi\"\"\",,\"1.0E7\",\"140.7772979736328\",\"42\",\"true\",\"2020-12-01\"\n");
    }

    @Test
    void aQueryNeedsAnOutputLocationUnlessOneIsConfigured() {
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("No output location provided");

        try (EmbeddedAthenaClient withDefault = new EmbeddedAthenaClient(lake.lake, lake.glue, LakeWithBars.RESULTS)) {
            String id = withDefault.startQueryExecution(r -> r.queryString("SELECT 1")).queryExecutionId();
            assertThat(withDefault.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution()
                    .resultConfiguration().outputLocation()).isEqualTo(LakeWithBars.RESULTS + id + ".csv");
        }
    }

    @Test
    void unknownQueryIdsAndUnfinishedQueriesAreRefused() {
        assertThatThrownBy(() -> athena.getQueryExecution(r -> r.queryExecutionId("nope")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
        String id = athena.startQueryExecution(r -> r.queryString(LONG_QUERY)
                .resultConfiguration(c -> c.outputLocation(LakeWithBars.RESULTS))).queryExecutionId();

        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(id)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Query has not yet finished. Current state: ");
        athena.stopQueryExecution(r -> r.queryExecutionId(id));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state()
                        == QueryExecutionState.CANCELLED);
    }

    @Test
    void aFolderTheCrawlerHasNotRegisteredIsInvisibleUntilTheNextCrawl() throws IOException {
        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        lake.crawl();
        String count = "SELECT count(*) AS bars FROM bars";
        String landed = Long.toString(Files.readAllLines(LakeWithBars.LANDED).size());

        lake.land("2026/11/26/09", LakeWithBars.LANDED);
        assertThat(firstValue(run(athena, count))).isEqualTo(landed);

        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        assertThat(firstValue(run(athena, count))).as("a new object in a registered partition is visible at once")
                .isEqualTo(Long.toString(2 * Long.parseLong(landed)));

        lake.crawl();
        assertThat(firstValue(run(athena, count))).isEqualTo(Long.toString(3 * Long.parseLong(landed)));
        assertThat(firstValue(run(athena, "SELECT count(DISTINCT partition_3) FROM bars"))).isEqualTo("2");
        // each row carries its own folder's values (the view reads them from the file's path)
        assertThat(firstValue(run(athena, "SELECT array_join(array_agg(p ORDER BY p), ' ') FROM (SELECT partition_0 || '/' || "
                + "partition_1 || '/' || partition_2 || '/' || partition_3 || '=' || count(*) AS p FROM bars "
                + "GROUP BY partition_0, partition_1, partition_2, partition_3)")))
                .isEqualTo("2026/11/26/08=" + 2 * Long.parseLong(landed) + " 2026/11/26/09=" + landed);
    }

    private String firstValue(QueryExecution query) {
        assertThat(query.status().state()).as(query.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        return values(athena.getQueryResults(r -> r.queryExecutionId(query.queryExecutionId())).resultSet().rows().get(1)).get(0);
    }

    static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        row.data().forEach(datum -> values.add(datum.varCharValue()));
        return values;
    }
}
