package financestream.deliver;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.firehose.model.LimitExceededException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * Keeps the books of one PutRecordBatch batch in the firehose-put-batch route, so nothing is lost: which records
 * are still unsent, how many attempts were made, how long to back off, and why delivery gave up.
 * <p>
 * A PutRecordBatch call can succeed while rejecting some entries ({@code FailedPutCount} > 0): its response lists
 * one entry per record sent, in order, with an {@code ErrorCode} on each rejected one. Only those are re-sent.
 */
public class FirehoseDelivery {

    /** The records of this batch not yet accepted by Firehose ({@code List<Record>}). */
    public static final String UNSENT = "firehoseUnsent";
    /** Attempts made so far for this batch. */
    public static final String ATTEMPTS = "firehoseAttempts";
    /** Why delivery stopped with records unsent. */
    public static final String FAULT = "firehoseFault";

    private static final Logger LOG = LoggerFactory.getLogger(FirehoseDelivery.class);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public FirehoseDelivery(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("firehose.retry.max-attempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** The aggregated batch (a {@code List<Record>}) becomes the records still to deliver. */
    @SuppressWarnings("unchecked")
    public void begin(Exchange exchange) {
        exchange.setProperty(UNSENT, List.copyOf(exchange.getMessage().getBody(List.class)));
        exchange.setProperty(ATTEMPTS, 0);
        exchange.removeProperty(FAULT);
    }

    /** The loop goes on while records are unsent, attempts remain, and the last call did not fail outright. */
    public boolean shouldSend(Exchange exchange) {
        return !unsent(exchange).isEmpty() && attempts(exchange) < maxAttempts
                && exchange.getProperty(FAULT) == null;
    }

    /**
     * After a call: keeps only the entries Firehose rejected (matched by index to the records sent), or, if the
     * whole call failed after Camel's redeliveries, keeps them all and stops retrying.
     */
    public void afterAttempt(Exchange exchange) throws InterruptedException {
        int attempt = attempts(exchange) + 1;
        exchange.setProperty(ATTEMPTS, attempt);
        List<Record> sent = unsent(exchange);
        Exception failed = callFailure(exchange);
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof PutRecordBatchResponse response)) {
            // no answer: the call failed outright (after Camel's redeliveries, if the fault was transient)
            exchange.setProperty(FAULT, "the PutRecordBatch call failed: "
                    + (failed == null ? "no response" : failed.getMessage()));
            return;
        }
        if (response.failedPutCount() == null || response.failedPutCount() == 0) {
            exchange.setProperty(UNSENT, List.of());
            return;
        }
        List<PutRecordBatchResponseEntry> entries = response.requestResponses();
        List<Record> rejected = new ArrayList<>();
        String lastError = null;
        if (entries.size() != sent.size()) {
            // cannot tell which ones failed: re-send all (Firehose may then hold duplicates, never gaps)
            rejected.addAll(sent);
            lastError = "an answer with " + entries.size() + " entries for " + sent.size() + " records";
        } else {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).errorCode() != null) {
                    rejected.add(sent.get(i));
                    lastError = entries.get(i).errorCode() + ": " + entries.get(i).errorMessage();
                }
            }
        }
        exchange.setProperty(UNSENT, List.copyOf(rejected));
        long backoff = backoffMillis(attempt);
        if (!rejected.isEmpty() && attempt >= maxAttempts) {
            exchange.setProperty(FAULT, "Firehose still rejected them after " + attempt + " attempt(s), last "
                    + lastError);
        } else if (!rejected.isEmpty()) {
            LOG.warn("Firehose rejected {} of {} record(s) ({}); re-sending them in {} ms (attempt {} of {})",
                    rejected.size(), sent.size(), lastError, backoff, attempt + 1, maxAttempts);
            // on the firehose-sender thread, which sends batches one at a time anyway
            Thread.sleep(backoff);
        }
    }

    /** Exponential: initial, 2×, 4× … capped at the maximum. */
    long backoffMillis(int attemptsMade) {
        long delay = initialBackoff.toMillis() << Math.min(attemptsMade - 1, 20);
        return Math.min(delay, maxBackoff.toMillis());
    }

    /** Whole-call faults worth retrying: throttling, 5xx, and the network. */
    public boolean isTransient(Exchange exchange) {
        Throwable e = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        if (e == null) {
            e = exchange.getException();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof LimitExceededException
                    || t instanceof SdkClientException) {
                return true;
            }
            if (t instanceof AwsServiceException aws) {
                return aws.isThrottlingException() || aws.statusCode() >= 500;
            }
        }
        return false;
    }

    /** The unsent records' bytes, concatenated as Firehose would have landed them: NDJSON, every line intact. */
    public byte[] unsentData(Exchange exchange) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        unsent(exchange).forEach(r -> data.writeBytes(r.data().asByteArray()));
        return data.toByteArray();
    }

    /** Lines (bars) in the unsent records: with packing one record holds many. */
    public long unsentLines(Exchange exchange) {
        long lines = 0;
        for (Record record : unsent(exchange)) {
            for (byte b : record.data().asByteArrayUnsafe()) {
                if (b == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<Record> unsent(Exchange exchange) {
        List<Record> unsent = exchange.getProperty(UNSENT, List.class);
        return unsent == null ? List.of() : unsent;
    }

    private static int attempts(Exchange exchange) {
        return exchange.getProperty(ATTEMPTS, 0, Integer.class);
    }

    /**
     * The exception of a call that failed outright and was continued by the route's onException; also cleared
     * after a call a redelivery rescued, which leaves the earlier attempt's exception behind.
     */
    private static Exception callFailure(Exchange exchange) {
        Exception e = exchange.getProperty(ExchangePropertyKey.EXCEPTION_HANDLED, Exception.class);
        if (e == null) {
            e = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Exception.class);
        }
        exchange.removeProperty(ExchangePropertyKey.EXCEPTION_HANDLED);
        exchange.removeProperty(ExchangePropertyKey.EXCEPTION_CAUGHT);
        return e;
    }
}
