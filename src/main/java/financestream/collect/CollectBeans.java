package financestream.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import financestream.bars.ReplayFile;
import financestream.bars.SymbolAliases;
import financestream.calendar.TradingCalendar;
import financestream.JobOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
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

    public static void bind(CamelContext context, CollectSettings settings, JobOutcome outcome) {
        Registry registry = context.getRegistry();
        Clock clock = registry.lookupByNameAndType(CLOCK, Clock.class);
        if (clock == null) {
            // finance.clock: the app's clock stands still at that moment (live mode replaying a past day, tests)
            clock = settings.clock().map(moment -> Clock.fixed(moment.toInstant(), ZoneOffset.UTC))
                    .orElse(Clock.systemUTC());
        }
        SymbolAliases aliases = SymbolAliases.parse("finance.symbol-aliases", settings.symbolAliases());
        CollectPlan plan = new CollectPlan(settings.symbols().setting(), settings.date(),
                settings.from().orElse(null), settings.to().orElse(null), settings.interval().code(),
                settings.source(), aliases, new TradingCalendar(), clock,
                Duration.ofMinutes(settings.collectAfterCloseMinutes()));
        SentBarsLedger ledger = new SentBarsLedger(settings.sentBarsDir());
        CollectSummary summary = new CollectSummary(outcome);

        registry.bind("collectPlan", plan);
        registry.bind("collectSummary", summary);
        registry.bind("sentBars", ledger);
        registry.bind("newBarsOnly", new NewBarsOnly(summary));
        registry.bind("replayDays", new ReplayDays(new ReplayFile(settings.replayFile().toString())));
        registry.bind("yahooRetryAfter",
                new YahooRetryAfter(Duration.ofSeconds(settings.yahooRetryAfterMaxSeconds()), clock));

        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent http = context.getComponent(scheme, HttpComponent.class);
            http.setConnectTimeout(settings.yahooConnectTimeoutMs());
            http.setSoTimeout(settings.yahooSocketTimeoutMs());
            http.setResponseTimeout(settings.yahooSocketTimeoutMs());
        }
    }
}
