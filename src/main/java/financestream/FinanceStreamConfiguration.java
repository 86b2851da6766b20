package financestream;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import financestream.bars.BarJsonDataFormat;
import financestream.bars.ReplayFile;
import financestream.bars.yahoo.YahooChartApi;
import financestream.collect.CollectBeans;
import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.firehose.DeliveryStreamConfig;
import financestream.embedded.firehose.EmbeddedFirehoseClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import financestream.pipeline.AthenaResults;
import financestream.pipeline.FirehoseBatchStrategy;
import financestream.pipeline.GlueCrawl;
import financestream.pipeline.JobOutcome;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleTypeConverter;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Binds the beans the routes use, from the settings in {@code application.properties}.
 * <p>
 * The routes only ever see SDK client interfaces. With {@code finance.engines=embedded} (the default) those are
 * the embedded engines over the local lake; the {@code aws} profile switches to the real SDK clients.
 */
public class FinanceStreamConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FinanceStreamConfiguration.class);

    @PropertyInject("finance.engines")
    String engines;
    @PropertyInject("lake.dir")
    String lakeDir;
    @PropertyInject("replay.file")
    String replayFile;

    @PropertyInject("firehose.stream")
    String firehoseStream;
    @PropertyInject("firehose.destination")
    String firehoseDestination;
    @PropertyInject("firehose.buffer-size-mib")
    int firehoseBufferSizeMib;
    @PropertyInject("firehose.buffer-interval-seconds")
    int firehoseBufferIntervalSeconds;
    @PropertyInject("firehose.batch.max-records")
    int batchMaxRecords;
    @PropertyInject("firehose.batch.max-bytes")
    long batchMaxBytes;

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

    @PropertyInject(value = "job.exit-when-done", defaultValue = "true")
    boolean exitWhenDone;

    @Override
    public void configure(CamelContext context) throws Exception {
        SettingsCheck.check(context); // every setting, before any work: all faults in one clear message
        registerConverters(context);
        Registry registry = context.getRegistry();

        JobOutcome outcome = registry.lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
        if (outcome == null) {
            // Started by something other than FinanceStream.main (camel:run, a test): stopping the context ends it.
            outcome = new JobOutcome(exitWhenDone ? () -> stopAsync(context) : () -> { });
            registry.bind(JobOutcome.BEAN_NAME, outcome);
        }
        context.getManagementStrategy().addEventNotifier(outcome);

        registry.bind("barJson", new BarJsonDataFormat());
        registry.bind("replay", new ReplayFile(replayFile));
        registry.bind("yahooChart", new YahooChartApi());
        registry.bind("firehoseBatch", new FirehoseBatchStrategy(batchMaxRecords, batchMaxBytes));
        // The aggregator sends completed batches on a thread of its own unless told otherwise.
        registry.bind("synchronousExecutor", new SynchronousExecutorService());
        registry.bind("athenaResults", new AthenaResults());
        CollectBeans.bind(context, outcome);
        financestream.report.ReportBeans.bind(context);
        financestream.observe.Observability.install(context);

        switch (engines) {
            case "embedded" -> bindEmbeddedEngines(context);
            case "aws" -> throw new IllegalArgumentException(
                    "finance.engines=aws is not available yet: this build only has the embedded engines");
            default -> throw new IllegalArgumentException(
                    "finance.engines must be 'embedded' or 'aws', was '" + engines + "'");
        }
        registry.bind("glueCrawl", new GlueCrawl(registry.findSingleByType(GlueClient.class),
                Duration.ofMillis(gluePollIntervalMs), Duration.ofSeconds(glueTimeoutSeconds)));
    }

    private void bindEmbeddedEngines(CamelContext context) throws Exception {
        Lake lake = new Lake(Path.of(lakeDir));
        EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake,
                List.of(DeliveryStreamConfig.of(firehoseStream, firehoseDestination,
                        firehoseBufferSizeMib * 1024L * 1024L, firehoseBufferIntervalSeconds)),
                Clock.systemUTC());
        EmbeddedGlueClient glue = new EmbeddedGlueClient(lake,
                List.of(new CrawlerDefinition(crawlerName, glueDatabase, List.of(crawlerTarget))));
        EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue);

        Registry registry = context.getRegistry();
        registry.bind("firehoseClient", FirehoseClient.class, firehose);
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        // Camel does not close clients it did not create: close them with the context, Firehose first so that
        // buffered records are delivered before anything else stops.
        context.addService(new Closer(List.of(firehose, athena, glue)), true, true);
        LOG.info("Embedded AWS engines on lake {}: Firehose stream {} → {}, Glue crawler {} → database {}",
                lake.root(), firehoseStream, firehoseDestination, crawlerName, glueDatabase);
    }

    /** Settings arrive as strings; the beans take dates and zones. */
    private static void registerConverters(CamelContext context) {
        context.getTypeConverterRegistry().addTypeConverter(LocalDate.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> parseDate((String) value)));
        context.getTypeConverterRegistry().addTypeConverter(ZoneId.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> ZoneId.of(((String) value).trim())));
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid date '" + value + "': expected YYYY-MM-DD", e);
        }
    }

    private static void stopAsync(CamelContext context) {
        // Stopping from the job's own thread would wait for that very exchange to finish.
        Thread stopper = new Thread(() -> {
            try {
                context.stop();
            } catch (Exception e) {
                LOG.warn("Stopping Camel failed: {}", e.getMessage());
            }
        }, "finance-stream-stop");
        stopper.start();
    }

    /** Closes the embedded engines when Camel stops. */
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
