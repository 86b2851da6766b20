package financestream.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * One regular NYSE session, in America/New_York, so {@code open.getOffset()} is that date's own offset
 * (-05:00 in winter, -04:00 in summer). {@code close} is exclusive: the last 1-minute bar starts a minute before it.
 */
public record Session(LocalDate date, ZonedDateTime open, ZonedDateTime close) {

    static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    /** True on the 13:00 ET half days (day after Thanksgiving, most July 3rds and Christmas Eves). */
    public boolean isEarlyClose() {
        return close.toLocalTime().isBefore(REGULAR_CLOSE);
    }
}
