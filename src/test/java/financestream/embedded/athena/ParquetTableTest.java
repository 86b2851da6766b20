package financestream.embedded.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import financestream.embedded.Lake;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.CrawlerState;

/** A Parquet table partitioned by event date in Hive-style folders, as the compaction writes it. */
class ParquetTableTest {

    private static final String DATABASE = "finance_stream_parquet";
    private static final String TABLE = "s3://finance-stream-lake/curated/bars/";

    @TempDir
    Path dir;
    Lake lake;
    EmbeddedGlueClient glue;
    EmbeddedAthenaClient athena;

    @BeforeEach
    void open() {
        lake = new Lake(dir);
        glue = new EmbeddedGlueClient(lake, new CrawlerDefinition("parquet-crawler", DATABASE, TABLE));
        athena = new EmbeddedAthenaClient(lake, glue, LakeWithBars.RESULTS);
    }

    @AfterEach
    void close() {
        athena.close();
        glue.close();
    }

    @Test
    void partitionValuesAreTheCatalogsStringsAndAWhereOnThemSelectsTheirRows() throws Exception {
        writeBars("dt=2020-12-01", "part-0", 2);
        writeBars("dt=2020-12-02", "part-0", 3);
        crawl();

        QueryExecution byDay = run("SELECT dt, count(*) AS bars, max(high) AS high FROM bars GROUP BY dt ORDER BY dt");
        assertThat(rows(byDay)).containsExactly(List.of("2020-12-01", "2", "100.0"), List.of("2020-12-02", "3", "101.0"));
        assertThat(athena.getQueryResults(r -> r.queryExecutionId(byDay.queryExecutionId())).resultSet()
                .resultSetMetadata().columnInfo()).extracting(ColumnInfo::type).containsExactly("varchar", "bigint", "double");
        assertThat(rows(run("SELECT count(*) FROM bars WHERE dt = '2020-12-02'"))).containsExactly(List.of("3"));
        assertThat(rows(run("SELECT name FROM bars WHERE dt = '2020-12-01' ORDER BY ts")))
                .containsExactly(List.of("SYM0"), List.of("SYM1"));
    }

    @Test
    void newFilesAndNewlyCrawledDaysAreSeenByTheNextQueries() throws Exception {
        writeBars("dt=2020-12-01", "part-0", 2);
        crawl();
        assertThat(rows(run("SELECT count(*) FROM bars"))).containsExactly(List.of("2"));

        writeBars("dt=2020-12-01", "part-1", 4);
        assertThat(rows(run("SELECT count(*) FROM bars"))).containsExactly(List.of("6"));

        writeBars("dt=2020-12-02", "part-0", 1);
        assertThat(rows(run("SELECT count(*) FROM bars"))).as("not crawled yet").containsExactly(List.of("6"));
        crawl();
        assertThat(rows(run("SELECT dt, count(*) FROM bars GROUP BY dt ORDER BY dt")))
                .containsExactly(List.of("2020-12-01", "6"), List.of("2020-12-02", "1"));
    }

    /** {@code bars} rows in one Parquet file, with the compaction's columns; high rises with the day. */
    private void writeBars(String folder, String name, int bars) throws SQLException, java.io.IOException {
        Path file = lake.resolve(TABLE).resolve(folder).resolve(name + ".parquet");
        Files.createDirectories(file.getParent());
        String day = folder.substring(folder.indexOf('=') + 1);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT (99 + day(DATE '" + day + "'))::DOUBLE AS high, 99.0 AS low, "
                    + "'" + day + " 09:3' || i || ':00-05:00' AS ts, 'SYM' || i AS name FROM range(" + bars + ") t(i)) "
                    + "TO '" + file + "' (FORMAT parquet)");
        }
    }

    private void crawl() {
        glue.startCrawler(r -> r.name("parquet-crawler"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(
                () -> glue.getCrawler(r -> r.name("parquet-crawler")).crawler().state() == CrawlerState.READY);
    }

    private QueryExecution run(String sql) {
        QueryExecution query = LakeWithBars.run(athena, sql, DATABASE);
        assertThat(query.status().state()).as(query.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        return query;
    }

    private List<List<String>> rows(QueryExecution query) {
        GetQueryResultsResponse page = athena.getQueryResults(r -> r.queryExecutionId(query.queryExecutionId()));
        List<List<String>> rows = new ArrayList<>();
        page.resultSet().rows().stream().skip(1).forEach(row -> rows.add(EmbeddedAthenaClientTest.values(row)));
        return rows;
    }
}
