package financestream.embedded.athena;

import static financestream.embedded.athena.LakeWithBars.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * What holds from one query to the next on one client, whose workers keep their DuckDB between queries: each
 * query sees the catalog and the files as they are when it starts, is as confined as the first, and leaves
 * nothing behind. Queries run several times where it matters: the later ones find the database the earlier left.
 */
class SuccessiveQueriesTest {

    private static final String COUNT = "SELECT count(*) AS bars FROM bars";
    private static final int RUNS = 3;

    @TempDir
    Path dir;
    LakeWithBars lake;
    EmbeddedAthenaClient athena;
    long landed;

    @BeforeEach
    void open() throws IOException {
        lake = new LakeWithBars(dir);
        athena = new EmbeddedAthenaClient(lake.lake, lake.glue);
        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        lake.crawl();
        landed = Files.readAllLines(LakeWithBars.LANDED).stream().filter(line -> !line.isBlank()).count();
    }

    @AfterEach
    void close() {
        athena.close();
        lake.glue.close();
    }

    @Test
    void aNewObjectInARegisteredPartitionIsSeenByTheNextQuery() throws IOException {
        assertEachRunCounts(landed);

        lake.land("2026/11/26/08", LakeWithBars.LANDED);

        assertEachRunCounts(2 * landed);
    }

    @Test
    void aPartitionTheCrawlerRegistersIsSeenByTheNextQuery() throws IOException {
        lake.land("2026/11/26/09", LakeWithBars.LANDED);
        assertEachRunCounts(landed);

        lake.crawl();

        assertEachRunCounts(2 * landed);
        assertThat(firstValue(run(athena, "SELECT count(DISTINCT partition_3) FROM bars"))).isEqualTo("2");
    }

    @Test
    void aQueryRunningOnOneWorkerIsNotBrokenByTheViewsBeingRecreatedForAnother() throws Exception {
        // a named pipe holds the first query inside DuckDB until the test writes to it
        Path gate = lake.lake.root().resolve("gate");
        assumeTrue(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor() == 0, "needs mkfifo");
        // DuckDB's read_csv holds the query, so this client lets DuckDB's own SQL through (Athena's parser would not)
        athena.close();
        athena = new EmbeddedAthenaClient(lake.lake, lake.glue, null, false);
        String held = "SELECT (SELECT count(*) FROM bars) AS bars, "
                + "(SELECT count(*) FROM read_csv('" + gate + "', header = true)) AS gate";
        String heldId = athena.startQueryExecution(r -> r.queryString(held)
                .queryExecutionContext(c -> c.database(LakeWithBars.DATABASE))
                .resultConfiguration(c -> c.outputLocation(LakeWithBars.RESULTS))).queryExecutionId();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> state(heldId) == QueryExecutionState.RUNNING);

