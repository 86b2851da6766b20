package financestream.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Calendar days {@code from}..{@code to}, both inclusive, and the Yahoo request window covering them: from
 * midnight New York time at the start of {@code from} to midnight at the end of {@code to}.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date range: 'from' " + from + " is after 'to' " + to);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Yahoo's {@code period1}: the start of {@code from} in America/New_York. */
    public Instant period1() {
        return from.atStartOfDay(TradingCalendar.NEW_YORK).toInstant();
    }

    /** Yahoo's {@code period2}: the end of {@code to} (the next midnight) in America/New_York. */
    public Instant period2() {
        return to.plusDays(1).atStartOfDay(TradingCalendar.NEW_YORK).toInstant();
    }

    /** The elapsed time Yahoo measures against its per-request cap: 23 or 25 hours on the days clocks change. */
    public Duration span() {
        return Duration.between(period1(), period2());
    }
}
