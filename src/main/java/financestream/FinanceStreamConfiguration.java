package financestream;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import financestream.aws.AwsClients;
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
import financestream.embedded.glue.TableDeclaration;
import financestream.SettingsCheck.Stages;
import financestream.analyze.AthenaResults;
import financestream.crawl.CrawlSettings;
import financestream.crawl.GlueCrawl;
import financestream.crawl.ParquetCompaction;
import financestream.deliver.DeliverSettings;
import financestream.deliver.DeliveredBars;
import financestream.deliver.FirehoseBatches;
import financestream.deliver.FirehoseDeliveryWait;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
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

    @Override
    public void configure(CamelContext context) throws Exception {
        Stages settings = SettingsCheck.check(context); // every setting, before any work: all faults at once
        registerConverters(context);
        Registry registry = context.getRegistry();
        settings.bindInto(registry);
        JobSettings job = settings.job();
        DeliverSettings deliver = settings.deliver();
        CrawlSettings crawl = settings.crawl();

        JobOutcome outcome = registry.lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
        if (outcome == null) {
            // Started by something other than FinanceStream.main: Camel Quarkus (Camel K), camel:run, a test
            java.util.concurrent.atomic.AtomicReference<JobOutcome> finished = new java.util.concurrent.atomic.AtomicReference<>();
            outcome = new JobOutcome(job.exitWhenDone()
                    ? JobExit.of(context, () -> finished.get().exitCode().orElse(1)) : () -> { });
            finished.set(outcome);
            registry.bind(JobOutcome.BEAN_NAME, outcome);
        }

        registry.bind("barJson", new BarJsonDataFormat());
        registry.bind("replay", new ReplayFile(settings.collect().replayFile().toString()));
        registry.bind("yahooChart", new YahooChartApi());
        registry.bind("yahooReachable", new financestream.bars.yahoo.YahooReachable(
                Duration.ofSeconds(settings.collect().yahooUnreachablePauseSeconds())));
        registry.bind("athenaResults", new AthenaResults());
        registry.bind("athenaSql", new financestream.query.AthenaSql(settings.analyze().barsOnce()));
        financestream.analyze.AnalyzeBeans.bind(context, job);
        CollectBeans.bind(context, settings.collect(), outcome);
        financestream.report.ReportBeans.bind(context, settings.report());
        financestream.observe.Observability.install(context, job, deliver.stream(), crawl.crawler(),
                settings.collect().symbols().list());
        bindFirehoseDelivery(context, deliver);
        if (job.embedded()) {
            bindEmbeddedEngines(context, settings);
        } else {
            bindAwsClients(context, settings);
            // the compact route names this bean; it calls it only with lake.layout=parquet, refused off embedded
            registry.bind("lakeCompaction", new NoCompaction());
        }
        registry.bind("firehoseDeliveryWait", new FirehoseDeliveryWait(registry.findSingleByType(FirehoseClient.class),
                Duration.ofSeconds(deliver.deliveryWaitMarginSeconds())));
        registry.bind("glueCrawl", new GlueCrawl(registry.findSingleByType(GlueClient.class),
                Duration.ofMillis(crawl.pollIntervalMs()), Duration.ofSeconds(crawl.timeoutSeconds())));
    }

    /** Stands in for the compaction where there is none (the aws engines). */
    public static final class NoCompaction {
        public Object compact() {
            throw new IllegalStateException("lake.layout=parquet compacts with the embedded engines only");
        }
    }

    private void bindEmbeddedEngines(CamelContext context, Stages settings) throws Exception {
        DeliverSettings deliver = settings.deliver();
        CrawlSettings crawl = settings.crawl();
        JobSettings job = settings.job();
        Lake lake = new Lake(job.lakeDir().path());
        // a test's or the benchmark's moving clock (bound as financeClock) drives the engines too: the hour folder
        // an object lands in, and NOW in a partition projection. finance.clock, which stands still, does not.
        Clock clock = java.util.Optional.ofNullable(context.getRegistry()
                .lookupByNameAndType(CollectBeans.CLOCK, Clock.class)).orElse(Clock.systemUTC());
        EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake,
                List.of(DeliveryStreamConfig.of(deliver.stream(), deliver.destination().toString(),
                        deliver.bufferSizeMib() * 1024L * 1024L, deliver.bufferIntervalSeconds())),
                clock);
        EmbeddedGlueClient glue = embeddedGlue(lake, job, crawl);
        EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue, null, clock);

        Registry registry = context.getRegistry();
        registry.bind("firehoseClient", FirehoseClient.class, firehose);
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        // the compact route calls it only with lake.layout=parquet
        registry.bind("lakeCompaction", parquetCompaction(lake, job, deliver));
        // Camel does not close clients it did not create: close them with the context, Firehose first so that
        // buffered records are delivered before anything else stops.
        context.addService(new Closer(List.of(firehose, athena, glue)), true, true);
        LOG.info("Embedded AWS engines on lake {}: Firehose stream {} → {}, Glue crawler {} → database {}",
                lake.root(), deliver.stream(), deliver.destination(), crawl.crawler(), crawl.database());
    }

    /**
     * The embedded Glue of the job and of the {@code query} command: the crawler of the settings and the bars table
     * the stack declares. With the Parquet layout the crawler crawls the compacted table instead of Firehose's
     * landing prefix.
     */
    public static EmbeddedGlueClient embeddedGlue(Lake lake, JobSettings job, CrawlSettings crawl) {
        String crawled = (job.parquetLayout() ? job.parquetLocation() : crawl.crawlerTarget()).toString();
        return new EmbeddedGlueClient(lake,
                List.of(new CrawlerDefinition(crawl.crawler(), crawl.database(), List.of(crawled))),
                declaredTables(job, crawl));
    }

    /** The compaction the compact route calls with lake.layout=parquet. */
    public static ParquetCompaction parquetCompaction(Lake lake, JobSettings job, DeliverSettings deliver) {
        return new ParquetCompaction(lake, deliver.destination().toString(), job.parquetLocation().toString(),
                job.compactedLocation().toString());
    }

    /**
     * The bars table as infra/finance-stream.cfn.yaml declares it, with Athena partition projection over
     * Firehose's hour folders: a query sees a new hour's bars without waiting for a crawl. Not with the Parquet
     * layout, whose dt= partitions come from the compaction that runs before each crawl.
     */
    private static List<TableDeclaration> declaredTables(JobSettings job, CrawlSettings crawl) {
        if (job.parquetLayout() || !crawl.partitionProjection()) {
            return List.of();
        }
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
        columns.put("high", "double");
        columns.put("low", "double");
        columns.put("ts", "string");
        columns.put("name", "string");
        String target = crawl.crawlerTarget().toString();
        return List.of(new TableDeclaration(crawl.database(), target, columns,
                List.of("partition_0", "partition_1", "partition_2", "partition_3"),
                TableDeclaration.firehoseHourProjection(target)));
    }

    /** Batching and packing, and the step that reads Firehose's answers: see 3-deliver.camel.yaml. */
    private void bindFirehoseDelivery(CamelContext context, DeliverSettings deliver) {
        Registry registry = context.getRegistry();
        registry.bind("firehoseBatches", new FirehoseBatches(deliver.batchMaxRecords(), deliver.batchMaxBytes(),
                deliver.packRecordBytes()));
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
    private void bindAwsClients(CamelContext context, Stages settings) throws Exception {
        AwsClients clients = AwsClients.fromSettings(settings.job().awsRegion().strip(),
                settings.job().awsEndpointOverride().strip());
        FirehoseClient firehose = clients.firehose();
        GlueClient glue = clients.glue();
        AthenaClient athena = clients.athena();
        Registry registry = context.getRegistry();
        registry.bind("firehoseClient", FirehoseClient.class, firehose);
        registry.bind("glueClient", GlueClient.class, glue);
        registry.bind("athenaClient", AthenaClient.class, athena);
        context.addService(new Closer(List.of(firehose, athena, glue)), true, true);
        LOG.info("AWS engines: Firehose stream {}, Glue crawler {}, Athena workgroup {}", settings.deliver().stream(),
                settings.crawl().crawler(), settings.analyze().workgroup());
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

    /** Closes the engines' clients when Camel stops (Camel does not close clients it did not create). */
    public static final class Closer extends ServiceSupport {
        private final List<AutoCloseable> closeables;

        public Closer(List<AutoCloseable> closeables) {
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
