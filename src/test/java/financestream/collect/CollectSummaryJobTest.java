package financestream.collect;

import java.util.Arrays;
import java.util.List;

import financestream.CapturedLogs;
import financestream.JobTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-symbol table that ends a run, as the user reads it in the log: once Firehose has accepted every bar, each
 * symbol's "sent" equals its "fetched" (the bundled day, a fresh lake: nothing is a duplicate).
 */
class CollectSummaryJobTest extends JobTestSupport {

    // before the job starts: it runs as soon as the context does
    private static final CapturedLogs LOGS = CapturedLogs.onRootLogger();

    @AfterAll
    static void stopCapturing() {
        LOGS.stop();
    }

    @Test
    void theSummaryPrintedAtTheEndOfCollectCountsEveryAcceptedBarAsSent() {
        assertThat(awaitJob().exitCode()).contains(0);

        String summary = LOGS.lines().stream().filter(line -> line.contains("Collect backfill: 10 symbol(s) OK"))
                .findFirst().orElseThrow(() -> new AssertionError("no summary in the log:\n" + LOGS.all()));
        List<String[]> rows = summary.lines().skip(2).filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+")).toList();
        assertThat(rows).extracting(row -> row[0])
                .containsExactly("FB", "SHOP", "BYND", "NFLX", "PINS", "SQ", "TTD", "OKTA", "SNAP", "DDOG");
        assertThat(rows).allSatisfy(row -> assertThat(row[2]).as("sent of %s", Arrays.toString(row)).isEqualTo(row[1]));
        assertThat(rows).extracting(row -> Integer.parseInt(row[1])).allMatch(fetched -> fetched > 300);
    }
}
