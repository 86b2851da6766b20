package financestream.bars.yahoo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import financestream.bars.Bar;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static financestream.bars.yahoo.ChartFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart API as a Camel route calls it: a local WireMock stands in for query2.finance.yahoo.com (no test
 * reaches Yahoo), camel-http sends the request with a browser User-Agent, and the answer is parsed by bean call.
 */
class YahooChartRouteTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2025, 12, 5);

    private final YahooChartApi api = new YahooChartApi();
    private WireMockServer yahoo;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        yahoo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        yahoo.start();
        serve("NFLX", aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(read("built/chart-1m-NFLX-2025-12-05-full-day.json")));
        serve("FB", aResponse().withStatus(404).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(read("chart-error-not-found.HTTP404.json")));
        serve("SQ", aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                .withBody(read("built/too-many-requests.HTTP429.txt")));

        camel = new DefaultCamelContext();
        camel.getRegistry().bind("yahooChart", api);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // Path and query go in CamelHttpPath/CamelHttpQuery: a toD URI would re-encode events=div%2Csplits
                // as div%252Csplits. Camel* headers, unlike others, are not sent to Yahoo.
                from("direct:chart")
                        .setHeader(Exchange.HTTP_PATH, method("yahooChart", "path(${exchangeProperty.symbol})"))
                        .setHeader(Exchange.HTTP_QUERY, method("yahooChart", "query(${exchangeProperty.date}, '1m', ${exchangeProperty.zone})"))
                        .setHeader("User-Agent", constant(BROWSER))
                        .to("http://127.0.0.1:" + yahoo.port() + "?throwExceptionOnFailure=false")
                        .convertBodyTo(String.class)
                        .to("bean:yahooChart?method=parse(${exchangeProperty.symbol}, ${exchangeProperty.date}, ${header.CamelHttpResponseCode}, ${body})");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        yahoo.stop();
    }

    @Test
    void fetchesOneDayOfBarsWithTheRequestYfinanceWouldSend() {
        List<Bar> bars = fetch("NFLX");

        assertThat(bars).hasSize(389);
        assertThat(bars.get(0).ts()).hasToString("2025-12-05T09:30-05:00");
        yahoo.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/NFLX"))
                .withQueryParam("period1", equalTo("1764910800")) // 2025-12-05 00:00 America/New_York
                .withQueryParam("period2", equalTo("1764997200")) // 2025-12-06 00:00
                .withQueryParam("interval", equalTo("1m"))
                .withQueryParam("includePrePost", equalTo("false"))
                .withQueryParam("events", equalTo("div,splits"))
                .withQueryParam("throwExceptionOnFailure", absent())
                .withHeader("User-Agent", equalTo(BROWSER))
                .withHeader("CamelHttpQuery", absent()));
        assertThat(yahoo.getAllServeEvents().get(0).getRequest().getUrl()).endsWith("&events=div%2Csplits");
    }

    @Test
    void failsTheSymbolYahooDoesNotKnowWithItsStatusAndCode() {
        YahooChartException refusal = fetchFailure("FB");

        assertThat(refusal).hasMessage("Yahoo chart API refused FB: HTTP 404 Not Found — No data found, symbol may be delisted");
        assertThat(refusal.getHttpStatus()).isEqualTo(404);
        assertThat(refusal.getYahooCode()).isEqualTo("Not Found");
    }

    @Test
    void reportsRateLimitingAsRetryable() {
        YahooChartException limited = fetchFailure("SQ");

        assertThat(limited).hasMessage("Yahoo chart API answer for SQ (HTTP 429) is not JSON: Too Many Requests");
        assertThat(limited.isRetryable()).isTrue();
    }

    @Test
    void sendsAnIndexSymbolPercentEncodedOnce() {
        yahoo.stubFor(get(urlPathMatching("/v8/finance/chart/.*GSPC")).willReturn(aResponse().withStatus(404)
                .withBody(read("chart-error-not-found.HTTP404.json"))));

        send("^GSPC");

        assertThat(yahoo.getAllServeEvents().get(0).getRequest().getUrl()).startsWith("/v8/finance/chart/%5EGSPC?period1=");
    }

    private void serve(String symbol, ResponseDefinitionBuilder answer) {
        yahoo.stubFor(get(urlPathEqualTo("/v8/finance/chart/" + symbol)).willReturn(answer));
    }

    @SuppressWarnings("unchecked")
    private List<Bar> fetch(String symbol) {
        Exchange done = send(symbol);
        assertThat(done.getException()).isNull();
        return done.getMessage().getBody(List.class);
    }

    private YahooChartException fetchFailure(String symbol) {
        Exception failure = send(symbol).getException();
        assertThat(failure).isInstanceOf(YahooChartException.class);
        return (YahooChartException) failure;
    }

    private Exchange send(String symbol) {
        return template.send("direct:chart", exchange -> exchange.getProperties()
                .putAll(Map.of("symbol", symbol, "date", DAY, "zone", NEW_YORK)));
    }
}
