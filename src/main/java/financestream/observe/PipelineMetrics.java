package financestream.observe;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * The pipeline's own Prometheus metrics, measured from the outside of the routes: this notifier watches the
 * exchanges sent to the bar sources ({@code direct:bars-*}), to Firehose, to the crawl and to Athena, so the
 * collect routes need no metrics steps.
 * <ul>
 * <li>{@code financestream_bars_fetched_total{symbol}}: bars a source returned;</li>
 * <li>{@code financestream_bars_sent_total{symbol}} and {@code financestream_bars_failed_total{symbol}}: bars
 * Firehose accepted, and bars it rejected (failed entries, or the whole batch when the call failed);</li>
 * <li>{@code financestream_firehose_batch_records}: records per PutRecordBatch call (count, sum, max);</li>
 * <li>{@code financestream_firehose_failed_entries_total}: failed entries Firehose reported;</li>
 * <li>{@code financestream_crawl_duration_seconds}, {@code financestream_query_duration_seconds}: how long the
 * Glue crawl and the Athena query (start to final state) took, tagged with their outcome;</li>
 * <li>{@code financestream_lake_newest_bar_timestamp_seconds}: the bar time (epoch seconds) of the newest bar
 * Firehose has accepted — freshness is {@code time() - } this. On the embedded engines with no buffering that
 * bar is in the lake; on AWS it lands within the stream's buffering interval.</li>
 * </ul>
 */
public class PipelineMetrics extends EventNotifierSupport {

    static final String BATCH_RECORDS = "financeStreamMetricsBatchRecords";
    static final String BATCH_NEWEST_BAR = "financeStreamMetricsBatchNewestBar";
    private static final Pattern TS = Pattern.compile("\"ts\": \"([^\"]+)\"");
    private static final DateTimeFormatter BAR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    private final Supplier<MeterRegistry> registry;
    private final AtomicLong newestBarEpochSeconds = new AtomicLong();
    private MeterRegistry meters;
    private DistributionSummary batchRecords;
    private Counter failedEntries;

    /**
     * @param registry finds the registry camel-micrometer binds ({@code camel.metrics.enabled}); camel-main binds
     *                 it after the configuration classes ran, so it is looked up when the first event arrives
     */
    public PipelineMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** The meters, registered on first use; false when metrics are off (no registry). */
    private synchronized boolean ready() {
        if (meters != null) {
            return true;
        }
        MeterRegistry found = registry.get();
        if (found == null) {
            return false;
        }
        meters = found;
        batchRecords = DistributionSummary.builder("financestream.firehose.batch.records")
                .description("Records per Firehose PutRecordBatch call").baseUnit("records").register(meters);
        this.failedEntries = Counter.builder("financestream.firehose.failed.entries")
                .description("Failed entries Firehose reported in PutRecordBatch answers").register(meters);
        Gauge.builder("financestream.lake.newest.bar.timestamp", newestBarEpochSeconds, AtomicLong::get)
                .description("Bar time of the newest bar Firehose accepted (epoch seconds); 0 before the first")
                .baseUnit("seconds").register(meters);
        return true;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof ExchangeSendingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!ready()) {
            return;
        }
        if (event instanceof ExchangeSendingEvent sending) {
            if (sending.getEndpoint().getEndpointUri().startsWith("aws2-kinesis-firehose:")) {
                rememberBatch(sending.getExchange());
            }
            return;
        }
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        String uri = sent.getEndpoint().getEndpointUri();
        Exchange exchange = sent.getExchange();
        if (uri.startsWith("direct://bars-")) {
            if (!exchange.isFailed() && exchange.getMessage().getBody() instanceof Collection<?> bars) {
                counter("financestream.bars.fetched", "Bars a source returned", exchange).increment(bars.size());
            }
        } else if (uri.startsWith("aws2-kinesis-firehose:")) {
            batchSent(exchange);
        } else if (uri.equals("direct://crawl")) {
            duration("financestream.crawl.duration", "The Glue crawl, start to READY", exchange, sent.getTimeTaken());
        } else if (uri.startsWith("aws2-athena:") && uri.contains("operation=startQueryExecution")) {
            duration("financestream.query.duration", "The Athena query, start to its final state", exchange,
                    sent.getTimeTaken());
        }
    }

    private void rememberBatch(Exchange exchange) {
        if (!(exchange.getMessage().getBody() instanceof Collection<?> records)) {
            return;
        }
        long newest = 0;
        for (Object record : records) {
            if (record instanceof Record r) {
                newest = Math.max(newest, barEpochSeconds(r.data().asString(StandardCharsets.UTF_8)));
            }
        }
        exchange.setProperty(BATCH_RECORDS, records.size());
        exchange.setProperty(BATCH_NEWEST_BAR, newest);
    }

    private void batchSent(Exchange exchange) {
        Integer records = exchange.getProperty(BATCH_RECORDS, Integer.class);
        if (records == null) {
            return;
        }
        batchRecords.record(records);
        int failed;
        if (exchange.isFailed()) {
            failed = records;
        } else {
            Integer reported = exchange.getMessage().getHeader("CamelAwsKinesisFirehoseFailedRecordCount", Integer.class);
            failed = reported == null ? 0 : reported;
            failedEntries.increment(failed);
        }
        counter("financestream.bars.sent", "Bars Firehose accepted", exchange).increment(records - failed);
        counter("financestream.bars.failed", "Bars Firehose rejected", exchange).increment(failed);
        if (failed == 0) {
            long newest = exchange.getProperty(BATCH_NEWEST_BAR, 0L, Long.class);
            newestBarEpochSeconds.accumulateAndGet(newest, Math::max);
        }
    }

    private Counter counter(String name, String description, Exchange exchange) {
        return Counter.builder(name).description(description)
                .tag("symbol", exchange.getProperty("symbol", "unknown", String.class)).register(meters);
    }

    private void duration(String name, String description, Exchange exchange, long millis) {
        Timer.builder(name).description(description).tag("outcome", exchange.isFailed() ? "failure" : "success")
                .register(meters).record(millis, TimeUnit.MILLISECONDS);
    }

    /** The bar time of a record in the pipeline's format, or 0 when the record has none. */
    static long barEpochSeconds(String record) {
        Matcher ts = TS.matcher(record);
        if (!ts.find()) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(ts.group(1), BAR_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
