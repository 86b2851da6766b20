package financestream.analyze;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import financestream.calendar.TradingCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled analysis runs from the open to 15 minutes after the close, as the NYSE calendar has them. */
class AnalyzeWindowTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-11-20T09:25:00-05:00, false, before the open",
            "2026-11-20T09:30:00-05:00, true, at the open",
            "2026-11-20T12:05:00-05:00, true, midday",
            "2026-11-20T16:15:00-05:00, true, 15 minutes after the close",
            "2026-11-20T16:20:00-05:00, false, after that",
            "2026-11-27T13:10:00-05:00, true, after an early close (13:00), within 15 minutes",
            "2026-11-27T14:00:00-05:00, false, an hour after an early close",
            "2026-11-26T12:00:00-05:00, false, Thanksgiving",
            "2026-11-21T12:00:00-05:00, false, a Saturday",
    })
    void isOpenFromTheOpenToAFewMinutesAfterTheClose(String now, boolean open, String why) {
        AnalyzeWindow window = new AnalyzeWindow(new TradingCalendar(),
                Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneOffset.UTC), TradingCalendar.NEW_YORK,
                Duration.ofMinutes(15));
        assertThat(window.isOpen()).as(why).isEqualTo(open);
    }
}
