package financestream;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * finance-stream's own command-line options, turned into setting overrides before camel-main sees the arguments
 * (camel-main stops at the first option it does not know and only prints its help):
 * <pre>
 *   --date 2026-11-20                 backfill one trading day
 *   --from 2026-11-02 --to 2026-11-20 backfill a range (weekends and holidays are skipped and named)
 *   --symbols NFLX,DDOG               instead of finance.symbols
 *   --interval 1m                     instead of finance.interval
 *   --source yahoo|replay             where the bars come from (a backfill or live run defaults to yahoo)
 *   --live                            stay up and collect every minute of the session
 * </pre>
 * Anything else is left for camel-main (e.g. {@code -duration 60}).
 */
public final class CommandLine {

    private final Properties overrides;
    private final List<String> remaining;

    private CommandLine(Properties overrides, List<String> remaining) {
        this.overrides = overrides;
        this.remaining = remaining;
    }

    /** @throws IllegalArgumentException naming the option and what is wrong with it */
    public static CommandLine parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>();
        boolean live = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--live" -> live = true;
                case "--date", "--from", "--to", "--symbols", "--interval", "--source" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException("option " + name + " needs a value, e.g. " + example(name));
                    }
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("option " + name + " needs a value, e.g. " + example(name));
                    }
                    if (options.put(name, value.trim()) != null) {
                        throw new IllegalArgumentException("option " + name + " is given twice");
                    }
                }
                default -> remaining.add(arg);
            }
        }
        return new CommandLine(toSettings(options, live), List.copyOf(remaining));
    }

    /** The settings the options stand for, applied over application.properties and the environment. */
    public Properties overrides() {
        return overrides;
    }

    /** The arguments that are not finance-stream's, for camel-main. */
    public String[] camelArguments() {
        return remaining.toArray(String[]::new);
    }

    private static Properties toSettings(Map<String, String> options, boolean live) {
        Properties settings = new Properties();
        String date = options.get("--date");
        String from = options.get("--from");
        String to = options.get("--to");
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
        if (date != null) {
            settings.put("finance.date", requireDate("--date", date).toString());
        }
        if (from != null) {
            LocalDate first = requireDate("--from", from);
            LocalDate last = requireDate("--to", to);
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("--from " + first + " is after --to " + last);
            }
            settings.put("finance.from", first.toString());
            settings.put("finance.to", last.toString());
            // the analysis answers for one day: the range's last one
            settings.put("finance.date", last.toString());
        }
        if (live) {
            settings.put("job.run-once", "false");
            settings.put("job.live", "true");
            // the after-close analysis answers for the day the app started (a run left up for several days keeps
            // answering for its first one: restart it each morning, or set finance.date)
            settings.put("finance.date", java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString());
        }
        if (options.containsKey("--symbols")) {
            settings.put("finance.symbols", options.get("--symbols"));
        }
        if (options.containsKey("--interval")) {
            settings.put("finance.interval", options.get("--interval"));
        }
        if (options.containsKey("--source")) {
            settings.put("finance.source", options.get("--source"));
        } else if (live || backfill) {
            // the bundled recording holds only 2020-12-01: a backfill or a live day comes from Yahoo
            settings.put("finance.source", "yahoo");
        }
        return settings;
    }

    private static LocalDate requireDate(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("option " + option + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private static String example(String option) {
        return switch (option) {
            case "--symbols" -> "--symbols NFLX,DDOG";
            case "--interval" -> "--interval 1m";
            case "--source" -> "--source yahoo";
            default -> option + " 2026-11-20";
        };
    }
}
