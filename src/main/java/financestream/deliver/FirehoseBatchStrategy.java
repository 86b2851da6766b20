package financestream.deliver;

import java.io.ByteArrayOutputStream;
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
 * As a pre-completion-aware strategy it closes the current batch <em>before</em> adding a line that would break
 * a limit, so every batch is valid whatever the record sizes.
 * <p>
 * With packing on, consecutive newline-terminated lines share one Firehose record up to {@code packRecordBytes}:
 * Firehose bills every record rounded up to 5 KB, so a 90-byte bar alone costs ~57 times its size. Firehose
 * concatenates records without a delimiter, so the landed objects hold exactly the same NDJSON either way.
 */
public class FirehoseBatchStrategy implements AggregationStrategy {

    /** AWS limits for PutRecordBatch. */
    public static final int AWS_MAX_RECORDS = 500;
    public static final long AWS_MAX_BATCH_BYTES = 4L * 1024 * 1024;
    public static final int AWS_MAX_RECORD_BYTES = 1_000 * 1024;

    static final String BATCH_BYTES = "financeStreamBatchBytes";
    /** The record being packed: lines are appended here and it joins the batch's list when full or completed. */
    static final String OPEN_RECORD = "financeStreamOpenRecord";

    private final int maxRecords;
    private final long maxBatchBytes;
    private final int packRecordBytes;

    public FirehoseBatchStrategy() {
        this(AWS_MAX_RECORDS, AWS_MAX_BATCH_BYTES);
    }

    /** One line per record. */
    public FirehoseBatchStrategy(int maxRecords, long maxBatchBytes) {
        this(maxRecords, maxBatchBytes, 0);
    }

    /**
     * @param packRecordBytes 0 for one line per record; otherwise lines are packed into records of at most this
     *                        many bytes (a single longer line still gets a record of its own)
     */
    public FirehoseBatchStrategy(int maxRecords, long maxBatchBytes, int packRecordBytes) {
        if (maxRecords < 1 || maxRecords > AWS_MAX_RECORDS) {
            throw new IllegalArgumentException(
                    "firehose.batch.max-records must be 1.." + AWS_MAX_RECORDS + ", was " + maxRecords);
        }
        if (maxBatchBytes < AWS_MAX_RECORD_BYTES || maxBatchBytes > AWS_MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("firehose.batch.max-bytes must be " + AWS_MAX_RECORD_BYTES + ".."
                    + AWS_MAX_BATCH_BYTES + ", was " + maxBatchBytes);
        }
        if (packRecordBytes < 0 || packRecordBytes > AWS_MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("firehose.pack.max-record-bytes must be 1.." + AWS_MAX_RECORD_BYTES
                    + " (AWS's record limit), was " + packRecordBytes);
        }
        this.maxRecords = maxRecords;
        this.maxBatchBytes = maxBatchBytes;
        this.packRecordBytes = packRecordBytes;
    }

    /** 0 when each line is a record of its own. */
    public int packRecordBytes() {
        return packRecordBytes;
    }

    public boolean packs() {
        return packRecordBytes > 0;
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
        int length = lineBytes(next).length;
        if (bytes + length > maxBatchBytes) {
            return true;
        }
        ByteArrayOutputStream open = openRecord(batch);
        boolean fitsOpenRecord = open != null && open.size() + length <= packRecordBytes;
        int records = records(batch).size() + (open == null ? 0 : 1);
        return !fitsOpenRecord && records >= maxRecords;
    }

    @Override
    public Exchange aggregate(Exchange batch, Exchange next) {
        byte[] line = lineBytes(next);
        if (line.length > AWS_MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("A Firehose record of " + line.length + " bytes exceeds AWS's limit of "
                    + AWS_MAX_RECORD_BYTES + " bytes: " + preview(line));
        }
        if (batch == null) {
            next.getMessage().setBody(new ArrayList<Record>());
            next.setProperty(BATCH_BYTES, 0L);
            batch = next;
        }
        batch.setProperty(BATCH_BYTES, batch.getProperty(BATCH_BYTES, 0L, Long.class) + line.length);
        if (!packs()) {
            records(batch).add(record(line));
            return batch;
        }
        ByteArrayOutputStream open = openRecord(batch);
        if (open != null && open.size() + line.length > packRecordBytes) {
            closeOpenRecord(batch);
            open = null;
        }
        if (open == null) {
            open = new ByteArrayOutputStream(Math.min(packRecordBytes, 64 * 1024));
            batch.setProperty(OPEN_RECORD, open);
        }
        open.writeBytes(line);
        return batch;
    }

    /** The batch is complete: the record being packed joins it. */
    @Override
    public void onCompletion(Exchange batch) {
        if (batch != null) {
            closeOpenRecord(batch);
        }
    }

    private static void closeOpenRecord(Exchange batch) {
        ByteArrayOutputStream open = openRecord(batch);
        if (open != null) {
            records(batch).add(record(open.toByteArray()));
            batch.removeProperty(OPEN_RECORD);
        }
    }

    private static Record record(byte[] data) {
        return Record.builder().data(SdkBytes.fromByteArray(data)).build();
    }

    private static ByteArrayOutputStream openRecord(Exchange batch) {
        return batch.getProperty(OPEN_RECORD, ByteArrayOutputStream.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Record> records(Exchange batch) {
        return batch.getMessage().getBody(List.class);
    }

    private static byte[] lineBytes(Exchange exchange) {
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
