package financestream.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Builds the body of one PutRecordBatch call for Camel's aggregator: a {@code List<Record>} that never exceeds
 * Firehose's limits (500 records and 4 MiB per call, 1,000 KiB per record). Camel does not chunk batches itself.
 * <p>
 * As a pre-completion-aware strategy it closes the current batch <em>before</em> adding a record that would break
 * a limit, so every batch is valid whatever the record sizes.
 */
public class FirehoseBatchStrategy implements AggregationStrategy {

    /** AWS limits for PutRecordBatch. */
    public static final int AWS_MAX_RECORDS = 500;
    public static final long AWS_MAX_BATCH_BYTES = 4L * 1024 * 1024;
    public static final int AWS_MAX_RECORD_BYTES = 1_000 * 1024;

    static final String BATCH_BYTES = "financeStreamBatchBytes";

    private final int maxRecords;
    private final long maxBatchBytes;

    public FirehoseBatchStrategy() {
        this(AWS_MAX_RECORDS, AWS_MAX_BATCH_BYTES);
    }

    public FirehoseBatchStrategy(int maxRecords, long maxBatchBytes) {
        if (maxRecords < 1 || maxRecords > AWS_MAX_RECORDS) {
            throw new IllegalArgumentException(
                    "firehose.batch.max-records must be 1.." + AWS_MAX_RECORDS + ", was " + maxRecords);
        }
        if (maxBatchBytes < AWS_MAX_RECORD_BYTES || maxBatchBytes > AWS_MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("firehose.batch.max-bytes must be " + AWS_MAX_RECORD_BYTES + ".."
                    + AWS_MAX_BATCH_BYTES + ", was " + maxBatchBytes);
        }
        this.maxRecords = maxRecords;
        this.maxBatchBytes = maxBatchBytes;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    @Override
    public boolean preComplete(Exchange batch, Exchange next) {
        if (batch == null) {
            return false;
        }
        long bytes = batch.getProperty(BATCH_BYTES, 0L, Long.class);
        return records(batch).size() >= maxRecords || bytes + recordBytes(next).length > maxBatchBytes;
    }

    @Override
    public Exchange aggregate(Exchange batch, Exchange next) {
        byte[] data = recordBytes(next);
        if (data.length > AWS_MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("A Firehose record of " + data.length + " bytes exceeds AWS's limit of "
                    + AWS_MAX_RECORD_BYTES + " bytes: " + preview(data));
        }
        Record record = Record.builder().data(SdkBytes.fromByteArray(data)).build();
        if (batch == null) {
            List<Record> records = new ArrayList<>();
            records.add(record);
            next.getMessage().setBody(records);
            next.setProperty(BATCH_BYTES, (long) data.length);
            return next;
        }
        records(batch).add(record);
        batch.setProperty(BATCH_BYTES, batch.getProperty(BATCH_BYTES, 0L, Long.class) + data.length);
        return batch;
    }

    @SuppressWarnings("unchecked")
    private static List<Record> records(Exchange batch) {
        return batch.getMessage().getBody(List.class);
    }

    private static byte[] recordBytes(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        if (bytes == null) {
            throw new IllegalArgumentException("A Firehose record must be text or bytes, got "
                    + (body == null ? "null" : body.getClass().getName()));
        }
        return bytes;
    }

    private static String preview(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, 80), StandardCharsets.UTF_8);
        return text + (data.length > 80 ? "…" : "");
    }
}
