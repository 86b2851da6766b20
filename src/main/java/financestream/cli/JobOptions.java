package financestream.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.Set;

import financestream.calendar.TradingCalendar;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What to collect: the options users know (--date, --from/--to, --symbols, --interval, --source, --live), turned
 * into the settings they stand for, applied over application.properties and the environment.
 */
public class JobOptions {

    /** Dates are the exchange's: "today" in New York, whatever the machine's zone. */
    static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    static final Set<String> SOURCES = Set.of("yahoo", "replay", "replay-stream");

    @Option(names = "--date", paramLabel = "DAY", converter = DayConverter.class,
            description = "one trading day: YYYY-MM-DD, today or yesterday (New York date)")
    LocalDate date;

    @Option(names = "--from", paramLabel = "DAY", converter = DayConverter.class,
            description = "first day of a range (with --to); weekends and holidays are skipped and named")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DAY", converter = DayConverter.class,
            description = "last day of a range; the answer is for this day")
    LocalDate to;

    @Option(names = "--symbols", paramLabel = "LIST", description = "comma-separated symbols, instead of finance.symbols")
    String symbols;

    @Option(names = "--interval", paramLabel = "BAR", description = "bar size, instead of finance.interval (1m, 5m, ...)")
    String interval;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "yahoo, replay or replay-stream; a backfill or live run defaults to yahoo")
    String source;

    /** The settings the options stand for; {@code live} as the live command or --live asks. */
    Properties settings(boolean live) {
        Properties settings = new Properties();
        boolean backfill = date != null || from != null || to != null;
        if (live && backfill) {
            throw new IllegalArgumentException("--live collects today; it cannot be combined with --date, --from or --to");
        }
        if (date != null && (from != null || to != null)) {
            throw new IllegalArgumentException("give either --date or --from/--to, not both");
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a range needs both --from and --to (for one day use --date)");
        }
        if (from != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (source != null && !SOURCES.contains(source.trim())) {
            throw new IllegalArgumentException("--source '" + source + "' is not one of yahoo, replay, replay-stream");
        }
        if (date != null) {
            requireTradingDay(date);
            settings.put("finance.date", date.toString());
        }
        if (from != null) {
            settings.put("finance.from", from.toString());
            settings.put("finance.to", to.toString());
            // the analysis answers for one day: the range's last one
            settings.put("finance.date", to.toString());
        }
        if (live) {
            settings.put("job.run-once", "false");
            settings.put("job.live", "true");
            // the after-close analysis answers for the day the app started (a run left up for several days keeps
            // answering for its first one: restart it each morning, or set finance.date)
            settings.put("finance.date", LocalDate.now(EXCHANGE_ZONE).toString());
        }
        putIfGiven(settings, "finance.symbols", symbols, "--symbols NFLX,DDOG");
        putIfGiven(settings, "finance.interval", interval, "--interval 1m");
        putIfGiven(settings, "finance.source", source, "--source yahoo");
        if (source == null && (live || backfill)) {
            // the bundled recording holds only 2020-12-01: a backfill or a live day comes from Yahoo
            settings.put("finance.source", "yahoo");
        }
        return settings;
    }

    /** A closed day has no bars: say so before anything starts (the range's closed days are skipped and named). */
    private static void requireTradingDay(LocalDate day) {
        TradingCalendar calendar = new TradingCalendar();
        boolean known = day.getYear() >= TradingCalendar.FIRST_YEAR && day.getYear() <= TradingCalendar.LAST_YEAR;
        if (known && !calendar.isTradingDay(day)) {
            throw new IllegalArgumentException(day + " is not a trading day (" + calendar.whyClosed(day)
                    + "): the NYSE was closed, there are no bars to collect");
        }
    }

    boolean isBackfill() {
        return date != null || from != null;
    }

    private static void putIfGiven(Properties settings, String key, String value, String example) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("option " + example.substring(0, example.indexOf(' '))
                    + " needs a value, e.g. " + example);
        }
        settings.put(key, value.trim());
    }

    /** YYYY-MM-DD, or today / yesterday in New York. */
    public static final class DayConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            String day = value.trim();
            return switch (day) {
                case "today" -> LocalDate.now(EXCHANGE_ZONE);
                case "yesterday" -> LocalDate.now(EXCHANGE_ZONE).minusDays(1);
                default -> {
                    try {
                        yield LocalDate.parse(day);
                    } catch (DateTimeParseException e) {
                        throw new TypeConversionException("'" + value + "' is not a date YYYY-MM-DD, today or yesterday");
                    }
                }
            };
        }
    }
}
