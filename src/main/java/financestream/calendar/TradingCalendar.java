package financestream.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When the NYSE regular session is open: weekends, full-day holidays and 13:00 early closes for 2020-2027.
 * Immutable and thread-safe; one instance can serve the whole application.
 *
 * <p>Outside the covered years every method throws rather than guess: a wrong "open" would send the live route
 * polling a closed market, a wrong "closed" would silently skip a day of a backfill.
 */
public final class TradingCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2027;

    static final LocalTime OPEN = LocalTime.of(9, 30);
    static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private final Map<Integer, NyseSchedule> schedules = new HashMap<>();

    public TradingCalendar() {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            schedules.put(year, NyseSchedule.forYear(year));
        }
    }

    public boolean isTradingDay(LocalDate date) {
        return closedReason(date).isEmpty();
    }

    /** The regular session of that date in America/New_York, or empty when the market is closed all day. */
    public Optional<Session> session(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        LocalTime close = scheduleOf(date).earlyCloses().containsKey(date) ? EARLY_CLOSE : Session.REGULAR_CLOSE;
        return Optional.of(new Session(date, ZonedDateTime.of(date, OPEN, NEW_YORK),
                ZonedDateTime.of(date, close, NEW_YORK)));
    }

    /**
     * Why the market is closed all day: "Saturday", "Sunday", or the holiday's name ("Thanksgiving Day",
     * "Independence Day (observed)", ...), for a backfill to say which days it skipped.
     *
     * @throws IllegalArgumentException for a trading day, which has nothing to explain, or a year not covered
     */
    public String whyClosed(LocalDate date) {
        return closedReason(date).orElseThrow(() -> new IllegalArgumentException(
                date + " is an NYSE trading day; whyClosed() only explains closed days (check isTradingDay first)"));
    }

    /** True from the open (inclusive) to the close (exclusive) of a session: 09:30:00 is open, 16:00:00 is not. */
    public boolean isOpen(Instant instant) {
        LocalDate date = instant.atZone(NEW_YORK).toLocalDate();
        return session(date)
                .map(s -> !instant.isBefore(s.open().toInstant()) && instant.isBefore(s.close().toInstant()))
                .orElse(false);
    }

    /** The trading days from {@code from} to {@code to}, both inclusive, in order. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("tradingDays: 'from' " + from + " is after 'to' " + to);
        }
        requireCovered(from);
        requireCovered(to);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isTradingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private Optional<String> closedReason(LocalDate date) {
        NyseSchedule schedule = scheduleOf(date);
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return Optional.of(weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        return Optional.ofNullable(schedule.closures().get(date));
    }

    private NyseSchedule scheduleOf(LocalDate date) {
        requireCovered(date);
        return schedules.get(date.getYear());
    }

    private static void requireCovered(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("the trading calendar covers " + FIRST_YEAR + "–" + LAST_YEAR
                    + " and " + date + " is outside it; update financestream.calendar (NyseSchedule and"
                    + " TradingCalendar.LAST_YEAR) from NYSE's published holiday calendar,"
                    + " see README 'Keeping the calendar current'");
        }
    }
}
