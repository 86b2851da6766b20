package financestream.analyze;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import financestream.calendar.TradingCalendar;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Binds the analysis' beans: {@code athenaResults}, {@code analyzeWindow} (live mode's scheduled analysis runs
 * while the market is open and a little after) and {@value LatestOutcomes#BEAN_NAME}, on the app's clock: a
 * test's (bound as {@code financeClock}), {@code finance.clock}, or the real one.
 */
public final class AnalyzeBeans {

    private AnalyzeBeans() {
    }

    public static void bind(CamelContext context) {
        PropertiesComponent settings = context.getPropertiesComponent();
        Registry registry = context.getRegistry();
        Clock clock = clock(context);
        registry.bind("analyzeWindow", new AnalyzeWindow(new TradingCalendar(), clock,
                ZoneId.of(settings.resolveProperty("schedule.time-zone").orElse("America/New_York").trim()),
                Duration.ofMinutes(Long.parseLong(settings.resolveProperty("schedule.analyze-after-close-minutes")
                        .orElse("15").trim()))));
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
