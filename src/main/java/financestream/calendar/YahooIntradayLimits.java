package financestream.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against what Yahoo serves before it is sent, so a user gets a clear message instead of a 422
 * (see {@link YahooInterval} for where each figure comes from).
 *
 * <p>Not checked here: whether the date is a trading day. That is {@link TradingCalendar}'s job, because a range
 * backfill skips closed days while a single-date backfill refuses them.
 */
public final class YahooIntradayLimits {

    private YahooIntradayLimits() {
    }

    /**
     * Refuses a date Yahoo cannot serve at this interval: one after today (New York time) or, for intraday
     * intervals, one whose start lies outside Yahoo's window ending now.
     *
     * @throws IllegalArgumentException naming the date, the interval and the limit
     */
    public static void validateServed(LocalDate date, String interval, Clock clock) {
        YahooInterval yahooInterval = YahooInterval.fromCode(interval);
        LocalDate today = LocalDate.now(clock.withZone(TradingCalendar.NEW_YORK));
        if (date.isAfter(today)) {
            throw new IllegalArgumentException(date + " is in the future (today in New York is " + today
                    + "): Yahoo has no " + interval + " bars for it yet");
        }
        if (!yahooInterval.hasHistoryLimit()) {
            return;
        }
        LocalDate oldest = oldestServedDate(yahooInterval, clock);
        if (date.isBefore(oldest)) {
            throw new IllegalArgumentException(date + " is too old for " + interval + " bars: Yahoo serves "
                    + interval + " only for about the last " + yahooInterval.historyDays() + " days, so the oldest date"
                    + " it serves now is " + oldest + " (today in New York is " + today + ", " + date + " is "
                    + ChronoUnit.DAYS.between(date, today) + " days back)" + coarserHint(yahooInterval));
        }
    }

    /**
     * The oldest date whose whole day lies inside Yahoo's window for this interval as of now: Yahoo compares the
     * request's period1 (that date's New York midnight) with now minus the window.
     */
    public static LocalDate oldestServedDate(YahooInterval interval, Clock clock) {
        if (!interval.hasHistoryLimit()) {
            throw new IllegalArgumentException("interval " + interval.code() + " has no history limit");
        }
        Instant windowStart = clock.instant().minus(Duration.ofDays(interval.historyDays()));
        ZonedDateTime inNewYork = windowStart.atZone(TradingCalendar.NEW_YORK);
        LocalDate day = inNewYork.toLocalDate();
        return inNewYork.equals(day.atStartOfDay(TradingCalendar.NEW_YORK)) ? day : day.plusDays(1);
    }

    /**
     * Splits {@code from}..{@code to} (inclusive) into consecutive ranges Yahoo accepts in one request each.
     *
     * <p>By calendar days, not trading days: Yahoo's cap is on period2 - period1 in seconds, so 8 trading days
     * (which span 10 or more calendar days) would be refused. A range whose span would exceed the cap because it
     * contains the autumn clock change (one 25-hour day) is cut one day shorter. Closed days inside a range cost
     * nothing but a little width; skipping them is {@link TradingCalendar}'s business.
     */
    public static List<DateRange> splitForRequests(LocalDate from, LocalDate to, String interval) {
        DateRange whole = new DateRange(from, to);
        YahooInterval yahooInterval = YahooInterval.fromCode(interval);
        if (!yahooInterval.hasRequestLimit()) {
            return List.of(whole);
        }
        Duration cap = Duration.ofDays(yahooInterval.maxDaysPerRequest());
        List<DateRange> chunks = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = earlier(to, start.plusDays(yahooInterval.maxDaysPerRequest() - 1L));
            while (new DateRange(start, end).span().compareTo(cap) > 0) {
                end = end.minusDays(1);
            }
            chunks.add(new DateRange(start, end));
            start = end.plusDays(1);
        }
        return chunks;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String coarserHint(YahooInterval interval) {
        return switch (interval) {
            case ONE_MINUTE -> "; pick a recent date, or a coarser interval (2m-90m reach about 60 days,"
                    + " 60m/1h about 730 days, 1d all history)";
            case SIXTY_MINUTES, ONE_HOUR -> "; pick a recent date, or interval 1d (all history)";
            default -> "; pick a recent date, or a coarser interval (60m/1h reach about 730 days, 1d all history)";
        };
    }
}
