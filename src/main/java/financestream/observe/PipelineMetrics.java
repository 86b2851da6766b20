package financestream.observe;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import financestream.bars.Bar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStartedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The pipeline's own Prometheus metrics, all registered at start-up (at 0, per configured symbol), so an idle app
 * shows every series and an alert on absence means a broken app:
 * <ul>
 * <li>{@code financestream_bars_fetched_total{symbol}}: bars a source returned;</li>
 * <li>{@code financestream_bars_sent_total{symbol}} and {@code financestream_bars_failed_total{symbol}}: bars
 * Firehose accepted, and bars dead-lettered after the last attempt (packed or not, these count bars);</li>
 * <li>{@code financestream_firehose_batch_records}: records per PutRecordBatch call (count, sum, max);</li>
 * <li>{@code financestream_firehose_failed_entries_total}: refused entries Firehose reported;</li>
 * <li>{@code financestream_crawl_duration_seconds}, {@code financestream_query_duration_seconds}: how long the
 * Glue crawl and the Athena query (start to final state) took, tagged with their outcome;</li>
 * <li>{@code financestream_lake_newest_bar_timestamp_seconds}: the bar time (epoch seconds) of the newest bar
 * Firehose has accepted — freshness is {@code time() - } this. On the embedded engines with no buffering that
 * bar is in the lake; on AWS it lands within the stream's buffering interval.</li>
 * </ul>
 * The Firehose figures come from the deliver route's step that reads Firehose's answer ({@code deliveredBars});
 * the fetched bars and the durations from the exchanges sent to the sources, the crawl and Athena.
 */
public class PipelineMetrics extends EventNotifierSupport {

    private final Supplier<MeterRegistry> registry;
    private final List<String> symbols;
    private final AtomicLong newestBarEpochSeconds = new AtomicLong();
    private volatile MeterRegistry meters;
    private DistributionSummary batchRecords;
    private Counter failedEntries;

    /**
     * @param registry finds the registry camel-micrometer binds ({@code camel.metrics.enabled}), null when metrics
     *                 are off; camel-main binds it after the configuration classes ran, so it is looked up once
     *                 the context has started
     * @param symbols  the configured symbols, whose series exist from start-up
     */
    public PipelineMetrics(Supplier<MeterRegistry> registry, List<String> symbols) {
        this.registry = registry;
        this.symbols = symbols;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelContextStartedEvent || (meters != null && event instanceof ExchangeSentEvent);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelContextStartedEvent) {
            register();
            return;
        }
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        String uri = sent.getEndpoint().getEndpointUri();
        Exchange exchange = sent.getExchange();
        if (uri.startsWith("direct://bars-")) {
            if (!exchange.isFailed() && exchange.getMessage().getBody() instanceof Collection<?> bars) {
                counter("financestream.bars.fetched", exchange.getProperty("symbol", "unknown", String.class))
                        .increment(bars.size());
            }
        } else if (uri.equals("direct://crawl")) {
            duration("financestream.crawl.duration", exchange.isFailed()).record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
        } else if (uri.startsWith("aws2-athena:") && uri.contains("operation=startQueryExecution")) {
            duration("financestream.query.duration", exchange.isFailed()).record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void register() {
        MeterRegistry found = registry.get();
        if (found == null || meters != null) {
            return;
        }
        batchRecords = DistributionSummary.builder("financestream.firehose.batch.records")
                .description("Records per Firehose PutRecordBatch call").baseUnit("records").register(found);
        failedEntries = Counter.builder("financestream.firehose.failed.entries")
                .description("Refused entries Firehose reported in PutRecordBatch answers").register(found);
        Gauge.builder("financestream.lake.newest.bar.timestamp", newestBarEpochSeconds, AtomicLong::get)
                .description("Bar time of the newest bar Firehose accepted (epoch seconds); 0 before the first")
                .baseUnit("seconds").register(found);
        meters = found;
        for (String symbol : symbols) {
            counter("financestream.bars.fetched", symbol);
            counter("financestream.bars.sent", symbol);
            counter("financestream.bars.failed", symbol);
        }
        for (boolean failed : new boolean[] {false, true}) {
            duration("financestream.crawl.duration", failed);
            duration("financestream.query.duration", failed);
        }
    }

    /** A PutRecordBatch call was answered: it carried {@code records}, of which Firehose refused {@code refused}. */
    public void batchAnswered(int records, int refused) {
        if (meters != null) {
            batchRecords.record(records);
            failedEntries.increment(refused);
        }
    }

    /** Firehose accepted these bars. */
    public void barsSent(List<Bar> bars) {
        if (meters == null) {
            return;
        }
        long newest = 0;
        for (Bar bar : bars) {
            newest = Math.max(newest, bar.ts().toEpochSecond());
        }
        perName(bars).forEach((name, count) -> counter("financestream.bars.sent", name).increment(count));
        newestBarEpochSeconds.accumulateAndGet(newest, Math::max);
    }

    /** These bars went to the dead-letter file. */
    public void barsFailed(List<Bar> bars) {
        if (meters != null) {
            perName(bars).forEach((name, count) -> counter("financestream.bars.failed", name).increment(count));
        }
    }

    private static Map<String, Long> perName(List<Bar> bars) {
        Map<String, Long> counts = new HashMap<>();
        bars.forEach(bar -> counts.merge(bar.name(), 1L, Long::sum));
        return counts;
    }

    private Counter counter(String name, String symbol) {
        String description = switch (name) {
            case "financestream.bars.fetched" -> "Bars a source returned";
            case "financestream.bars.sent" -> "Bars Firehose accepted";
            default -> "Bars not delivered to Firehose (dead-lettered)";
        };
        return Counter.builder(name).description(description).tag("symbol", symbol).register(meters);
    }

    private Timer duration(String name, boolean failed) {
        String description = name.contains("crawl") ? "The Glue crawl, start to READY"
                : "The Athena query, start to its final state";
        return Timer.builder(name).description(description).tag("outcome", failed ? "failure" : "success")
                .register(meters);
    }
}
