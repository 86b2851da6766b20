package financestream.analyze;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import financestream.calendar.Session;
import financestream.calendar.TradingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When live mode's scheduled analysis has something new to answer: today is a trading day and now is between the
 * open and {@code afterClose} after the close (16:00, or 13:00 on an early close). The quartz cron
 * ({@code schedule.analyze-cron}) decides the minutes; the calendar, not the cron, knows the session.
 */
public final class AnalyzeWindow {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeWindow.class);

    private final TradingCalendar calendar;
    private final Clock clock;
    private final ZoneId exchangeZone;
    private final Duration afterClose;

    public AnalyzeWindow(TradingCalendar calendar, Clock clock, ZoneId exchangeZone, Duration afterClose) {
        this.calendar = calendar;
        this.clock = clock;
        this.exchangeZone = exchangeZone;
        this.afterClose = afterClose;
    }

    public boolean isOpen() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, exchangeZone);
        Optional<Session> session = calendar.session(today);
        if (session.isEmpty()) {
            LOG.debug("Live analysis idle: {} the market is closed ({})", today, calendar.whyClosed(today));
            return false;
        }
        boolean open = !now.isBefore(session.get().open().toInstant())
                && !now.isAfter(session.get().close().toInstant().plus(afterClose));
        if (!open) {
            LOG.debug("Live analysis idle: {} is outside today's session {}–{} (+{} min)", now,
                    session.get().open().toLocalTime(), session.get().close().toLocalTime(), afterClose.toMinutes());
        }
        return open;
    }
}
