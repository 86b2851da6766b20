package financestream.embedded.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * The embedded Athena's Athena dialect without a Trino server (the conformance suite checks the same against real
 * Trino): what Athena refuses is FAILED with Athena's message; shared functions answer with Trino's meaning.
 */
class TrinoDialectTest {

    @TempDir
    Path dir;
    LakeWithBars lake;
    EmbeddedAthenaClient athena;

    @BeforeEach
    void open() throws IOException {
        lake = new LakeWithBars(dir);
        athena = new EmbeddedAthenaClient(lake.lake, lake.glue, LakeWithBars.RESULTS);
        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        lake.crawl();
    }

    @AfterEach
    void close() {
        athena.close();
        lake.glue.close();
    }

    @Test
    void duckDbsOwnSyntaxAndFunctionsFailAsOnAthena() {
        assertThat(failure("SELECT ts::timestamp FROM bars")).startsWith("line 1:10: mismatched input ':'. Expecting: ");
        assertThat(failure("SELECT name FROM bars QUALIFY row_number() OVER (PARTITION BY name ORDER BY ts) = 1"))
                .startsWith("line 1:31: mismatched input 'row_number'");
        assertThat(failure("SELECT strftime(now(), '%H')"))
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Function 'strftime' not registered");
        assertThat(failure("SELECT name FROM bars GROUP BY ALL"))
                .isEqualTo("COLUMN_NOT_FOUND: line 1:32: Column 'all' cannot be resolved");
        assertThat(failure("SELECT * FROM TABLE(read_csv('x'))"))
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:21: Table function 'read_csv' not registered");
        assertThat(failure("SELECT date_parse(ts, '%Y') FROM bars"))
                .startsWith("NOT_SUPPORTED: line 1:8: the embedded Athena does not run date_parse() as Athena does: ");
    }

    @Test
    void sharedFunctionsAndOperatorsAnswerWithTrinosMeaning() {
        QueryExecution query = LakeWithBars.run(athena, "SELECT -7 / 2, substr('abc', 0), substr('abc', -5), "
                + "substr('abc', -2), concat('a', NULL), 'a' || 'b', day_of_week(DATE '2020-12-06'), "
                + "date_diff('hour', TIMESTAMP '2020-12-01 09:59:00', TIMESTAMP '2020-12-01 10:01:00') AS hours");
        assertThat(query.status().state()).as(query.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        var page = athena.getQueryResults(r -> r.queryExecutionId(query.queryExecutionId()));
        assertThat(page.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::name)
                .containsExactly("_col0", "_col1", "_col2", "_col3", "_col4", "_col5", "_col6", "hours");
        assertThat(page.resultSet().resultSetMetadata().columnInfo().get(0).type()).isEqualTo("integer");
        assertThat(EmbeddedAthenaClientTest.values(page.resultSet().rows().get(1)))
                .containsExactly("-3", "", "", "bc", null, "ab", "7", "0");
    }

    @Test
    void aFunctionNamedInAQuotedIdentifierOrOnSeveralLinesIsTranslatedToo() throws Exception {
        assertThat(TrinoDialect.toDuckDb("SELECT\n  \"SUBSTR\"('abc', 0),\n  substr ('abc', 2) AS b").sql())
                .isEqualTo("SELECT\n  memory.main.trino_substr('abc', 0),\n  memory.main.trino_substr ('abc', 2) AS b");
        assertThat(TrinoDialect.toDuckDb("SELECT name, max(high) FROM bars GROUP BY name").columnNames())
                .isEqualTo(List.of("name", "_col1"));
        assertThatThrownBy(() -> TrinoDialect.toDuckDb("SELECT substring('abc' FROM 2)"))
                .hasMessageStartingWith("NOT_SUPPORTED: line 1:8:");
    }

    private String failure(String sql) {
        QueryExecution query = LakeWithBars.run(athena, sql);
        assertThat(query.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        return query.status().stateChangeReason();
    }
}
