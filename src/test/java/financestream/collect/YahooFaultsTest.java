package financestream.collect;

import financestream.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import financestream.App;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import financestream.bars.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A one-shot backfill of 2025-12-05 from a local "Yahoo" (WireMock) that answers each symbol with one of Yahoo's
 * failure modes, in the real answers' shapes. What a user checks: which symbols landed (each bar once), which
 * failed with what message, how often Yahoo was asked, and the exit code.
 */
class YahooFaultsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 5);
    private static final int BARS_OF_THE_DAY = 389; // the fixture's day: 390 minutes, the 12:00 row all null

    @RegisterExtension
    final App app = App.withLocalYahoo();

    @Test
    void eachFailureModeFailsOnlyItsSymbolAndTheRetryableOnesRecover() throws Exception {
        String day = fixture("built/chart-1m-NFLX-2025-12-05-full-day.json");
        serve("NFLX", ok(day));
        serve("META", ok(day)); // configured as FB: renamed 2022-06-09
        // 429 with Retry-After: 1 → wait what Yahoo asks, then the day
        sequence("XYZ", aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody(fixture("built/too-many-requests.HTTP429.txt")), ok(day));
        // 429 without Retry-After, then 500: exponential backoff with jitter, then the day
        sequence("SNAP", aResponse().withStatus(429).withBody(fixture("built/too-many-requests.HTTP429.txt")),
                aResponse().withStatus(500).withBody("Internal Server Error"), ok(day));
        // the first answer takes longer than the socket timeout
        sequence("PINS", ok(day).withFixedDelay(3_000), ok(day));
        serve("TTD", json(404, fixture("chart-error-not-found.HTTP404.json")));
        serve("OKTA", json(422, fixture("chart-error-1m-range.HTTP422.json")));
        serve("DDOG", ok(fixture("built/chart-1m-NFLX-2025-12-05-truncated.json")));

        app.clock(new SettableClock(YahooDays.at(LocalDate.of(2025, 12, 8), 12, 0, 0)))
                .set(settings(
                "NFLX,FB,SQ,SNAP,PINS,TTD,OKTA,DDOG")).start();
        app.awaitJob();

        // the answer of the symbols that landed is still printed, and the run says it failed
        assertThat(app.outcome().exitCode()).contains(1);
        assertThat(String.join("\n", app.outcome().failures()))
                .contains("TTD", "HTTP 404 Not Found — No data found, symbol may be delisted")
                .contains("OKTA", "HTTP 422 Unprocessable Entity — 1m data not available")
                .contains("DDOG", "truncated JSON");
        assertThat(app.workDir().resolve("results/highest-hourly-high-2025-12-05.csv")).exists();

        List<Bar> landed = app.landedBars();
        assertThat(new HashSet<>(landed)).as("no bar twice").hasSameSizeAs(landed);
        Map<String, Long> perName = landed.stream().collect(Collectors.groupingBy(Bar::name, Collectors.counting()));
        assertThat(perName).containsOnly(Map.entry("NFLX", (long) BARS_OF_THE_DAY),
                Map.entry("FB", (long) BARS_OF_THE_DAY), Map.entry("SQ", (long) BARS_OF_THE_DAY),
                Map.entry("SNAP", (long) BARS_OF_THE_DAY), Map.entry("PINS", (long) BARS_OF_THE_DAY));
        assertThat(landed).allSatisfy(bar -> assertThat(bar.ts().getOffset().getTotalSeconds()).isEqualTo(-5 * 3600));

        // how often Yahoo was asked: renamed symbols under their new name, failures that cannot heal only once
        app.yahoo().verify(0, getRequestedFor(urlPathEqualTo("/v8/finance/chart/FB")));
        app.yahoo().verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/META")));
        app.yahoo().verify(2, getRequestedFor(urlPathEqualTo("/v8/finance/chart/XYZ")));
        app.yahoo().verify(3, getRequestedFor(urlPathEqualTo("/v8/finance/chart/SNAP")));
        app.yahoo().verify(2, getRequestedFor(urlPathEqualTo("/v8/finance/chart/PINS")));
        app.yahoo().verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/TTD")));
        app.yahoo().verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/OKTA")));
        app.yahoo().verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/DDOG")));
        List<ServeEvent> xyz = requestsTo("XYZ");
        long waited = xyz.get(1).getRequest().getLoggedDate().getTime() - xyz.get(0).getRequest().getLoggedDate().getTime();
        assertThat(waited).as("Retry-After: 1 honoured (the backoff alone would wait ~100 ms)").isGreaterThanOrEqualTo(1_000);

        // the run's summary, per symbol
        Map<String, CollectSummary.Counts> counts = app.summary().counts();
        assertThat(counts.get("NFLX").fetched()).isEqualTo(BARS_OF_THE_DAY);
        assertThat(counts.get("NFLX").sent()).isEqualTo(BARS_OF_THE_DAY);
        assertThat(counts.get("NFLX").failed()).isFalse();
        assertThat(counts.get("DDOG").failed()).isTrue();
        assertThat(counts.get("DDOG").sent()).isZero();
        assertThat(counts.get("TTD").errors()).singleElement().asString().contains("Not Found");
    }

    @Test
    void aRecovered500AndARecovered429EachLeaveExit0AndFullData() throws Exception {
        String day = fixture("built/chart-1m-NFLX-2025-12-05-full-day.json");
        sequence("NFLX", json(500, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Internal Server Error\",\"description\":\"boom\"}}}"),
                ok(day));
        sequence("DDOG", aResponse().withStatus(429).withBody(fixture("built/too-many-requests.HTTP429.txt")), ok(day));

        Properties settings = settings("NFLX,DDOG");
        settings.put("yahoo.socket-timeout-ms", "10000"); // only the faults above, not a slow first answer
        app.clock(new SettableClock(YahooDays.at(LocalDate.of(2025, 12, 8), 12, 0, 0))).set(settings).start();
        app.awaitJob();

        assertThat(app.outcome().failures()).isEmpty();
        assertThat(app.outcome().exitCode()).contains(0);
        app.yahoo().verify(2, getRequestedFor(urlPathEqualTo("/v8/finance/chart/NFLX")));
        app.yahoo().verify(2, getRequestedFor(urlPathEqualTo("/v8/finance/chart/DDOG")));
        List<Bar> landed = app.landedBars();
        assertThat(new HashSet<>(landed)).as("no bar twice").hasSameSizeAs(landed);
        assertThat(landed.stream().collect(Collectors.groupingBy(Bar::name, Collectors.counting())))
                .containsOnly(Map.entry("NFLX", (long) BARS_OF_THE_DAY), Map.entry("DDOG", (long) BARS_OF_THE_DAY));
        assertThat(app.summary().counts().get("NFLX").sent()).isEqualTo(BARS_OF_THE_DAY);
        assertThat(app.summary().counts().get("DDOG").sent()).isEqualTo(BARS_OF_THE_DAY);
        assertThat(app.workDir().resolve("results/highest-hourly-high-2025-12-05.csv")).exists();
    }

    @Test
    void aRerunSendsNothingTwiceAndTheFailedSymbolLandsOnceItHeals() throws Exception {
        String day = fixture("built/chart-1m-NFLX-2025-12-05-full-day.json");
        serve("NFLX", ok(day));
        serve("DDOG", json(500, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Internal Server Error\",\"description\":\"boom\"}}}"));
        SettableClock clock = new SettableClock(YahooDays.at(LocalDate.of(2025, 12, 8), 12, 0, 0));

        app.clock(clock).set(settings("NFLX,DDOG")).start();
        app.awaitJob();
        assertThat(app.outcome().exitCode()).contains(1);
        app.stop();
        // 1 request + 2 retries (the test's yahoo.retry.max-attempts)
        app.yahoo().verify(3, getRequestedFor(urlPathEqualTo("/v8/finance/chart/DDOG")));

        serve("DDOG", ok(day));
        app.start();
        app.awaitJob();
        assertThat(app.outcome().exitCode()).contains(0);
        assertThat(app.summary().counts().get("NFLX").duplicates()).isEqualTo(BARS_OF_THE_DAY);
        assertThat(app.summary().counts().get("NFLX").sent()).isZero();
        assertThat(app.summary().counts().get("DDOG").sent()).isEqualTo(BARS_OF_THE_DAY);

        List<Bar> landed = app.landedBars();
        assertThat(landed).hasSize(2 * BARS_OF_THE_DAY);
        assertThat(new HashSet<>(landed)).hasSameSizeAs(landed);
    }

    @Test
    void theThrottleSpacesRequestsAcrossSymbols() throws Exception {
        String day = fixture("built/chart-1m-NFLX-2025-12-05-full-day.json");
        List<String> symbols = List.of("NFLX", "DDOG", "SNAP");
        symbols.forEach(symbol -> serve(symbol, ok(day)));
        Properties settings = settings(String.join(",", symbols));
        settings.put("yahoo.max-requests", "1");
        settings.put("yahoo.throttle-period-ms", "700");
        settings.put("yahoo.socket-timeout-ms", "10000"); // a slow answer on a loaded machine is no retry here

        app.clock(new SettableClock(YahooDays.at(LocalDate.of(2025, 12, 8), 12, 0, 0)))
                .set(settings).start();
        app.awaitJob();

        assertThat(app.outcome().exitCode()).contains(0);
        List<Long> times = app.yahoo().getAllServeEvents().stream()
                .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(3);
        // at most one request per 700 ms; WireMock logs a request when it gets to it, which on a loaded 2-core
        // machine was once 119 ms late, so the slack is 200 ms (unthrottled, the three requests go out back to back)
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(500);
        assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(500);
    }

    private Properties settings(String symbols) {
        Properties settings = new Properties();
        settings.put("finance.symbols", symbols);
        settings.put("finance.date", DAY.toString());
        settings.put("yahoo.retry.max-attempts", "2");
        settings.put("yahoo.retry.initial-delay-ms", "100");
        settings.put("yahoo.retry.max-delay-ms", "400");
        settings.put("yahoo.socket-timeout-ms", "1000");
        return settings;
    }

    private List<ServeEvent> requestsTo(String symbol) {
        return app.yahoo().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v8/finance/chart/" + symbol + "?"))
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .toList();
    }

    private void serve(String symbol, ResponseDefinitionBuilder response) {
        app.yahoo().stubFor(get(urlPathEqualTo("/v8/finance/chart/" + symbol)).willReturn(response));
    }

    /** Answers in this order, the last one from then on. */
    private void sequence(String symbol, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? STARTED : symbol + "-" + i;
            var stub = get(urlPathEqualTo("/v8/finance/chart/" + symbol)).inScenario(symbol)
                    .whenScenarioStateIs(state).willReturn(responses[i]);
            if (i + 1 < responses.length) {
                stub = stub.willSetStateTo(symbol + "-" + (i + 1));
            }
            app.yahoo().stubFor(stub);
        }
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = YahooFaultsTest.class.getResourceAsStream("/yahoo/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture yahoo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
