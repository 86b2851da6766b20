package financestream.observe;

import java.nio.file.Path;
import java.util.Arrays;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Installs progress logging (always), the engines' readiness check, and, with {@code observe.enabled}, the
 * pipeline metrics (bound always, recording only then), recorded into the Micrometer registry the runtime provides (camel-micrometer-prometheus under
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

        // bound either way: the deliver route reports Firehose's answers to it; without a registry it records nothing
        boolean enabled = Boolean.parseBoolean(settings.resolveProperty("observe.enabled").orElse("false"));
        PipelineMetrics metrics = new PipelineMetrics(
                () -> enabled ? context.getRegistry().findSingleByType(MeterRegistry.class) : null,
                Arrays.stream(settings.resolveProperty("finance.symbols").orElse("").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
        context.getRegistry().bind("pipelineMetrics", metrics);
        context.getManagementStrategy().addEventNotifier(metrics);
    }
}
