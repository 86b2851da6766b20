package financestream.collect;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import financestream.bars.ReplayFile;
import financestream.bars.SymbolAliases;
import financestream.calendar.TradingCalendar;
import financestream.JobOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Binds the collect step's beans from the settings: the plan (what to collect, checked before any request), the
 * sent-bars ledger (no duplicates), the run summary, and Yahoo's HTTP timeouts.
 * A test may bind its own {@link Clock} as {@value #CLOCK} to move time.
 */
public final class CollectBeans {

    public static final String CLOCK = "financeClock";

    private CollectBeans() {
    }

    public static void bind(CamelContext context, JobOutcome outcome) {
        PropertiesComponent settings = context.getPropertiesComponent();
        Registry registry = context.getRegistry();
        Clock clock = registry.lookupByNameAndType(CLOCK, Clock.class);
        if (clock == null) {
            clock = settings.resolveProperty("finance.clock").filter(v -> !v.isBlank())
                    .map(CollectBeans::fixedClock).orElse(Clock.systemUTC());
        }
        SymbolAliases aliases = SymbolAliases.parse("finance.symbol-aliases",
                setting(settings, "finance.symbol-aliases", SymbolAliases.DEFAULT_SETTING));
        CollectPlan plan = new CollectPlan(setting(settings, "finance.symbols", ""),
                date(settings, "finance.date"), date(settings, "finance.from"), date(settings, "finance.to"),
                setting(settings, "finance.interval", "1m"), setting(settings, "finance.source", "replay"),
                aliases, new TradingCalendar(), clock,
                Duration.ofMinutes(Long.parseLong(setting(settings, "schedule.collect-after-close-minutes", "5"))));
        SentBarsLedger ledger = new SentBarsLedger(Path.of(setting(settings, "collect.sent-bars-dir",
                setting(settings, "lake.dir", "lake") + "/_sent-bars")));
        CollectSummary summary = new CollectSummary(outcome);

        registry.bind("collectPlan", plan);
        registry.bind("collectSummary", summary);
        registry.bind("sentBars", ledger);
        registry.bind("newBarsOnly", new NewBarsOnly(summary));
        registry.bind("replayDays", new ReplayDays(new ReplayFile(setting(settings, "replay.file", ""))));
        registry.bind("yahooRetryAfter", new YahooRetryAfter(
                Duration.ofSeconds(Long.parseLong(setting(settings, "yahoo.retry-after-max-seconds", "120"))), clock));

        long connect = Long.parseLong(setting(settings, "yahoo.connect-timeout-ms", "10000"));
        long socket = Long.parseLong(setting(settings, "yahoo.socket-timeout-ms", "30000"));
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent http = context.getComponent(scheme, HttpComponent.class);
            http.setConnectTimeout(connect);
            http.setSoTimeout(socket);
            http.setResponseTimeout(socket);
        }
    }

    /** finance.clock: the app's clock stands still at that moment (live mode replaying a past day, tests). */
    private static Clock fixedClock(String value) {
        try {
            return Clock.fixed(java.time.OffsetDateTime.parse(value.trim()).toInstant(), java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("setting finance.clock '" + value
                    + "' is not a moment like 2020-12-01T16:01:00-05:00");
        }
    }

    private static String setting(PropertiesComponent settings, String key, String fallback) {
        return settings.resolveProperty(key).map(String::trim).orElse(fallback);
    }

    private static LocalDate date(PropertiesComponent settings, String key) {
        String value = setting(settings, key, "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("setting " + key + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }
}
