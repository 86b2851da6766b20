package financestream.console;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import financestream.analyze.LatestOutcomes;
import financestream.crawl.CrawlSettings;
import financestream.report.ReportSettings;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The console, added to {@code serve} (over {@link financestream.query.QueryConfiguration}) and to the live job
 * (over the job's configuration): its bean and its routes ({@code console.routes}), on the HTTP server the
 * {@code camel.server.*} settings open on observe.port.
 */
public class ConsoleConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        // the settings the job's or the query's configuration checked and bound (SettingsCheck)
        ConsoleSettings console = context.getRegistry().findSingleByType(ConsoleSettings.class);
        ReportSettings report = context.getRegistry().findSingleByType(ReportSettings.class);
        String crawler = context.getRegistry().findSingleByType(CrawlSettings.class).crawler();
        Clock clock = context.getRegistry().findByType(Clock.class).stream().findFirst().orElse(Clock.systemUTC());
        LatestOutcomes outcomes = context.getRegistry().lookupByNameAndType(LatestOutcomes.BEAN_NAME, LatestOutcomes.class);
        if (outcomes == null) {
            outcomes = new LatestOutcomes(clock);
            context.getRegistry().bind(LatestOutcomes.BEAN_NAME, outcomes);
        }
        Map<String, String> chart = new LinkedHashMap<>();
        chart.put("series", report.chartSeries().strip());
        chart.put("x", report.chartX().strip());
        chart.put("y", report.chartY().strip());
        context.getRegistry().bind(ConsoleApi.BEAN_NAME, new ConsoleApi(console.maxRows(), console.timeoutMs(),
                Duration.ofSeconds(console.refreshSeconds()), outcomes, context.getRegistry().findSingleByType(GlueClient.class),
                crawler, chart, clock));
        // the console's routes join the others only when it is on
        for (String configured : console.routes().split(",")) {
            String pattern = configured.strip();
            // no routes/ here: the copies packaged in the jar
            if (pattern.startsWith("file:routes/") && !java.nio.file.Files.isDirectory(java.nio.file.Path.of("routes"))) {
                pattern = "classpath:" + pattern.substring("file:".length());
            }
            var found = PluginHelper.getPackageScanResourceResolver(context).findResources(pattern);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("console.routes = " + console.routes() + ": no route file matches " + pattern);
            }
            for (Resource resource : found) {
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            }
        }
    }
}
