package financestream.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import financestream.FinanceStreamConfiguration;
import financestream.aws.AwsClients;
import financestream.aws.AwsConnectionSettings;
import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import financestream.crawl.ParquetCompaction;
import financestream.analyze.AthenaResults;
import financestream.crawl.GlueCrawl;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * What asking the lake needs and nothing more (the {@code query} command, {@code serve}): the Athena and Glue
 * clients of the chosen world (the embedded engines over {@code lake.dir}, or the real SDK clients with the
 * {@code aws} profile) and the beans of the athena-query and crawl routes. No Firehose, no Yahoo, no quartz.
 */
public class QueryConfiguration implements CamelConfiguration {

    @PropertyInject("finance.engines")
    String engines;
    @PropertyInject("lake.dir")
    String lakeDir;
    @PropertyInject("athena.bars-once")
    String barsOnce;
    @PropertyInject("glue.crawler")
    String crawlerName;
    @PropertyInject("glue.database")
    String glueDatabase;
    @PropertyInject("glue.crawler-target")
    String crawlerTarget;
    @PropertyInject("glue.poll-interval-ms")
    long gluePollIntervalMs;
    @PropertyInject("glue.timeout-seconds")
    long glueTimeoutSeconds;
    @PropertyInject(value = "lake.layout", defaultValue = "json")
    String lakeLayout;
    @PropertyInject("firehose.destination")
    String firehoseDestination;
    @PropertyInject(value = "lake.parquet-location", defaultValue = "s3://finance-stream-lake/curated/bars/")
    String parquetLocation;
    @PropertyInject(value = "lake.compacted-location", defaultValue = "s3://finance-stream-lake/compacted/bars/")
    String compactedLocation;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        registry.bind("athenaSql", new AthenaSql(barsOnce));
        registry.bind("athenaResults", new AthenaResults());
        boolean parquet = "parquet".equals(lakeLayout.strip());
        GlueClient glue;
        AthenaClient athena;
        switch (engines.strip()) {
            case "embedded" -> {
                Lake lake = new Lake(Path.of(lakeDir));
                // the same crawler as the job's (FinanceStreamConfiguration): --crawl catalogs what the job would
                EmbeddedGlueClient embeddedGlue = new EmbeddedGlueClient(lake, List.of(new CrawlerDefinition(
                        crawlerName, glueDatabase, List.of(parquet ? parquetLocation : crawlerTarget))));
                glue = embeddedGlue;
                athena = new EmbeddedAthenaClient(lake, embeddedGlue);
                registry.bind("lakeCompaction", new ParquetCompaction(lake, firehoseDestination, parquetLocation,
                        compactedLocation));
            }
            case "aws" -> {
                AwsClients clients = AwsClients.fromSettings(setting(context, AwsConnectionSettings.REGION_SETTING),
                        setting(context, AwsConnectionSettings.ENDPOINT_URL_SETTING));
                glue = clients.glue();
                athena = clients.athena();
                registry.bind("lakeCompaction", new FinanceStreamConfiguration.NoCompaction());
            }
            default -> throw new IllegalArgumentException(
                    "finance.engines must be 'embedded' or 'aws', was '" + engines + "'");
        }
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        registry.bind("glueCrawl", new GlueCrawl(glue, Duration.ofMillis(gluePollIntervalMs),
                Duration.ofSeconds(glueTimeoutSeconds)));
        // Camel does not close clients it did not create
        context.addService(new Closer(List.of(athena, glue)), true, true);
    }

    private static String setting(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("").strip();
    }

    private static final class Closer extends ServiceSupport {
        private final List<AutoCloseable> closeables;

        Closer(List<AutoCloseable> closeables) {
            this.closeables = closeables;
        }

        @Override
        protected void doStop() throws Exception {
            for (AutoCloseable closeable : closeables) {
                closeable.close();
            }
        }
    }
}
