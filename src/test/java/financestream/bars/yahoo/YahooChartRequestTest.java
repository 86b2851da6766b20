package financestream.bars.yahoo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YahooChartRequestTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final YahooChartApi api = new YahooChartApi();

    @Test
    void asksForOneDayFromMidnightToMidnightInTheExchangesZone() {
        assertThat(api.query(LocalDate.of(2020, 12, 1), "1m", NEW_YORK))
                .isEqualTo("period1=1606798800&period2=1606885200&interval=1m&includePrePost=false&events=div%2Csplits");
    }

    @Test
    void asksForTwentyThreeHoursOnTheDayClocksGoForward() {
        assertThat(api.query(LocalDate.of(2025, 3, 9), "1m", NEW_YORK)).startsWith("period1=1741496400&period2=1741579200&");
    }

    @Test
    void usesTheExchangesOwnMidnight() {
        assertThat(api.query(LocalDate.of(2017, 11, 16), "5m", ZoneId.of("Europe/London")))
                .startsWith("period1=1510790400&period2=1510876800&interval=5m&");
    }

    @Test
    void refusesAnIntervalYahooDoesNotServe() {
        assertThatThrownBy(() -> api.query(LocalDate.of(2020, 12, 1), "7d", NEW_YORK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a Yahoo chart interval: \"7d\"");
    }

    @ParameterizedTest
    @CsvSource({"DDOG, /v8/finance/chart/DDOG", "BRK-B, /v8/finance/chart/BRK-B", "BARC.L, /v8/finance/chart/BARC.L",
            "^GSPC, /v8/finance/chart/%5EGSPC", "EURUSD=X, /v8/finance/chart/EURUSD%3DX"})
    void putsTheEncodedSymbolInThePath(String symbol, String path) {
        assertThat(api.path(symbol)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DD OG", "DDOG/../../v1", "DDOG?range=max", "DDOG&x=1", "ÄPFEL", "ABCDEFGHIJKLMNOP", "DDOG\n"})
    void refusesSomethingThatIsNotASymbolBeforeItReachesAUrl(String symbol) {
        assertThatThrownBy(() -> api.path(symbol))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a Yahoo symbol: ")
                .hasMessageContaining("1 to 15 letters, digits");
        assertThatThrownBy(() -> api.parse(symbol, LocalDate.of(2020, 12, 1), 200, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANullSymbol() {
        assertThatThrownBy(() -> api.path(null)).hasMessageStartingWith("Not a Yahoo symbol: null");
    }
}
