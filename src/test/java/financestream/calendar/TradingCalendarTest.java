package financestream.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingCalendarTest {

    private final TradingCalendar calendar = new TradingCalendar();

    @Test
    void theBundledReferenceDayIsARegularSession() {
        Session session = calendar.session(LocalDate.of(2020, 12, 1)).orElseThrow();

        assertThat(session.open()).hasToString("2020-12-01T09:30-05:00[America/New_York]");
        assertThat(session.close()).hasToString("2020-12-01T16:00-05:00[America/New_York]");
        assertThat(session.isEarlyClose()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2020, 2020-04-12", "2021, 2021-04-04", "2022, 2022-04-17", "2023, 2023-04-09",
                "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28"})
    void goodFridayIsTwoDaysBeforeEaster(int year, LocalDate easter) {
        assertThat(EasterSunday.of(year)).isEqualTo(easter);
        assertThat(calendar.whyClosed(easter.minusDays(2))).isEqualTo("Good Friday");
        assertThat(calendar.isTradingDay(easter.minusDays(3))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2021-12-31 | true  | New Year's Day 2022 is a Saturday: NYSE does not close the Friday before",
            "2022-06-20 | false | Juneteenth on a Sunday is observed Monday",
            "2027-12-24 | false | Christmas on a Saturday is observed Friday",
            "2027-12-31 | true  | New Year's Day 2028 is a Saturday: again no closure",
            "2021-06-18 | true  | Juneteenth was not yet an NYSE holiday in 2021",
            "2023-01-02 | false | New Year's Day on a Sunday is observed Monday",
            "2026-07-03 | false | Independence Day on a Saturday is observed Friday"})
    void observanceShifts(LocalDate date, boolean tradingDay, String why) {
        assertThat(calendar.isTradingDay(date)).as(why).isEqualTo(tradingDay);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-28 | Saturday",
            "2026-11-29 | Sunday",
            "2026-11-26 | Thanksgiving Day",
            "2022-06-20 | Juneteenth National Independence Day (observed)",
            "2027-12-24 | Christmas Day (observed)",
            "2025-01-09 | National Day of Mourning for President Jimmy Carter",
            "2022-01-01 | Saturday"})
    void whyClosedNamesTheReason(LocalDate date, String reason) {
        assertThat(calendar.whyClosed(date)).isEqualTo(reason);
    }

    @Test
    void whyClosedRefusesATradingDay() {
        assertThatThrownBy(() -> calendar.whyClosed(LocalDate.of(2026, 11, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-20 is an NYSE trading day");
    }

    @ParameterizedTest
    @CsvSource({"2025-07-03, 2025-07-03T13:00-04:00", "2026-11-27, 2026-11-27T13:00-05:00",
                "2026-12-24, 2026-12-24T13:00-05:00"})
    void earlyClosesEndAtOnePm(LocalDate date, String close) {
        Session session = calendar.session(date).orElseThrow();

        assertThat(session.isEarlyClose()).isTrue();
        assertThat(session.close().toOffsetDateTime()).hasToString(close);
        assertThat(calendar.isOpen(session.close().minusSeconds(1).toInstant())).isTrue();
        assertThat(calendar.isOpen(session.close().toInstant())).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // last Friday of winter time, the Monday after clocks spring forward (Sunday 2026-03-08)
            "2026-03-06, 2026-03-06T14:30:00Z, -05:00",
            "2026-03-09, 2026-03-09T13:30:00Z, -04:00",
            // last Friday of summer time, the Monday after clocks fall back (Sunday 2026-11-01)
            "2026-10-30, 2026-10-30T13:30:00Z, -04:00",
            "2026-11-02, 2026-11-02T14:30:00Z, -05:00"})
    void sessionsCarryTheOffsetOfTheirOwnDate(LocalDate date, Instant open, String offset) {
        Session session = calendar.session(date).orElseThrow();

        assertThat(session.open().toInstant()).isEqualTo(open);
        assertThat(session.open().getOffset()).isEqualTo(ZoneOffset.of(offset));
        assertThat(session.close().toInstant()).isEqualTo(open.plusSeconds(6 * 3600 + 1800));
    }

    @Test
    void theClockChangeSundaysAreClosed() {
        assertThat(calendar.session(LocalDate.of(2026, 3, 8))).isEmpty();
        assertThat(calendar.session(LocalDate.of(2026, 11, 1))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"09:29:59, false", "09:30:00, true", "15:59:59, true", "16:00:00, false"})
    void isOpenFromTheOpenInclusiveToTheCloseExclusive(String newYorkTime, boolean open) {
        assertThat(calendar.isOpen(newYork("2026-11-20T" + newYorkTime))).isEqualTo(open);
        assertThat(calendar.isOpen(newYork("2026-07-20T" + newYorkTime))).as("in summer time").isEqualTo(open);
    }

    @Test
    void isOpenIsFalseAllDayOnAHolidayAndAWeekend() {
        assertThat(calendar.isOpen(newYork("2026-11-26T11:00:00"))).isFalse();
        assertThat(calendar.isOpen(newYork("2026-11-21T11:00:00"))).isFalse();
    }

    @Test
    void isOpenStopsAtOnePmOnAnEarlyClose() {
        assertThat(calendar.isOpen(newYork("2026-11-27T12:59:59"))).isTrue();
        assertThat(calendar.isOpen(newYork("2026-11-27T13:00:00"))).isFalse();
        assertThat(calendar.isOpen(newYork("2026-11-27T15:00:00"))).isFalse();
    }

    @Test
    void tradingDaysSkipsWeekendsAndHolidays() {
        assertThat(calendar.tradingDays(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 30)))
                .containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24),
                        LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 30));
    }

    @Test
    void tradingDaysRefusesAnInvertedRange() {
        assertThatThrownBy(() -> calendar.tradingDays(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-30 is after 'to' 2026-11-20");
    }

    @ParameterizedTest
    @CsvSource({"2019-12-31", "2028-01-03"})
    void yearsOutsideTheCoveredRangeAreRefused(LocalDate date) {
        assertThatThrownBy(() -> calendar.isTradingDay(date))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the trading calendar covers 2020–2027")
                .hasMessageContaining(date.toString())
                .hasMessageContaining("update financestream.calendar")
                .hasMessageContaining("README 'Keeping the calendar current'");
        assertThatThrownBy(() -> calendar.session(date)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.whyClosed(date)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.isOpen(newYork(date + "T10:00:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.tradingDays(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 1, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TradingCalendar.NEW_YORK).toInstant();
    }
}
