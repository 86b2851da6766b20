package financestream;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import financestream.aws.AwsClients;
import financestream.aws.AwsConnectionSettings;
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
import financestream.crawl.ParquetCompaction;
import financestream.analyze.AthenaResults;
import financestream.deliver.DeliveredBars;
import financestream.deliver.FirehoseBatches;
import financestream.deliver.FirehoseDeliveryWait;
import financestream.crawl.GlueCrawl;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleTypeConverter;
import org.apache.camel.support.service.ServiceSupport;
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

    @PropertyInject(value = "lake.layout", defaultValue = "json")
    String lakeLayout;
    @PropertyInject(value = "lake.parquet-location", defaultValue = "s3://finance-stream-lake/curated/bars/")
    String parquetLocation;
    @PropertyInject(value = "lake.compacted-location", defaultValue = "s3://finance-stream-lake/compacted/bars/")
    String compactedLocation;

    @PropertyInject(value = "job.exit-when-done", defaultValue = "true")
    boolean exitWhenDone;

    @Override
    public void configure(CamelContext context) throws Exception {
        SettingsCheck.check(context); // every setting, before any work: all faults in one clear message
        registerConverters(context);
        Registry registry = context.getRegistry();

        JobOutcome outcome = registry.lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
        if (outcome == null) {
            // Started by something other than FinanceStream.main: Camel Quarkus (Camel K), camel:run, a test
            java.util.concurrent.atomic.AtomicReference<JobOutcome> finished = new java.util.concurrent.atomic.AtomicReference<>();
            outcome = new JobOutcome(exitWhenDone
                    ? JobExit.of(context, () -> finished.get().exitCode().orElse(1)) : () -> { });
            finished.set(outcome);
            registry.bind(JobOutcome.BEAN_NAME, outcome);
        }

        registry.bind("barJson", new BarJsonDataFormat());
        registry.bind("replay", new ReplayFile(replayFile));
        registry.bind("yahooChart", new YahooChartApi());
        registry.bind("athenaResults", new AthenaResults());
        CollectBeans.bind(context, outcome);
        financestream.report.ReportBeans.bind(context);
        financestream.observe.Observability.install(context);
        bindFirehoseDelivery(context);
        bindScaleBeans(registry);

        switch (engines) {
            case "embedded" -> bindEmbeddedEngines(context);
            case "aws" -> bindAwsClients(context);
            default -> throw new IllegalArgumentException(
                    "finance.engines must be 'embedded' or 'aws', was '" + engines + "'");
        }
        registry.bind("firehoseDeliveryWait", new FirehoseDeliveryWait(registry.findSingleByType(FirehoseClient.class),
                Duration.ofSeconds(setting(context, "firehose.delivery-wait.margin-seconds", "0", Long::parseLong))));
        registry.bind("glueCrawl", new GlueCrawl(registry.findSingleByType(GlueClient.class),
                Duration.ofMillis(gluePollIntervalMs), Duration.ofSeconds(glueTimeoutSeconds)));
    }

    /** The lake layout's beans. */
    private void bindScaleBeans(Registry registry) {
        isParquetLayout(); // a wrong lake.layout fails at start-up
        if (!"embedded".equals(engines)) {
            // the compact route names this bean; it calls it only with lake.layout=parquet, refused off embedded
            registry.bind("lakeCompaction", new NoCompaction());
        }
    }

    /** Stands in for the compaction where there is none (the aws engines). */
    public static final class NoCompaction {
        public Object compact() {
            throw new IllegalStateException("lake.layout=parquet compacts with the embedded engines only");
        }
    }

    private boolean isParquetLayout() {
        return switch (lakeLayout.strip()) {
            case "json" -> false;
            case "parquet" -> {
                if (!"embedded".equals(engines)) {
                    throw new IllegalArgumentException("lake.layout=parquet compacts with the embedded engines only; "
                            + "on AWS, compact with an Athena INSERT INTO a Parquet table or a Glue job");
                }
                yield true;
            }
            default -> throw new IllegalArgumentException("lake.layout must be 'json' or 'parquet', was '" + lakeLayout + "'");
        };
    }

    /** With the Parquet layout the crawler crawls the compacted table instead of Firehose's landing prefix. */
    private String crawledLocation() {
        return isParquetLayout() ? parquetLocation : crawlerTarget;
    }

    private void bindEmbeddedEngines(CamelContext context) throws Exception {
        Lake lake = new Lake(Path.of(lakeDir));
        EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake,
                List.of(DeliveryStreamConfig.of(firehoseStream, firehoseDestination,
                        firehoseBufferSizeMib * 1024L * 1024L, firehoseBufferIntervalSeconds)),
                Clock.systemUTC());
        EmbeddedGlueClient glue = new EmbeddedGlueClient(lake,
                List.of(new CrawlerDefinition(crawlerName, glueDatabase, List.of(crawledLocation()))));
        EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue);

        Registry registry = context.getRegistry();
        registry.bind("firehoseClient", FirehoseClient.class, firehose);
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        // the compact route calls it only with lake.layout=parquet
        registry.bind("lakeCompaction", new ParquetCompaction(lake, firehoseDestination, parquetLocation, compactedLocation));
        // Camel does not close clients it did not create: close them with the context, Firehose first so that
        // buffered records are delivered before anything else stops.
        context.addService(new Closer(List.of(firehose, athena, glue)), true, true);
        LOG.info("Embedded AWS engines on lake {}: Firehose stream {} → {}, Glue crawler {} → database {}",
                lake.root(), firehoseStream, firehoseDestination, crawlerName, glueDatabase);
    }

    /** Batching and packing, and the step that reads Firehose's answers: see 3-deliver.camel.yaml. */
    private void bindFirehoseDelivery(CamelContext context) {
        boolean pack = setting(context, "firehose.pack.enabled", "false", Boolean::parseBoolean);
        int packBytes = setting(context, "firehose.pack.max-record-bytes",
                String.valueOf(FirehoseBatches.AWS_MAX_RECORD_BYTES), Integer::parseInt);
        Registry registry = context.getRegistry();
        registry.bind("firehoseBatches", new FirehoseBatches(batchMaxRecords, batchMaxBytes, pack ? packBytes : 0));
        registry.bind("deliveredBars", new DeliveredBars(
                registry.lookupByNameAndType("sentBars", financestream.collect.SentBarsLedger.class),
                registry.lookupByNameAndType("collectSummary", financestream.collect.CollectSummary.class),
                registry.lookupByNameAndType("pipelineMetrics", financestream.observe.PipelineMetrics.class)));
        // replay-stream: Camel's parallel split reads the file on one of these threads while the other two parse,
        // format and send chunks of it; at most two chunks wait, then the reader handles one itself, so memory
        // stays at a few chunks whatever the file's size
        registry.bind("replaySender", context.getExecutorServiceManager().newThreadPool(this,
                "replay-sender", new ThreadPoolProfileBuilder("replay-sender").poolSize(3).maxPoolSize(3)
                        .maxQueueSize(2).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build()));
    }

    /**
     * The aws profile: the real SDK clients, one of each type, so Camel's components autowire them. Camel does
     * not close clients it did not create: they close with the context.
     */
    private void bindAwsClients(CamelContext context) throws Exception {
        AwsClients clients = AwsClients.fromSettings(
                setting(context, AwsConnectionSettings.REGION_SETTING, "", s -> s),
                setting(context, AwsConnectionSettings.ENDPOINT_URL_SETTING, "", s -> s));
        FirehoseClient firehose = clients.firehose();
        GlueClient glue = clients.glue();
        AthenaClient athena = clients.athena();
        Registry registry = context.getRegistry();
        registry.bind("firehoseClient", FirehoseClient.class, firehose);
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        context.addService(new Closer(List.of(firehose, athena, glue)), true, true);
        LOG.info("AWS engines: Firehose stream {}, Glue crawler {}, Athena workgroup {}", firehoseStream,
                crawlerName, setting(context, "athena.workgroup", "primary", s -> s));
    }

    private static <T> T setting(CamelContext context, String key, String defaultValue,
            java.util.function.Function<String, T> parse) {
        String value = context.getPropertiesComponent().resolveProperty(key).orElse(defaultValue).trim();
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + key + " = '" + value + "' is not valid: " + e.getMessage(), e);
        }
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

    /** Closes the engines' clients when Camel stops. */
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
