package financestream.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * The NYSE's full-day closures and 13:00 early closes of one year: the stable rules of NYSE Rule 7.2, plus a table
 * of one-off closures the rules cannot predict.
 *
 * <p>Checked year by year against the schedules NYSE Group published (press releases of 2019-12-09, 2020-12-28,
 * 2021-12-27, 2022-12-21, 2024-11-08 and 2025-12-23, reprinted on mondovisione.com and businesswire.com):
 * <pre>
 * year  full-day closures (besides weekends)                                    early closes 13:00 ET
 * 2020  Jan 1, Jan 20, Feb 17, Apr 10, May 25, Jul 3 (obs.), Sep 7, Nov 26, Dec 25   Nov 27, Dec 24
 * 2021  Jan 1, Jan 18, Feb 15, Apr 2, May 31, Jul 5 (obs.), Sep 6, Nov 25, Dec 24 (obs.)  Nov 26
 * 2022  (no New Year's: Jan 1 is a Saturday, "no holiday observed, pursuant to NYSE Rule 7.2"),
 *       Jan 17, Feb 21, Apr 15, May 30, Jun 20 (Juneteenth obs.), Jul 4, Sep 5, Nov 24, Dec 26 (obs.)  Nov 25
 * 2023  Jan 2 (obs.), Jan 16, Feb 20, Apr 7, May 29, Jun 19, Jul 4, Sep 4, Nov 23, Dec 25      Jul 3, Nov 24
 * 2024  Jan 1, Jan 15, Feb 19, Mar 29, May 27, Jun 19, Jul 4, Sep 2, Nov 28, Dec 25     Jul 3, Nov 29, Dec 24
 * 2025  Jan 1, Jan 9 (mourning, Carter), Jan 20, Feb 17, Apr 18, May 26, Jun 19, Jul 4, Sep 1, Nov 27, Dec 25
 *                                                                                       Jul 3, Nov 28, Dec 24
 * 2026  Jan 1, Jan 19, Feb 16, Apr 3, May 25, Jun 19, Jul 3 (obs.), Sep 7, Nov 26, Dec 25   Nov 27, Dec 24
 * 2027  Jan 1, Jan 18, Feb 15, Mar 26, May 31, Jun 18 (obs.), Jul 5 (obs.), Sep 6, Nov 25, Dec 24 (obs.)  Nov 26
 * </pre>
 * The 2025-01-09 closure was announced by NYSE Group and Nasdaq on 2024-12-30 for the National Day of Mourning for
 * President Jimmy Carter. The 2026-2028 release also confirms that Saturday 2028-01-01 brings no closure on
 * Friday 2027-12-31.
 */
final class NyseSchedule {

    /**
     * Closures no rule predicts (national days of mourning, emergencies). Add each one here when NYSE announces it;
     * the rules below cannot know them.
     */
    private static final Map<LocalDate, String> ONE_OFF_CLOSURES = Map.of(
            LocalDate.of(2025, 1, 9), "National Day of Mourning for President Jimmy Carter");

    /** Early closes no rule predicts; none announced for 2020-2027 so far. */
    private static final Map<LocalDate, String> ONE_OFF_EARLY_CLOSES = Map.of();

    private final Map<LocalDate, String> closures = new TreeMap<>();
    private final Map<LocalDate, String> earlyCloses = new TreeMap<>();

    private NyseSchedule(int year) {
        addNewYearsDay(year);
        closures.put(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King, Jr. Day");
        closures.put(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday");
        closures.put(EasterSunday.of(year).minusDays(2), "Good Friday");
        closures.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Memorial Day");
        // Juneteenth became a federal holiday in June 2021, too late for NYSE's 2021 schedule; first closed in 2022.
        if (year >= 2022) {
            addObserved(LocalDate.of(year, Month.JUNE, 19), "Juneteenth National Independence Day");
        }
        addObserved(LocalDate.of(year, Month.JULY, 4), "Independence Day");
        closures.put(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
        LocalDate thanksgiving = nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
        closures.put(thanksgiving, "Thanksgiving Day");
        addObserved(LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        ONE_OFF_CLOSURES.forEach((date, why) -> {
            if (date.getYear() == year) {
                closures.put(date, why);
            }
        });

        // A July 3rd or Christmas Eve on a Friday is itself the observed holiday, and on a weekend there is nothing
        // to shorten; only Monday-Thursday ones are half days (matches every published year 2020-2027).
        addEarlyCloseIfMondayToThursday(LocalDate.of(year, Month.JULY, 3), "Day before Independence Day");
        earlyCloses.put(thanksgiving.plusDays(1), "Day after Thanksgiving");
        addEarlyCloseIfMondayToThursday(LocalDate.of(year, Month.DECEMBER, 24), "Christmas Eve");
        ONE_OFF_EARLY_CLOSES.forEach((date, why) -> {
            if (date.getYear() == year) {
                earlyCloses.put(date, why);
            }
        });
    }

    static NyseSchedule forYear(int year) {
        return new NyseSchedule(year);
    }

    /** Weekday closures of the year, each with the name NYSE gives it. */
    Map<LocalDate, String> closures() {
        return closures;
    }

    /** Trading days that end at 13:00 ET, each with its reason. */
    Map<LocalDate, String> earlyCloses() {
        return earlyCloses;
    }

    /**
     * NYSE Rule 7.2 moves a Sunday New Year's Day to Monday but, unlike other holidays, does not move a Saturday one
     * to Friday December 31st: that Friday ends the accounting year, so the market stays open.
     */
    private void addNewYearsDay(int year) {
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        switch (newYear.getDayOfWeek()) {
            case SATURDAY -> { }
            case SUNDAY -> closures.put(newYear.plusDays(1), "New Year's Day (observed)");
            default -> closures.put(newYear, "New Year's Day");
        }
    }

    /** A holiday on a Saturday is observed on the Friday before, one on a Sunday on the Monday after. */
    private void addObserved(LocalDate holiday, String name) {
        switch (holiday.getDayOfWeek()) {
            case SATURDAY -> closures.put(holiday.minusDays(1), name + " (observed)");
            case SUNDAY -> closures.put(holiday.plusDays(1), name + " (observed)");
            default -> closures.put(holiday, name);
        }
    }

    private void addEarlyCloseIfMondayToThursday(LocalDate date, String why) {
        if (date.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
            earlyCloses.put(date, why);
        }
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }
}
