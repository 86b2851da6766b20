package financestream.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class YahooIntradayLimitsTest {

    /** Thanksgiving 2026, 10:00 in New York. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRecentDateIsServedAtOneMinute() {
        assertThatCode(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 11, 20), "1m", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void todayIsServedForLiveCollection() {
        assertThatCode(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 11, 26), "1m", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aDateOlderThanThirtyDaysIsRefusedForOneMinuteBars() {
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 10, 1), "1m", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-01 is too old for 1m bars")
                .hasMessageContaining("about the last 30 days")
                .hasMessageContaining("oldest date it serves now is 2026-10-28");
    }

    @Test
    void theThirtyDayEdgeIsWhereYahooWouldCutPeriod1() {
        // now - 30 days = 2026-10-27 11:00 New York: that day's midnight is already outside the window
        assertThat(YahooIntradayLimits.oldestServedDate(YahooInterval.ONE_MINUTE, NOW))
                .isEqualTo(LocalDate.of(2026, 10, 28));
        assertThatCode(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 10, 28), "1m", NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 10, 27), "1m", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coarserIntervalsReachFurtherBack() {
        assertThatCode(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 10, 1), "5m", NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 9, 1), "5m", NOW))
                .hasMessageContaining("about the last 60 days");
        assertThatCode(() -> YahooIntradayLimits.validateServed(LocalDate.of(2025, 1, 2), "1h", NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2024, 11, 1), "60m", NOW))
                .hasMessageContaining("about the last 730 days");
        assertThatCode(() -> YahooIntradayLimits.validateServed(LocalDate.of(2020, 12, 1), "1d", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aFutureDateIsRefused() {
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 11, 27), "1m", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-27 is in the future (today in New York is 2026-11-26)");
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 11, 27), "1d", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void todayIsTheNewYorkDateNotTheUtcDate() {
        // 2026-11-27 02:00 UTC is still the evening of 2026-11-26 in New York
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 11, 27), "1m", lateEvening))
                .hasMessageContaining("in the future");
    }

    @Test
    void anUnknownIntervalIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> YahooIntradayLimits.validateServed(LocalDate.of(2026, 11, 20), "1s", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval '1s' is not one Yahoo serves")
                .hasMessageContaining("1m, 2m, 5m");
    }

    @Test
    void twentyDaysOfOneMinuteBarsTakeThreeRequests() {
        List<DateRange> requests = YahooIntradayLimits.splitForRequests(
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 21), "1m");

        assertThat(requests).containsExactly(
                new DateRange(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9)),
                new DateRange(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17)),
                new DateRange(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 21)));
        assertThat(requests).extracting(DateRange::days).containsExactly(8L, 8L, 4L);
        assertThat(requests.get(0).period1()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
        assertThat(requests.get(0).period2()).isEqualTo(Instant.parse("2026-11-10T05:00:00Z"));
    }

    @Test
    void aRangeOverTheAutumnClockChangeIsCutSoItsSpanStaysWithinEightDays() {
        List<DateRange> requests = YahooIntradayLimits.splitForRequests(
                LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 14), "1m");

        // 2026-10-28..11-04 would span 8 days and 1 hour, because 2026-11-01 has 25 hours
        assertThat(requests.get(0)).isEqualTo(new DateRange(LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 3)));
        assertThat(requests).allSatisfy(r -> assertThat(r.span()).isLessThanOrEqualTo(Duration.ofDays(8)));
        assertCoversWithoutGapsOrOverlaps(requests, LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 14));
    }

    @Test
    void aRangeOverTheSpringClockChangeKeepsEightDays() {
        List<DateRange> requests = YahooIntradayLimits.splitForRequests(
                LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12), "1m");

        assertThat(requests).containsExactly(new DateRange(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12)));
        assertThat(requests.get(0).span()).isEqualTo(Duration.ofDays(8).minusHours(1));
    }

    @Test
    void otherIntervalsSplitByTheirOwnCap() {
        assertThat(YahooIntradayLimits.splitForRequests(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 25), "5m"))
                .extracting(DateRange::days).containsExactly(60L, 26L);
        assertThat(YahooIntradayLimits.splitForRequests(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 25), "1d"))
                .containsExactly(new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 25)));
        assertThat(YahooIntradayLimits.splitForRequests(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), "1m"))
                .containsExactly(new DateRange(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)));
    }

    @Test
    void anInvertedRangeIsRefused() {
        assertThatThrownBy(() -> YahooIntradayLimits.splitForRequests(
                LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 2), "1m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'from' 2026-11-21 is after 'to' 2026-11-02");
    }

    private static void assertCoversWithoutGapsOrOverlaps(List<DateRange> ranges, LocalDate from, LocalDate to) {
        assertThat(ranges.get(0).from()).isEqualTo(from);
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(to);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to().plusDays(1));
        }
    }
}
