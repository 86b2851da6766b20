package financestream.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code finance-stream query} on the embedded engines, as a user runs it: the lake as Firehose landed the
 * reference day, crawled once by {@code --crawl}; then asked again and again without a crawl.
 */
class QueryRunnerTest {

    @TempDir
    static Path lake;
    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void landAndCrawl() throws IOException {
        ReferenceLake.land(lake);
        QueryRunnerTest first = new QueryRunnerTest();
        int exit = first.query(null, ResultFormat.TABLE, null, true, "SELECT count(*) AS bars FROM bars");
        assertThat(exit).as(first.err()).isZero();
        assertThat(first.out()).contains("3788").contains("(1 row)");
    }

    @Test
    void aGoodQueryPrintsTheAlignedTableAndExitsZero() {
        int exit = query(null, ResultFormat.TABLE, null, false,
                "SELECT name, count(*) AS bars FROM bars_once GROUP BY name ORDER BY name");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).startsWith("name | bars\n-----+-----\nBYND |  387\nDDOG |  389\n").endsWith("(10 rows)\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void theShippedQueryFromAFileAsCsvIntoAFile() throws IOException {
        Path sql = work.resolve("q.sql");
        Files.writeString(sql, """
                -- the highest hourly high of two companies
                SELECT name, CAST(substr(ts, 12, 2) AS integer) AS hour, max(high) AS highest_high
                FROM bars_once
                WHERE name IN ('DDOG', 'NFLX')
                GROUP BY 1, 2
                ORDER BY 1, 2
                """);
        Path answer = work.resolve("answer.csv");

        int exit = query(sql, ResultFormat.CSV, answer, false, null);

        assertThat(exit).as(err()).isZero();
        assertThat(out()).isEmpty();
        List<String> lines = Files.readAllLines(answer);
        assertThat(lines).hasSize(15).first().isEqualTo("name,hour,highest_high");
        assertThat(lines).contains("DDOG,9,98.80000305175781", "NFLX,15,505.3399963378906");
    }

    @Test
    void jsonIsOneObjectPerRow() throws IOException {
        int exit = query(null, ResultFormat.JSON, null, false,
                "SELECT name, max(ts) AS newest FROM bars WHERE name = 'DDOG' GROUP BY name");

        assertThat(exit).as(err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(out());
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("DDOG");
        assertThat(rows.get(0).get("newest").asText()).isEqualTo("2020-12-01 15:59:00-05:00");
    }

    @Test
    void badSqlExitsOneWithTheEnginesReasonAndWhereInTheSql() {
        // the error is on the user's line 3, even though bars_once was put before the query
        int exit = query(null, ResultFormat.TABLE, null, false, "SELECT name,\n  max(high)\nFROM bars_once WHERE nme = 'X'\nGROUP BY name");

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("FAILED: Binder Error: Referenced column \"nme\" not found")
                .contains("at line 3, column 22:\n  FROM bars_once WHERE nme = 'X'\n                       ^");
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() {
        int exit = query(null, ResultFormat.TABLE, null, false, "SELECT *\nFORM bars");

        assertThat(exit).isEqualTo(1);
        // the embedded engine checks the SQL as Athena's (Trino's) parser does: "line 2:1: mismatched input 'FORM'"
        assertThat(err()).contains("FORM").contains("at line 2, column 1:\n  FORM bars\n  ^");
    }

    @Test
    void emptySqlExitsTwo() {
        assertThat(query(null, ResultFormat.TABLE, null, false, "  \n ")).isEqualTo(2);
        assertThat(err()).contains("the SQL is empty");
    }

    @Test
    void anUnreadableFileExitsTwo() {
        Path missing = work.resolve("missing.sql");
        assertThat(query(missing, ResultFormat.TABLE, null, false, null)).isEqualTo(2);
        assertThat(err()).contains("cannot read " + missing + ": no such file");
    }

    @Test
    void anEmptyFileExitsTwo() throws IOException {
        Path empty = Files.writeString(work.resolve("empty.sql"), "\n");
        assertThat(query(empty, ResultFormat.TABLE, null, false, null)).isEqualTo(2);
        assertThat(err()).contains("the SQL is empty (" + empty + ")");
    }

    /**
     * A bar Firehose lands in a new hour's folder is answered by the next query without a crawl: the bars table's
     * partition projection, as on Athena.
     */
    @Test
    void aNewHoursBarIsAnsweredWithoutACrawl() throws IOException {
        Path ownLake = work.resolve("lake");
        ReferenceLake.land(ownLake);
        assertThat(queryOn(ownLake, ResultFormat.CSV, true, "SELECT count(*) AS bars FROM bars")).as(err()).isZero();
        Path nextHour = Files.createDirectories(ownLake.resolve("finance-stream-lake/bars/2020/12/01/21"));
        Files.writeString(nextHour.resolve("finance-stream-bars-1-2020-12-01-21-00-05-0f0e0d0c-0b0a-4090-8070-605040302010"),
                "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 16:00:00-05:00\", \"name\": \"DDOG\"}\n");
        out.reset();

        int exit = queryOn(ownLake, ResultFormat.CSV, false,
                "SELECT count(*) AS bars, max(ts) AS newest FROM bars WHERE name = 'DDOG'");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).isEqualTo("bars,newest\n390,2020-12-01 16:00:00-05:00\n");
    }

    int query(Path file, ResultFormat format, Path output, boolean crawl, String sql) {
        return new QueryRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new QueryRunner.Request(sql, file, format, output, crawl), ReferenceLake.settings(lake));
    }

    private int queryOn(Path lakeDir, ResultFormat format, boolean crawl, String sql) {
        return new QueryRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new QueryRunner.Request(sql, null, format, null, crawl), ReferenceLake.settings(lakeDir));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
