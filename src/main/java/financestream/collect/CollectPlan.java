package financestream.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import financestream.bars.Bar;
import financestream.bars.SymbolAliases;
import financestream.calendar.DateRange;
import financestream.calendar.Session;
import financestream.calendar.TradingCalendar;
import financestream.calendar.YahooInterval;
import financestream.calendar.YahooIntradayLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one collect run asks for: which symbols and days, as requests Yahoo accepts. Everything that can be known
 * before the first request is checked here, so a wrong date fails with a clear message and no request is sent.
 *
 * <ul>
 *   <li>backfill of one date ({@code finance.date}): refused when the market was closed, the date is in the future,
 *       or Yahoo no longer serves it at the interval;</li>
 *   <li>backfill of a range ({@code finance.from}..{@code finance.to}): closed days are skipped and named; the
 *       range is cut into requests Yahoo accepts (at most 8 days for 1m);</li>
 *   <li>live: today in New York, while the session is open (and a few minutes after its close, for the last bar).</li>
 * </ul>
 */
public class CollectPlan {

    private static final Logger LOG = LoggerFactory.getLogger(CollectPlan.class);

    private final List<String> symbols;
    private final LocalDate date;
    private final LocalDate from;
    private final LocalDate to;
    private final String interval;
    private final Duration barLength;
    private final boolean fromYahoo;
    private final SymbolAliases aliases;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final Duration afterClose;

