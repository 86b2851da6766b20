package financestream.console;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import financestream.analyze.LatestOutcomes;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The console, added to {@code serve} (over {@link financestream.query.QueryConfiguration}) and to the live job
 * (over the job's configuration): its bean and its routes ({@code console.routes}), on the HTTP server the
 * {@code camel.server.*} settings open on observe.port.
 */
public class ConsoleConfiguration implements CamelConfiguration {

    @PropertyInject("console.max-rows")
    int maxRows;
    @PropertyInject("console.timeout-ms")
    long timeoutMs;
    @PropertyInject("console.refresh-seconds")
    long refreshSeconds;
    @PropertyInject("console.routes")
    String routes;
    @PropertyInject("glue.crawler")
    String crawler;
    @PropertyInject(value = "report.chart.series", defaultValue = "")
    String chartSeries;
    @PropertyInject(value = "report.chart.x", defaultValue = "")
    String chartX;
    @PropertyInject(value = "report.chart.y", defaultValue = "")
    String chartY;

    @Override
    public void configure(CamelContext context) throws Exception {
        if (maxRows < 1) {
            throw new IllegalArgumentException("console.max-rows must be at least 1, was " + maxRows);
        }
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("console.timeout-ms must be at least 1, was " + timeoutMs);
        }
        Clock clock = context.getRegistry().findByType(Clock.class).stream().findFirst().orElse(Clock.systemUTC());
        LatestOutcomes outcomes = context.getRegistry().lookupByNameAndType(LatestOutcomes.BEAN_NAME, LatestOutcomes.class);
        if (outcomes == null) {
            outcomes = new LatestOutcomes(clock);
            context.getRegistry().bind(LatestOutcomes.BEAN_NAME, outcomes);
        }
        Map<String, String> chart = new LinkedHashMap<>();
        chart.put("series", chartSeries.strip());
        chart.put("x", chartX.strip());
        chart.put("y", chartY.strip());
        context.getRegistry().bind(ConsoleApi.BEAN_NAME, new ConsoleApi(maxRows, timeoutMs,
                Duration.ofSeconds(refreshSeconds), outcomes, context.getRegistry().findSingleByType(GlueClient.class),
                crawler, chart, clock));
        // the console's routes join the others only when it is on
        for (String configured : routes.split(",")) {
            String pattern = configured.strip();
            // no routes/ here: the copies packaged in the jar
            if (pattern.startsWith("file:routes/") && !java.nio.file.Files.isDirectory(java.nio.file.Path.of("routes"))) {
                pattern = "classpath:" + pattern.substring("file:".length());
            }
            var found = PluginHelper.getPackageScanResourceResolver(context).findResources(pattern);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("console.routes = " + routes + ": no route file matches " + pattern);
            }
            for (Resource resource : found) {
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            }
        }
    }
}
