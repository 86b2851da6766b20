package financestream.embedded.firehose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import financestream.embedded.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The buffer of one delivery stream: accepted records wait here until a buffering hint says "deliver", then leave
 * as one object. The buffer is changed only under the stream's lock, so each record lands exactly once.
 * A failed delivery keeps the records (Firehose retries S3 delivery) and is retried after a pause.
 */
final class DeliveryStream {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStream.class);

    /** After a failed delivery, automatic retries wait this long, so a full disk is not hammered per record. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final DeliveryStreamConfig config;
    private final Lake lake;
    private final AtomicObjectWriter writer;

    private final List<SdkBytes> records = new ArrayList<>();
    private long bufferedBytes;
    private Instant firstArrival;
    private Instant retryNotBefore = Instant.MIN;
    private boolean closed;
    /** Objects being written outside the lock (interval 0); flush waits for them. */
    private int writing;

    DeliveryStream(DeliveryStreamConfig config, Lake lake, AtomicObjectWriter writer) {
        this.config = config;
        this.lake = lake;
        this.writer = writer;
        try {
            // validates the bucket name and that the prefix stays inside the bucket, before any record is accepted
            lake.resolve(config.bucket(), config.prefix());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Delivery stream '" + config.name() + "' cannot deliver to "
                    + config.s3Destination() + ": " + e.getMessage(), e);
        }
    }

    DeliveryStreamConfig config() {
        return config;
    }

    /**
     * Buffers already validated records that arrived at {@code now}, delivering whenever a hint is reached. With an
     * interval of 0 the call's own object is written after the lock is released, so that concurrent callers write
     * (and fsync) their objects side by side instead of one after the other.
     */
    void append(List<SdkBytes> data, Instant now) {
        Pending own;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The embedded Firehose client is closed: delivery stream '"
                        + config.name() + "' accepts no more records");
            }
            for (SdkBytes record : data) {
                if (records.isEmpty()) {
                    firstArrival = now;
                }
                records.add(record);
                bufferedBytes += record.asByteArrayUnsafe().length;
                // checked per record, so an object exceeds the size hint by less than one record
                if (bufferedBytes >= config.bufferSizeBytes()) {
                    tryDeliver(now, false);
                }
            }
            if (config.bufferIntervalSeconds() != 0 || records.isEmpty() || now.isBefore(retryNotBefore)) {
                return;
            }
            own = takeBuffer();
            writing++;
        }
        try {
            deliver(own, now, false);
        } finally {
            synchronized (this) {
                writing--;
                notifyAll();
            }
        }
    }

    /** Records taken out of the buffer to be written as one object. */
    private record Pending(List<SdkBytes> records, long bytes, Instant firstArrival) {
    }

    /** Everything buffered, taken out of the buffer to be written as one object; the caller holds the lock. */
    private Pending takeBuffer() {
        Pending pending = new Pending(new ArrayList<>(records), bufferedBytes, firstArrival);
        records.clear();
        bufferedBytes = 0;
        firstArrival = null;
        return pending;
    }

    /**
     * Writes the object. If that fails, the records go back to the front of the buffer to be retried after a pause,
     * and the failure is returned (null on success); {@code closing}: no retry will come, the records are lost.
     */
    private UncheckedIOException deliver(Pending pending, Instant now, boolean closing) {
        String key = ObjectKeys.objectKey(config.prefix(), config.name(), pending.firstArrival(), UUID.randomUUID());
        try {
            writer.write(lake.resolve(config.bucket(), key), pending.records());
        } catch (IOException e) {
            synchronized (this) {
                records.addAll(0, pending.records());
                bufferedBytes += pending.bytes();
                firstArrival = firstArrival == null || pending.firstArrival().isBefore(firstArrival)
                        ? pending.firstArrival() : firstArrival;
                retryNotBefore = now.plus(RETRY_PAUSE);
            }
            LOG.error("Delivery stream '{}' could not deliver {} records ({} bytes) to s3://{}/{}: {}. {}",
                    config.name(), pending.records().size(), pending.bytes(), config.bucket(), key, e.toString(),
                    closing ? "The client is closing: these records are lost."
                            : "They stay buffered; delivery is retried.");
            return new UncheckedIOException("Delivery stream '" + config.name() + "' could not deliver "
                    + pending.records().size() + " buffered records to s3://" + config.bucket() + "/" + key
                    + (closing ? " while closing: they are lost" : ": they stay buffered"), e);
        }
        LOG.debug("Delivery stream '{}' delivered {} records ({} bytes) to s3://{}/{}",
                config.name(), pending.records().size(), pending.bytes(), config.bucket(), key);
        return null;
    }

    /** Delivers the buffer if its oldest record has waited the buffering interval. */
    synchronized void deliverIfDue(Instant now) {
        if (!records.isEmpty() && !now.isBefore(firstArrival.plus(config.bufferInterval()))) {
            tryDeliver(now, false);
        }
    }

    /** Delivers whatever is buffered now, after the objects being written; throws if that fails (the records stay buffered). */
    synchronized void flush(Instant now) {
        while (writing > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException("Interrupted while delivery stream '"
                        + config.name() + "' was writing an object"));
            }
        }
        tryDeliver(now, true);
    }

    /** Flushes, then refuses further records. */
    synchronized void close(Instant now) {
        closed = true;
        flush(now);
    }

    /** Delivers the buffer under the lock (a hint reached, the timer, flush, close). */
    private void tryDeliver(Instant now, boolean throwOnFailure) {
        if (records.isEmpty() || (!throwOnFailure && now.isBefore(retryNotBefore))) {
            return;
        }
        UncheckedIOException failure = deliver(takeBuffer(), now, closed);
        if (failure == null) {
            retryNotBefore = Instant.MIN;
        } else if (throwOnFailure) {
            throw failure;
        }
    }
}
