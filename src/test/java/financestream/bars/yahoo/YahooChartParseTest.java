package financestream.bars.yahoo;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static financestream.bars.yahoo.ChartFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class YahooChartParseTest {

    private static final LocalDate NFLX_DAY = LocalDate.of(2025, 12, 5);
    private static final ZoneOffset EST = ZoneOffset.ofHours(-5);
    private static final ZoneOffset EDT = ZoneOffset.ofHours(-4);

    private final YahooChartApi api = new YahooChartApi();

    // --- real answers ---

    @Test
    void dropsNullRowsAndShowsLondonTime() {
        List<Bar> bars = api.parse("BARC.L", LocalDate.of(2017, 11, 16), 200, read("chart-1m-BARC.L-2017-with-nulls.json"));

        assertThat(bars).containsExactly(new Bar("BARC.L", OffsetDateTime.of(2017, 11, 16, 12, 32, 0, 0, ZoneOffset.UTC),
                185.65020751953125, 185.65020751953125));
        assertThat(BarJson.format(bars.get(0)))
                .isEqualTo("{\"high\": 185.65020751953125, \"low\": 185.65020751953125, \"ts\": \"2017-11-16 12:32:00+00:00\", \"name\": \"BARC.L\"}");
    }

    @Test
    void anEmptyDayHasNoBars() {
        assertThat(api.parse("GRND3.SA", LocalDate.of(2019, 10, 21), 200, read("chart-empty-result-GRND3.SA.json"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chart-error-not-found.HTTP404.json    | 404 | Not Found            | Yahoo chart API refused DDOG: HTTP 404 Not Found — No data found, symbol may be delisted",
            "chart-error-bad-interval.HTTP400.json | 400 | Bad Request          | Yahoo chart API refused DDOG: HTTP 400 Bad Request — Invalid input - interval=7d is not supported.",
            "chart-error-1m-range.HTTP422.json     | 422 | Unprocessable Entity | Yahoo chart API refused DDOG: HTTP 422 Unprocessable Entity — 1m data not available for startTime=1642289894"})
    void namesTheSymbolStatusAndYahoosErrorWhenRefused(String file, int status, String code, String message) {
        YahooChartException refusal = catchThrowableOfType(YahooChartException.class,
                () -> api.parse("DDOG", LocalDate.of(2020, 12, 1), status, read(file)));

        assertThat(refusal).hasMessageStartingWith(message);
        assertThat(refusal.getSymbol()).isEqualTo("DDOG");
        assertThat(refusal.getHttpStatus()).isEqualTo(status);
        assertThat(refusal.getYahooCode()).isEqualTo(code);
        assertThat(refusal.getYahooDescription()).isNotBlank();
        assertThat(refusal.isRetryable()).isFalse();
    }

    // --- built answers (src/test/resources/yahoo/built/README.md) ---

    @Test
    void keepsTheRegularSessionOfAFullDayAndLeavesOutTheBarAddedAfterTheClose() {
        List<Bar> bars = api.parse("NFLX", NFLX_DAY, 200, read("built/chart-1m-NFLX-2025-12-05-full-day.json"));

        assertThat(bars).hasSize(389).allSatisfy(bar -> {
            assertThat(bar.name()).isEqualTo("NFLX");
            assertThat(bar.ts().getOffset()).isEqualTo(EST);
        });
        assertThat(bars.get(0)).isEqualTo(new Bar("NFLX", OffsetDateTime.of(NFLX_DAY, LocalTime.of(9, 30), EST),
                103.33627319335938, 103.16363525390625));
        assertThat(bars.get(bars.size() - 1)).isEqualTo(new Bar("NFLX", OffsetDateTime.of(NFLX_DAY, LocalTime.of(15, 59), EST),
                103.65496063232422, 103.46835327148438));
        assertThat(bars).extracting(bar -> bar.ts().toLocalTime())
                .doesNotContain(LocalTime.NOON, LocalTime.of(16, 0))
                .isSorted();
    }

    @Test
    void showsSummerTimeWithItsOwnOffset() {
        List<Bar> bars = api.parse("AAPL", LocalDate.of(2025, 6, 16), 200, read("built/chart-1m-AAPL-2025-06-16-summer.json"));

        assertThat(bars).extracting(bar -> bar.ts().toLocalTime().toString())
                .containsExactly("09:30", "09:31", "09:32", "09:33", "09:34", "15:58", "15:59");
        assertThat(bars).allSatisfy(bar -> assertThat(bar.ts().getOffset()).isEqualTo(EDT));
        assertThat(BarJson.format(bars.get(0)))
                .isEqualTo("{\"high\": 197.64353942871094, \"low\": 197.52325439453125, \"ts\": \"2025-06-16 09:30:00-04:00\", \"name\": \"AAPL\"}");
    }

    @Test
    void appliesTheSessionHoursOfAnotherDayToTheRequestedDay() {
        LocalDate friday = LocalDate.of(2025, 6, 13);

        List<Bar> bars = api.parse("AAPL", friday, 200, read("built/chart-1m-AAPL-2025-06-13-regular-period-of-another-day.json"));

        assertThat(bars).extracting(Bar::ts).containsExactly(
                OffsetDateTime.of(friday, LocalTime.of(9, 30), EDT), OffsetDateTime.of(friday, LocalTime.of(15, 59), EDT));
    }

    @Test
    void keepsOnlyTheRequestedDay() {
        assertThat(api.parse("NFLX", NFLX_DAY.plusDays(1), 200, read("built/chart-1m-NFLX-2025-12-05-full-day.json"))).isEmpty();
    }

    @Test
    void aQuoteWithoutValuesIsAnEmptyDay() {
        assertThat(api.parse("AAPL", LocalDate.of(2025, 6, 14), 200, read("built/chart-1m-AAPL-2025-06-14-quote-empty-object.json")))
                .isEmpty();
    }

    @Test
    void saysSoWhenTheAnswerIsCutOff() {
        assertThatThrownBy(() -> api.parse("NFLX", NFLX_DAY, 200, read("built/chart-1m-NFLX-2025-12-05-truncated.json")))
                .isInstanceOf(YahooChartException.class)
                .hasMessageStartingWith("Yahoo chart API answer for NFLX (HTTP 200) is truncated JSON (Unexpected end-of-input");
    }

    @Test
    void saysSoWhenRateLimitedWithAPlainTextBody() {
        YahooChartException limited = catchThrowableOfType(YahooChartException.class,
                () -> api.parse("NFLX", NFLX_DAY, 429, read("built/too-many-requests.HTTP429.txt")));

        assertThat(limited).hasMessage("Yahoo chart API answer for NFLX (HTTP 429) is not JSON: Too Many Requests");
        assertThat(limited.getHttpStatus()).isEqualTo(429);
        assertThat(limited.getYahooCode()).isNull();
        assertThat(limited.isRetryable()).isTrue();
    }

    @Test
    void saysSoWhenTheResultHasNoMeta() {
        assertThatThrownBy(() -> api.parse("AAPL", LocalDate.of(2025, 6, 16), 200, read("built/chart-1m-AAPL-result-without-meta.json")))
                .isInstanceOf(YahooChartException.class)
                .hasMessage("Yahoo chart API answer for AAPL (HTTP 200) has a chart.result without meta");
    }

    // --- small shapes, inline because they are one line each ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200 | ''                                   | has an empty body",
            "200 | {\"chart\":{\"result\":[],\"error\":null}} | has no chart.result",
            "200 | {\"finance\":{\"error\":null}}        | has no chart.result",
            "502 | {\"chart\":{\"result\":null,\"error\":null}} | has no chart.error to explain it",
            "200 | {\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"Mars/Olympus\"},\"timestamp\":[1],\"indicators\":{\"quote\":[{\"high\":[1],\"low\":[1]}]}}]}} | has no usable meta.exchangeTimezoneName (\"Mars/Olympus\")",
            "200 | {\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"UTC\"},\"timestamp\":[1],\"indicators\":{\"quote\":[{\"high\":[1],\"low\":[1]}]}}]}} | cannot tell the regular session: meta has neither tradingPeriods nor currentTradingPeriod.regular",
            "200 | {\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"UTC\"},\"timestamp\":[1,2],\"indicators\":{\"quote\":[{\"high\":[1],\"low\":[1,2]}]}}]}} | has 1 high values for 2 timestamps",
            "200 | {\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"UTC\"},\"timestamp\":[1],\"indicators\":{\"quote\":[{\"open\":[1]}]}}]}} | has no indicators.quote[0].high array"})
    void explainsAnAnswerThatIsNotAChart(int status, String body, String fault) {
        assertThatThrownBy(() -> api.parse("AAPL", LocalDate.of(1970, 1, 1), status, body))
                .isInstanceOf(YahooChartException.class)
                .hasMessageStartingWith("Yahoo chart API answer for AAPL (HTTP " + status + ") " + fault);
    }
}
