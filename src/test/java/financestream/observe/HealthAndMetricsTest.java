package financestream.observe;

import financestream.App;
import financestream.JobTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import financestream.JobOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's view over loopback HTTP of a running application that has just run the one-shot job (it stays up:
 * {@code job.exit-when-done=false}): liveness and readiness, and Prometheus metrics that match the bundled day —
 * bars per symbol, Firehose batches, one crawl, one query, and the newest bar's time. Readiness goes down while
 * the lake directory is gone, and up again when it is back.
 */
class HealthAndMetricsTest extends JobTestSupport {

    private static final int PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected App configure(App app) {
        return app
                .set("observe.enabled", "true")
                .set("observe.port", String.valueOf(PORT))
                .set("camel.management.host", "127.0.0.1");
    }

    @Test
    void operatorScrapesMetricsAndProbesHealth() throws Exception {
        JobOutcome outcome = awaitJob();
        assertThat(outcome.exitCode()).contains(0);

        HttpResponse<String> live = get("/observe/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> ready = get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("engines");

        String metrics = get("/observe/metrics").body();
        Map<String, Integer> barsPerSymbol = barsPerSymbolInTheDataFile();
        int total = 0;
        for (Map.Entry<String, Integer> symbol : barsPerSymbol.entrySet()) {
            String tag = "{symbol=\"" + symbol.getKey() + "\"}";
            assertThat(value(metrics, "financestream_bars_fetched_total" + tag)).as(symbol.getKey() + " fetched")
                    .isEqualTo(symbol.getValue().doubleValue());
            assertThat(value(metrics, "financestream_bars_sent_total" + tag)).as(symbol.getKey() + " sent")
                    .isEqualTo(symbol.getValue().doubleValue());
            assertThat(value(metrics, "financestream_bars_failed_total" + tag)).isZero();
            total += symbol.getValue();
        }
        // one or more batches per symbol (≤500 records each), holding every bar (packed: in fewer records)
        assertThat(value(metrics, "financestream_firehose_batch_records_count")).isGreaterThanOrEqualTo(10.0);
        if (oneRecordPerBar()) {
            assertThat(value(metrics, "financestream_firehose_batch_records_sum")).isEqualTo((double) total);
        } else {
            assertThat(value(metrics, "financestream_firehose_batch_records_sum")).isLessThan((double) total);
        }
        assertThat(value(metrics, "financestream_firehose_batch_records_max")).isLessThanOrEqualTo(500.0);
        assertThat(value(metrics, "financestream_firehose_failed_entries_total")).isZero();
        assertThat(value(metrics, "financestream_crawl_duration_seconds_count{outcome=\"success\"}")).isEqualTo(1.0);
        assertThat(value(metrics, "financestream_crawl_duration_seconds_sum{outcome=\"success\"}")).isPositive();
        assertThat(value(metrics, "financestream_query_duration_seconds_count{outcome=\"success\"}")).isEqualTo(1.0);
        assertThat(value(metrics, "financestream_lake_newest_bar_timestamp_seconds"))
                .isEqualTo((double) newestBarInTheDataFile());

        // an engine goes away: not ready, and the answer says why; back: ready again
        Path lake = work.resolve("lake");
        Path aside = work.resolve("lake-aside");
        Files.move(lake, aside);
        try {
            HttpResponse<String> down = get("/observe/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("DOWN").contains("lake directory");
        } finally {
            Files.move(aside, lake);
        }
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
    }

    /** False when bars are packed many to a Firehose record (firehose.pack.enabled). */
    protected boolean oneRecordPerBar() {
        return true;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }

    /** A sample's value from the Prometheus text format; the sample must be there. */
    private static double value(String metrics, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("metric sample %s in\n%s", sample, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static Map<String, Integer> barsPerSymbolInTheDataFile() throws IOException {
        Map<String, Integer> bars = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String record : dataFile().lines().toList()) {
            bars.merge(json.readTree(record).get("name").asText(), 1, Integer::sum);
        }
        return bars;
    }

    private static long newestBarInTheDataFile() throws IOException {
        ObjectMapper json = new ObjectMapper();
        long newest = 0;
        for (String record : dataFile().lines().toList()) {
            String ts = json.readTree(record).get("ts").asText();
            newest = Math.max(newest, OffsetDateTime.parse(ts, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX"))
                    .toEpochSecond());
        }
        return newest;
    }

    private static String dataFile() throws IOException {
        try (InputStream in = HealthAndMetricsTest.class.getResourceAsStream("/replay/2020-12-01/minute-bars.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
