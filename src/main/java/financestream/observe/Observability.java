package financestream.observe;

import java.util.List;

import financestream.JobSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Installs progress logging (always), the engines' readiness check, and, with {@code observe.enabled}, the
 * pipeline metrics (bound always, recording only then), recorded into the Micrometer registry the runtime provides (camel-micrometer-prometheus under
 * camel-main, Quarkus Micrometer on Camel K). None of it needs a step in a route.
 */
public final class Observability {

    private Observability() {
    }

    public static void install(CamelContext context, JobSettings job, String firehoseStream, String crawler,
            List<String> symbols) {
        context.getManagementStrategy().addEventNotifier(new CollectProgress());
        // a HealthCheck bean in the registry is picked up by Camel's health-check registry (camel-health)
        context.getRegistry().bind("financeStreamEngines", new EnginesHealthCheck(firehoseStream, crawler,
                job.embedded() ? job.lakeDir().path() : null));

        // bound either way: the deliver route reports Firehose's answers to it; without a registry it records nothing
        PipelineMetrics metrics = new PipelineMetrics(
                () -> job.observeEnabled() ? context.getRegistry().findSingleByType(MeterRegistry.class) : null, symbols);
        context.getRegistry().bind("pipelineMetrics", metrics);
        context.getManagementStrategy().addEventNotifier(metrics);
    }
}
