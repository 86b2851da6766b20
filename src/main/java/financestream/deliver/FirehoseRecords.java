package financestream.deliver;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * A list of bars as the body of one PutRecordBatch call: one record per bar, its JSON line and a newline (Firehose
 * concatenates records with no delimiter), within Firehose's limits of 500 records and 4 MiB per call.
 * For a source that already reads bars in batches (the replay), where a Camel exchange per bar would cost more
 * than the bar's own work. With packing on (firehose.pack.enabled, as for the aggregator's batches), consecutive
 * lines share one record up to {@code packRecordBytes}: Firehose bills each record rounded up to 5 KB.
 */
public class FirehoseRecords {

    private final int maxRecords;
    private final long maxBatchBytes;
    private final int packRecordBytes;

    public FirehoseRecords(int maxRecords, long maxBatchBytes) {
        this(maxRecords, maxBatchBytes, 0);
    }

    /** @param packRecordBytes 0 for one line per record; otherwise lines share records of at most this many bytes */
    public FirehoseRecords(int maxRecords, long maxBatchBytes, int packRecordBytes) {
        this.maxRecords = maxRecords;
        this.maxBatchBytes = maxBatchBytes;
        this.packRecordBytes = packRecordBytes;
    }

    /** @throws IllegalArgumentException if the bars break a PutRecordBatch limit, naming the limit */
    public List<Record> of(List<Bar> bars) {
        if (bars.size() > maxRecords) {
            throw new IllegalArgumentException(bars.size() + " bars exceed the " + maxRecords
                    + " records a PutRecordBatch call may carry (firehose.batch.max-records)");
        }
        List<Record> records = new ArrayList<>(bars.size());
        ByteArrayOutputStream open = new ByteArrayOutputStream(packRecordBytes > 0 ? 64 * 1024 : 0);
        long bytes = 0;
        for (Bar bar : bars) {
            byte[] line = BarJson.formatLine(bar);
            bytes += line.length;
            if (line.length > FirehoseBatchStrategy.AWS_MAX_RECORD_BYTES || bytes > maxBatchBytes) {
                throw new IllegalArgumentException("The batch of " + bars.size() + " bars ending with " + bar
                        + " exceeds Firehose's limit of " + FirehoseBatchStrategy.AWS_MAX_RECORD_BYTES
                        + " bytes per record or " + maxBatchBytes + " bytes per call");
            }
            if (packRecordBytes > 0) {
                if (open.size() > 0 && open.size() + line.length > packRecordBytes) {
                    records.add(Record.builder().data(SdkBytes.fromByteArray(open.toByteArray())).build());
                    open.reset();
                }
                open.writeBytes(line);
            } else {
                records.add(Record.builder().data(SdkBytes.fromByteArrayUnsafe(line)).build());
            }
        }
        if (open.size() > 0) {
            records.add(Record.builder().data(SdkBytes.fromByteArray(open.toByteArray())).build());
        }
        return records;
    }
}
