package financestream.observe;

import financestream.App;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import financestream.JobTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live app on a Saturday has nothing to collect: its pipeline metrics must still all be there, at 0, so an alert
 * on a missing series tells a broken app from an idle one.
 */
class IdleMetricsTest extends JobTestSupport {

    private static final List<String> SYMBOLS = List.of("NFLX", "DDOG");
    private static final int PORT = freePort();

    @Override
    protected App configure(App app) {
        return app
                .set("observe.enabled", "true")
                .set("observe.port", String.valueOf(PORT))
                .set("camel.management.host", "127.0.0.1")
                .set("finance.symbols", String.join(",", SYMBOLS))
                .set("job.run-once", "false")
                .set("job.live", "true")
                // a Saturday: the collect cron stays idle
                .set("finance.clock", "2020-12-05T12:00:00-05:00")
                .set("schedule.crawl-cron", "0 0 0 1 1 ? 2099")
                .set("schedule.analyze-cron", "0 0 0 1 1 ? 2099");
    }

    @Test
    void everyPipelineSeriesIsThereAtZeroBeforeAnyWork() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        for (String symbol : SYMBOLS) {
            String tag = "{symbol=\"" + symbol + "\"}";
            assertThat(value(metrics, "financestream_bars_fetched_total" + tag)).isZero();
            assertThat(value(metrics, "financestream_bars_sent_total" + tag)).isZero();
            assertThat(value(metrics, "financestream_bars_failed_total" + tag)).isZero();
        }
        assertThat(value(metrics, "financestream_firehose_batch_records_count")).isZero();
        assertThat(value(metrics, "financestream_firehose_failed_entries_total")).isZero();
        for (String outcome : List.of("success", "failure")) {
            assertThat(value(metrics, "financestream_crawl_duration_seconds_count{outcome=\"" + outcome + "\"}"))
                    .isZero();
            assertThat(value(metrics, "financestream_query_duration_seconds_count{outcome=\"" + outcome + "\"}"))
                    .isZero();
        }
        assertThat(value(metrics, "financestream_lake_newest_bar_timestamp_seconds")).isZero();
    }

    /** A sample's value from the Prometheus text format; the sample must be there. */
    private static double value(String metrics, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("metric sample %s in\n%s", sample, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
