package financestream.observe;

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Installs progress logging (always), the engines' readiness check, and, with {@code observe.enabled}, the
 * pipeline metrics, recorded into the Micrometer registry the runtime provides (camel-micrometer-prometheus under
 * camel-main, Quarkus Micrometer on Camel K). None of it needs a step in a route.
 */
public final class Observability {

    private Observability() {
    }

    public static void install(CamelContext context) throws Exception {
        PropertiesComponent settings = context.getPropertiesComponent();
        context.getManagementStrategy().addEventNotifier(new CollectProgress());

        boolean embedded = "embedded".equals(settings.resolveProperty("finance.engines").orElse("embedded"));
        Path lakeDir = embedded ? Path.of(settings.resolveProperty("lake.dir").orElse("lake")).toAbsolutePath() : null;
        // a HealthCheck bean in the registry is picked up by Camel's health-check registry (camel-health)
        context.getRegistry().bind("financeStreamEngines", new EnginesHealthCheck(
                settings.resolveProperty("firehose.stream").orElseThrow(),
                settings.resolveProperty("glue.crawler").orElseThrow(), lakeDir));

        if (Boolean.parseBoolean(settings.resolveProperty("observe.enabled").orElse("false"))) {
            context.getManagementStrategy().addEventNotifier(
                    new PipelineMetrics(() -> context.getRegistry().findSingleByType(MeterRegistry.class)));
        }
    }
}
