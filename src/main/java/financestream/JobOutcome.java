package financestream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers every exchange that failed anywhere in the application (including Firehose batches the aggregator
 * sends on their own exchanges, whose failures never reach the job's exchange) and turns them into the process
 * exit code when the one-shot job finishes.
 */
public class JobOutcome extends EventNotifierSupport {

    public static final String BEAN_NAME = "jobOutcome";
    private static final Logger LOG = LoggerFactory.getLogger(JobOutcome.class);
    private static final int MAX_REMEMBERED = 20;

    private final Runnable shutdown;
    private final AtomicInteger failedExchanges = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private volatile Integer exitCode;

    /** @param shutdown ends the application once the one-shot job has finished (camel-main's completion). */
    public JobOutcome(Runnable shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeFailedEvent) event).getExchange();
        failedExchanges.incrementAndGet();
        remember(describe(exchange.getException()));
    }

    /**
     * A failure that did not fail an exchange: a symbol the collect step gave up on while the others went on.
     * The one-shot job then exits 1.
     */
    public void recordFailure(String description) {
        failedExchanges.incrementAndGet();
        remember(description);
    }

    /** Called when the one-shot job's exchange is complete, failed or not: log the verdict and end the run. */
    public void finish(Exchange exchange) {
        Exception exception = exchange.getException();
        if (exception == null) {
            exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        }
        if (exception != null) {
            remember(describe(exception));
        }
        List<String> seen = failures();
        if (seen.isEmpty()) {
            LOG.info("Job finished: OK");
            exitCode = 0;
        } else {
            LOG.error("Job FAILED ({} failed exchange(s)):\n  - {}", Math.max(failedExchanges.get(), 1),
                    String.join("\n  - ", seen));
            exitCode = 1;
        }
        shutdown.run();
    }

    /** The exit code once the job has finished; empty while it runs (or in live mode). */
    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private void remember(String failure) {
        synchronized (failures) {
            if (failures.size() < MAX_REMEMBERED && !failures.contains(failure)) {
                failures.add(failure);
            }
        }
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "an exchange failed without an exception";
        }
        // The outermost exception usually wraps the cause in Camel's words; the innermost says what went wrong.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        return root.getClass().getSimpleName() + ": " + message;
    }
}
