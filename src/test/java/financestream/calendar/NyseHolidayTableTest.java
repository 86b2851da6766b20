package financestream.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every weekday closure and early close of every covered year, typed in from NYSE Group's published holiday
 * calendars (press releases 2019-12-09, 2020-12-28, 2021-12-27, 2022-12-21, 2024-11-08, 2025-12-23) rather than
 * derived from the rules, so a rule mistake shows up as a difference here.
 */
class NyseHolidayTableTest {

    private static final Map<Integer, String> PUBLISHED_CLOSURES = Map.of(
            2020, "01-01 01-20 02-17 04-10 05-25 07-03 09-07 11-26 12-25",
            2021, "01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24",
            2022, "01-17 02-21 04-15 05-30 06-20 07-04 09-05 11-24 12-26",
            2023, "01-02 01-16 02-20 04-07 05-29 06-19 07-04 09-04 11-23 12-25",
            2024, "01-01 01-15 02-19 03-29 05-27 06-19 07-04 09-02 11-28 12-25",
            2025, "01-01 01-09 01-20 02-17 04-18 05-26 06-19 07-04 09-01 11-27 12-25",
            2026, "01-01 01-19 02-16 04-03 05-25 06-19 07-03 09-07 11-26 12-25",
            2027, "01-01 01-18 02-15 03-26 05-31 06-18 07-05 09-06 11-25 12-24");

    private static final Map<Integer, String> PUBLISHED_EARLY_CLOSES = Map.of(
            2020, "11-27 12-24",
            2021, "11-26",
            2022, "11-25",
            2023, "07-03 11-24",
            2024, "07-03 11-29 12-24",
            2025, "07-03 11-28 12-24",
            2026, "11-27 12-24",
            2027, "11-26");

    private final TradingCalendar calendar = new TradingCalendar();

    @ParameterizedTest
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
    void weekdayClosuresMatchThePublishedCalendar(int year) {
        Set<LocalDate> closedWeekdays = new TreeSet<>();
        for (LocalDate day : daysOf(year)) {
            if (!isWeekend(day) && !calendar.isTradingDay(day)) {
                closedWeekdays.add(day);
            }
        }
        assertThat(closedWeekdays).containsExactlyElementsOf(dates(year, PUBLISHED_CLOSURES.get(year)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
    void earlyClosesMatchThePublishedCalendar(int year) {
        Set<LocalDate> earlyCloses = new TreeSet<>();
        for (LocalDate day : daysOf(year)) {
            calendar.session(day).filter(Session::isEarlyClose).ifPresent(s -> earlyCloses.add(s.date()));
        }
        assertThat(earlyCloses).containsExactlyElementsOf(dates(year, PUBLISHED_EARLY_CLOSES.get(year)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
    void weekendsAreNeverTradingDays(int year) {
        for (LocalDate day : daysOf(year)) {
            if (isWeekend(day)) {
                assertThat(calendar.isTradingDay(day)).as(day.toString()).isFalse();
            }
        }
    }

    private static Iterable<LocalDate> daysOf(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))::iterator;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Set<LocalDate> dates(int year, String monthDays) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String monthDay : monthDays.split(" ")) {
            dates.add(LocalDate.parse(year + "-" + monthDay));
        }
        return dates;
    }
}
