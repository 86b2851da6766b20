package financestream.analyze;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import financestream.calendar.TradingCalendar;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Binds the analysis' beans: {@code athenaResults}, {@code analyzeWindow} (live mode's scheduled analysis runs
 * while the market is open and a little after) and {@value LatestOutcomes#BEAN_NAME}, on the app's clock: a
 * test's (bound as {@code financeClock}), {@code finance.clock}, or the real one.
 */
public final class AnalyzeBeans {

    private AnalyzeBeans() {
    }

    public static void bind(CamelContext context, financestream.JobSettings job) {
        Registry registry = context.getRegistry();
        Clock clock = clock(context);
        registry.bind("analyzeWindow", new AnalyzeWindow(new TradingCalendar(), clock, job.scheduleZone(),
                Duration.ofMinutes(job.analyzeAfterCloseMinutes())));
        if (registry.lookupByNameAndType(LatestOutcomes.BEAN_NAME, LatestOutcomes.class) == null) {
            registry.bind(LatestOutcomes.BEAN_NAME, new LatestOutcomes(clock));
        }
    }

    /** The app's clock, as the collect step reads it (CollectBeans). */
    static Clock clock(CamelContext context) {
        Clock bound = context.getRegistry().lookupByNameAndType("financeClock", Clock.class);
        if (bound != null) {
            return bound;
        }
        return context.getPropertiesComponent().resolveProperty("finance.clock").filter(v -> !v.isBlank())
                .map(value -> {
                    try {
                        return Clock.fixed(OffsetDateTime.parse(value.trim()).toInstant(), ZoneOffset.UTC);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("setting finance.clock '" + value
                                + "' is not a moment like 2020-12-01T16:01:00-05:00");
                    }
                }).orElse(Clock.systemUTC());
    }
}
