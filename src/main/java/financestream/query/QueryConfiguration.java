package financestream.query;

import java.time.Duration;
import java.util.List;

import financestream.FinanceStreamConfiguration;
import financestream.JobSettings;
import financestream.SettingsCheck;
import financestream.SettingsCheck.Stages;
import financestream.analyze.AthenaResults;
import financestream.aws.AwsClients;
import financestream.crawl.CrawlSettings;
import financestream.crawl.GlueCrawl;
import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.glue.EmbeddedGlueClient;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * What asking the lake needs and nothing more (the {@code query} command, {@code serve}): the Athena and Glue
 * clients of the chosen world (the embedded engines over {@code lake.dir}, or the real SDK clients with the
 * {@code aws} profile) and the beans of the athena-query and crawl routes. No Firehose, no Yahoo, no quartz.
 */
public class QueryConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        // the job's settings and checks: a query reads the lake the job wrote, with the same names
        Registry registry = context.getRegistry();
        Stages settings = SettingsCheck.check(context).bindInto(registry);
        JobSettings job = settings.job();
        CrawlSettings crawl = settings.crawl();
        registry.bind("athenaSql", new AthenaSql(settings.analyze().barsOnce()));
        registry.bind("athenaResults", new AthenaResults());
        GlueClient glue;
        AthenaClient athena;
        if (job.embedded()) {
            Lake lake = new Lake(job.lakeDir().path());
            // the same crawler and declared table as the job's: --crawl catalogs what the job would, and a new
            // hour folder is seen without one (partition projection)
            EmbeddedGlueClient embeddedGlue = FinanceStreamConfiguration.embeddedGlue(lake, job, crawl);
            glue = embeddedGlue;
            athena = new EmbeddedAthenaClient(lake, embeddedGlue);
            registry.bind("lakeCompaction", FinanceStreamConfiguration.parquetCompaction(lake, job, settings.deliver()));
        } else {
            AwsClients clients = AwsClients.fromSettings(job.awsRegion().strip(), job.awsEndpointOverride().strip());
            glue = clients.glue();
            athena = clients.athena();
            registry.bind("lakeCompaction", new FinanceStreamConfiguration.NoCompaction());
        }
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        registry.bind("glueCrawl", new GlueCrawl(glue, Duration.ofMillis(crawl.pollIntervalMs()),
                Duration.ofSeconds(crawl.timeoutSeconds())));
        context.addService(new FinanceStreamConfiguration.Closer(List.of(athena, glue)), true, true);
    }
}
