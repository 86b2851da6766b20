package financestream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same one-shot job with {@code finance.source=yahoo}: the routes in {@code routes/} call the chart API over
 * camel-http (WireMock on loopback serving a full NFLX day in Yahoo's format) and answer from what Yahoo sent.
 */
class YahooSourceJobTest extends JobTestSupport {

    private static final String DAY = "/yahoo/built/chart-1m-NFLX-2025-12-05-full-day.json";
    private static final WireMockServer YAHOO = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeAll
    static void startYahoo() throws IOException {
        YAHOO.start();
        YAHOO.stubFor(get(urlPathEqualTo("/v8/finance/chart/NFLX")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=utf-8").withBody(resource(DAY))));
    }

    @AfterAll
    static void stopYahoo() {
        YAHOO.stop();
    }

    @Override
    protected App configure(App app) {
        return app
                .set("finance.source", "yahoo")
                .set("yahoo.base-url", "http://127.0.0.1:" + YAHOO.port())
                .set("finance.symbols", "NFLX")
                .set("finance.date", "2025-12-05")
                // as of the Monday after: Yahoo still serves that day's 1m bars (the collect step refuses older dates)
                .set("finance.clock", "2025-12-08T12:00:00-05:00");
    }

    @Test
    void collectsFromTheChartApiAndAnswersFromWhatYahooSent() throws IOException {
        JobOutcome outcome = awaitJob();
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.exitCode()).contains(0);

        List<LoggedRequest> requests = YAHOO.findAll(getRequestedFor(urlPathEqualTo("/v8/finance/chart/NFLX")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        // the day in New York: 2025-12-05T00:00-05:00 .. 2025-12-06T00:00-05:00
        assertThat(request.queryParameter("period1").firstValue()).isEqualTo("1764910800");
        assertThat(request.queryParameter("period2").firstValue()).isEqualTo("1764997200");
        assertThat(request.queryParameter("interval").firstValue()).isEqualTo("1m");
        assertThat(request.queryParameter("includePrePost").firstValue()).isEqualTo("false");
        assertThat(request.getHeader("User-Agent")).startsWith("Mozilla/5.0");
        // exchange properties stay in the app: nothing of the route leaks to Yahoo as a header
        assertThat(request.getAllHeaderKeys()).noneMatch(h -> h.equalsIgnoreCase("symbol")
                || h.equalsIgnoreCase("tradingDate") || h.startsWith("Camel"));

        List<String> lines = Files.readAllLines(work.resolve("results/highest-hourly-high-2025-12-05.csv"),
                StandardCharsets.UTF_8);
        Map<Integer, Double> answered = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertThat(fields[0]).isEqualTo("NFLX");
            answered.put(Integer.parseInt(fields[1]), Double.parseDouble(fields[2]));
        }
        assertThat(answered).containsExactlyEntriesOf(highestHourlyHighInTheResponse());
    }

    /** From the response itself: session bars 09:30-15:59 New York time, null rows skipped, the 16:00 bar not a session bar. */
    private static Map<Integer, Double> highestHourlyHighInTheResponse() throws IOException {
        JsonNode result = new ObjectMapper().readTree(resource(DAY)).path("chart").path("result").get(0);
        JsonNode timestamps = result.path("timestamp");
        JsonNode highs = result.path("indicators").path("quote").get(0).path("high");
        Map<Integer, Double> highest = new TreeMap<>();
        for (int i = 0; i < timestamps.size(); i++) {
            ZonedDateTime start = Instant.ofEpochSecond(timestamps.get(i).asLong()).atZone(ZoneId.of("America/New_York"));
            int minuteOfDay = start.getHour() * 60 + start.getMinute();
            if (highs.get(i).isNull() || minuteOfDay < 9 * 60 + 30 || minuteOfDay >= 16 * 60) {
                continue;
            }
            highest.merge(start.getHour(), highs.get(i).asDouble(), Math::max);
        }
        assertThat(highest).hasSize(7);
        return highest;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = YahooSourceJobTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