    /**
     * @param from       first day of a range, or null for the single {@code date}
     * @param afterClose how long live mode keeps polling after the close, to pick up the session's last bar
     * @throws IllegalArgumentException naming the setting at fault
     */
    public CollectPlan(String symbols, LocalDate date, LocalDate from, LocalDate to, String interval, String source,
                       SymbolAliases aliases, TradingCalendar calendar, Clock clock, Duration afterClose) {
        this.symbols = parseSymbols(symbols);
        this.date = date;
        this.from = from;
        this.to = to;
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("settings finance.from and finance.to: give both or neither");
        }
        if (from != null && to.isBefore(from)) {
            throw new IllegalArgumentException("settings finance.from " + from + " is after finance.to " + to);
        }
        this.interval = YahooInterval.fromCode(interval).code();
        this.barLength = barLength(this.interval);
        this.fromYahoo = switch (source) {
            case "yahoo" -> true;
            case "replay", "replay-stream" -> false;
            default -> throw new IllegalArgumentException("setting finance.source must be 'yahoo', 'replay' or "
                    + "'replay-stream', was '"
                    + source + "'");
        };
        this.aliases = aliases;
        this.calendar = calendar;
        this.clock = clock;
        this.afterClose = afterClose;
    }

    /**
     * The one-shot run's requests: one date or a range, checked before any request.
     *
     * @throws IllegalArgumentException naming the date and why it cannot be collected
     */
    public List<BarRequest> backfillRequests() {
        LocalDate today = today();
        if (from == null) {
            requireCollectable(date, today);
            if (!calendar.isTradingDay(date)) {
                throw new IllegalArgumentException(date + " is not a trading day (" + calendar.whyClosed(date)
                        + "): the NYSE was closed, there are no bars to collect");
            }
            return requests(List.of(date));
        }
        requireCollectable(to, today);
        requireCollectable(from, today);
        List<LocalDate> skipped = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!calendar.isTradingDay(day)) {
                skipped.add(day);
            }
        }
        if (!skipped.isEmpty()) {
            LOG.info("Skipping {} day(s) the NYSE was closed: {}", skipped.size(), String.join(", ",
                    skipped.stream().map(d -> d + " (" + calendar.whyClosed(d) + ")").toList()));
        }
        List<LocalDate> days = calendar.tradingDays(from, to);
        if (days.isEmpty()) {
            LOG.warn("{}..{} holds no trading day: nothing to collect", from, to);
        }
        return requests(days);
    }

    /** Live mode: today's requests (today in New York). */
    public List<BarRequest> liveRequests() {
        return requests(List.of(today()));
    }

    /**
     * Whether a live poll now has anything to collect: today is a trading day and now is after the open and at most
     * {@code afterClose} after the close (an early close ends at 13:00). The quartz cron decides the minutes; this
     * check keeps it idle on holidays, weekends and after an early close.
     */
    public boolean isLiveWindow() {
        Instant now = clock.instant();
        LocalDate today = today();
        Optional<Session> session = calendar.session(today);
        if (session.isEmpty()) {
            LOG.debug("Live collect idle: {} the market is closed ({})", today, calendar.whyClosed(today));
            return false;
        }
        boolean open = now.isAfter(session.get().open().toInstant())
                && !now.isAfter(session.get().close().toInstant().plus(afterClose));
        if (!open) {
            LOG.debug("Live collect idle: {} is outside today's session {}–{}", now, session.get().open().toLocalTime(),
                    session.get().close().toLocalTime());
        }
        return open;
    }

    /**
     * A bar is final once its interval has ended; the bar of the current minute still changes and is left for the
     * next poll (sending it now would record a high and low that never were the minute's).
     */
    public boolean isFinished(Bar bar) {
        return isFinished(bar, clock.instant());
    }

    /** Whether the bar's interval had ended at {@code askedAt}, the moment its source was asked. */
    public boolean isFinished(Bar bar, Instant askedAt) {
        return !bar.ts().toInstant().plus(barLength).isAfter(askedAt);
    }

    /** The app's clock now. */
    public Instant now() {
        return clock.instant();
    }

    public List<String> symbols() {
        return symbols;
    }

    private List<BarRequest> requests(List<LocalDate> days) {
        LocalDate today = today();
        List<DateRange> chunks = days.isEmpty() ? List.of()
                : fromYahoo ? YahooIntradayLimits.splitForRequests(days.get(0), days.get(days.size() - 1), interval)
                : days.stream().map(d -> new DateRange(d, d)).toList();
        List<BarRequest> requests = new ArrayList<>();
        for (String symbol : symbols) {
            // Yahoo files a renamed company's whole history under its new symbol: ask with today's name
            String yahooSymbol = fromYahoo ? aliases.yahooSymbol(symbol, today) : symbol;
            for (DateRange chunk : chunks) {
                List<LocalDate> inChunk = days.stream()
                        .filter(d -> !d.isBefore(chunk.from()) && !d.isAfter(chunk.to())).toList();
                if (!inChunk.isEmpty()) {
                    // no wider than its trading days: a closed day at either end costs Yahoo nothing to skip
                    DateRange asked = new DateRange(inChunk.get(0), inChunk.get(inChunk.size() - 1));
                    requests.add(new BarRequest(symbol, yahooSymbol, asked, inChunk));
                }
            }
        }
        return requests;
    }

    private void requireCollectable(LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new IllegalArgumentException(day + " is in the future (today in New York is " + today
                    + "): there are no bars for it yet");
        }
        if (fromYahoo) {
            YahooIntradayLimits.validateServed(day, interval, clock);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TradingCalendar.NEW_YORK));
    }

    private static List<String> parseSymbols(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("setting finance.symbols is empty: name at least one ticker");
        }
        LinkedHashSet<String> symbols = new LinkedHashSet<>();
        for (String raw : setting.split(",")) {
            try {
                symbols.add(SymbolAliases.validSymbol(raw));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("setting finance.symbols: " + e.getMessage());
            }
        }
        return List.copyOf(symbols);
    }

    static Duration barLength(String interval) {
        String unit = interval.replaceAll("[0-9]", "");
        long count = Long.parseLong(interval.replaceAll("[^0-9]", ""));
        return switch (unit) {
            case "m" -> Duration.ofMinutes(count);
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            case "wk" -> Duration.ofDays(7 * count);
            default -> Duration.ofDays(31 * count); // mo: only the "not yet finished" check uses it
        };
    }

    @Override
    public String toString() {
        return "symbols " + Arrays.toString(symbols.toArray()) + ", interval " + interval;
    }
}