            // the other worker: views made, then made again for a new object and again for a new partition
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(landed));
            lake.land("2026/11/26/08", LakeWithBars.LANDED);
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(2 * landed));
            lake.land("2026/11/26/09", LakeWithBars.LANDED);
            lake.crawl();
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(3 * landed));
            assertThat(state(heldId)).isEqualTo(QueryExecutionState.RUNNING);
        } finally {
            open(gate, heldId);
        }

        QueryExecution heldQuery = athena.getQueryExecution(r -> r.queryExecutionId(heldId)).queryExecution();
        // the bars there were when it started
        assertThat(firstValue(heldQuery)).isEqualTo(Long.toString(landed));
    }

    /**
     * Lets the held query read the gate, never blocking the test: opened for reading and writing, a named pipe
     * opens at once (Linux), and what is written stays readable while the query holds its end. Written again
     * while the query has not opened the pipe yet (the rows written then are lost when this end closes).
     */
    private void open(Path gate, String heldId) throws Exception {
        for (int i = 0; i < 300 && state(heldId) == QueryExecutionState.RUNNING; i++) {
            try (FileChannel pipe = FileChannel.open(gate, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                pipe.write(ByteBuffer.wrap("gate\nopen\n".getBytes(StandardCharsets.UTF_8)));
                Thread.sleep(100);
            }
        }
    }

    @Test
    void theLockedSettingsHoldForEveryQuery() throws IOException {
        Path outside = Files.writeString(dir.getParent().resolve(dir.getFileName() + "-outside.csv"), "secret\n42\n");
        try {
            for (int i = 0; i < RUNS; i++) {
                // Trino's SET SESSION passes Athena's parser and reaches DuckDB, whose settings are locked
                assertFails("SET SESSION enable_external_access = true", "locked");
                assertFails("SET SESSION memory_limit = '4GB'", "locked");
                assertFails("SET SESSION allowed_directories = '/'", "locked");
                // DuckDB's own syntax does not even pass the parser
                assertFails("SET enable_external_access = true", "mismatched input");
                assertFails("RESET lock_configuration", "mismatched input");
                assertFails("SELECT * FROM read_csv('" + outside + "')", "mismatched input");
                assertFails("SELECT * FROM TABLE(read_csv('" + outside + "'))", "read_csv");
                assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(landed));
            }
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void whatAQueryCreatesOrDropsDoesNotOutliveIt() {
        for (int i = 0; i < RUNS; i++) {
            assertThat(run(athena, "DROP VIEW bars").status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
            assertThat(run(athena, "CREATE TABLE scratch AS SELECT 1 AS one").status().state())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
            // DuckDB's own statements are refused as Athena refuses them, before DuckDB sees them
            assertFails("ATTACH ':memory:' AS elsewhere", "mismatched input");
            assertFails("CREATE TEMP TABLE notes AS SELECT 1 AS one", "mismatched input");
            assertFails("SET VARIABLE answer = 42", "mismatched input");
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(landed));
            assertFails("SELECT * FROM scratch", "scratch");
            assertFails("SELECT getvariable('answer') AS answer", "FUNCTION_NOT_FOUND");
        }
        // a query that commits on its own escapes the rollback: its worker's database is given up
        assertThat(run(athena, "COMMIT").status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        for (int i = 0; i < RUNS; i++) {
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(landed));
        }
    }

    @Test
    void aWorkerWhoseQueryWasCancelledRunsTheNextQueries() {
        String id = athena.startQueryExecution(r -> r.queryString(EmbeddedAthenaClientTest.LONG_QUERY)
                .resultConfiguration(c -> c.outputLocation(LakeWithBars.RESULTS))).queryExecutionId();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id) == QueryExecutionState.RUNNING);
        athena.stopQueryExecution(r -> r.queryExecutionId(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id) == QueryExecutionState.CANCELLED);

        for (int i = 0; i < RUNS; i++) {
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(landed));
        }
    }

    @Test
    void aQueryContextNamingADatabaseGlueDoesNotHoldRunsUntilItNamesATable() {
        for (int i = 0; i < RUNS; i++) {
            QueryExecution elsewhere = LakeWithBars.run(athena, "SELECT 1 AS one", "not_crawled");
            assertThat(elsewhere.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
            assertThat(LakeWithBars.run(athena, COUNT, "not_crawled").status().stateChangeReason()).contains("bars");
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(landed));
        }
    }

    private void assertEachRunCounts(long bars) {
        for (int i = 0; i < RUNS; i++) {
            assertThat(firstValue(run(athena, COUNT))).isEqualTo(Long.toString(bars));
        }
    }

    private void assertFails(String sql, String reason) {
        QueryExecution query = run(athena, sql);
        assertThat(query.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        assertThat(query.status().stateChangeReason()).as(sql).contains(reason);
    }

    private QueryExecutionState state(String id) {
        return athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state();
    }

    private String firstValue(QueryExecution query) {
        assertThat(query.status().state()).as(query.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        return EmbeddedAthenaClientTest.values(athena.getQueryResults(r -> r.queryExecutionId(query.queryExecutionId()))
                .resultSet().rows().get(1)).get(0);
    }
}
