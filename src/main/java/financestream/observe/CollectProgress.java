package financestream.observe;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far a collect run is when one symbol's bars have all gone to Firehose, at most every few seconds:
 * <pre>
 * Collect: 3 of 10 symbols (NFLX 2020-12-01: 390 bars) · 1,168 bars so far · 2,340 bars/s · about 2 s left
 * </pre>
 * The position comes from the collect route's per-symbol split ({@code CamelSplitIndex}, {@code CamelSplitSize}),
 * so the route needs no progress steps; the time left assumes the remaining symbols take as long as the done ones.
 */
public class CollectProgress extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger("financestream.progress");

    private final LongSupplier nanoClock;
    private long runStartNanos;
    private long barsSoFar;
    private long lastLoggedNanos;
    private static final Duration LOG_EVERY = Duration.ofSeconds(3);
    private volatile Symbol pending;

    public CollectProgress() {
        this(System::nanoTime);
    }

    CollectProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent || event instanceof ExchangeSentEvent;
    }

    private static boolean isSource(String uri) {
        return uri.startsWith("direct://bars-");
    }

    /*
     * A symbol is done when the next one's source is asked (the split is sequential) or when collect returns:
     * only then have all its bars gone through Firehose, so the rate and the time left count the whole work.
     */
    @Override
    public void notify(CamelEvent event) {
        String uri = event instanceof ExchangeSendingEvent sending
                ? sending.getEndpoint().getEndpointUri()
                : ((ExchangeSentEvent) event).getEndpoint().getEndpointUri();
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (event instanceof ExchangeSendingEvent && isSource(uri)) {
            if (exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) == 0) {
                beginRun();
            } else {
                logDone();
            }
        } else if (event instanceof ExchangeSentEvent && isSource(uri)) {
            Object body = exchange.getMessage().getBody();
            boolean failed = exchange.isFailed();
            pending = new Symbol(exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1,
                    exchange.getProperty(Exchange.SPLIT_SIZE, Integer.class),
                    exchange.getProperty("symbol", "?", String.class),
                    exchange.getProperty("tradingDate", "", String.class),
                    !failed && body instanceof Collection<?> bars ? bars.size() : 0, failed);
        } else if (event instanceof ExchangeSentEvent && uri.equals("direct://collect")) {
            logDone();
        }
    }

    private synchronized void logDone() {
        Symbol done = pending;
        pending = null;
        if (done != null) {
            String line = record(done.position(), done.total(), done.symbol(), done.date(), done.bars(), done.failed());
            // one line every few seconds, a failure and the end: a fast run prints little, a slow one keeps saying
            long now = nanoClock.getAsLong();
            boolean last = done.total() != null && done.position() >= done.total();
            if (done.failed() || last || now - lastLoggedNanos >= LOG_EVERY.toNanos()) {
                lastLoggedNanos = now;
                LOG.info(line);
            }
        }
    }

    synchronized void beginRun() {
        runStartNanos = nanoClock.getAsLong();
        lastLoggedNanos = runStartNanos;
        barsSoFar = 0;
        pending = null;
    }

    private record Symbol(int position, Integer total, String symbol, String date, int bars, boolean failed) {
    }

    /** Adds one symbol's bars and returns the progress line. */
    synchronized String record(int done, Integer total, String symbol, String date, int bars, boolean failed) {
        barsSoFar += bars;
        Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - runStartNanos);
        StringBuilder line = new StringBuilder("Collect: ").append(done);
        if (total != null) {
            line.append(" of ").append(total);
        }
        line.append(" symbols (").append(symbol).append(' ').append(date).append(": ")
                .append(failed ? "FAILED" : String.format("%,d bars", bars)).append(") · ")
                .append(String.format("%,d bars so far", barsSoFar));
        double seconds = elapsed.toNanos() / 1e9;
        if (seconds > 0) {
            line.append(String.format(" · %,.0f bars/s", barsSoFar / seconds));
        }
        if (total != null && done < total) {
            long leftMillis = elapsed.toMillis() * (total - done) / done;
            line.append(" · about ").append(humane(Duration.ofMillis(leftMillis))).append(" left");
        } else if (total != null) {
            line.append(" · done in ").append(humane(elapsed));
        }
        return line.toString();
    }

    static String humane(Duration duration) {
        long s = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
