package financestream.pipeline;

import java.nio.charset.StandardCharsets;
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
 * than the bar's own work.
 */
public class FirehoseRecords {

    private final int maxRecords;
    private final long maxBatchBytes;

    public FirehoseRecords(int maxRecords, long maxBatchBytes) {
        this.maxRecords = maxRecords;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** @throws IllegalArgumentException if the bars break a PutRecordBatch limit, naming the limit */
    public List<Record> of(List<Bar> bars) {
        if (bars.size() > maxRecords) {
            throw new IllegalArgumentException(bars.size() + " bars exceed the " + maxRecords
                    + " records a PutRecordBatch call may carry (firehose.batch.max-records)");
        }
        List<Record> records = new ArrayList<>(bars.size());
        long bytes = 0;
        for (Bar bar : bars) {
            byte[] line = (BarJson.format(bar) + "\n").getBytes(StandardCharsets.UTF_8);
            bytes += line.length;
            if (line.length > FirehoseBatchStrategy.AWS_MAX_RECORD_BYTES || bytes > maxBatchBytes) {
                throw new IllegalArgumentException("The batch of " + bars.size() + " bars ending with " + bar
                        + " exceeds Firehose's limit of " + FirehoseBatchStrategy.AWS_MAX_RECORD_BYTES
                        + " bytes per record or " + maxBatchBytes + " bytes per call");
            }
            records.add(Record.builder().data(SdkBytes.fromByteArrayUnsafe(line)).build());
        }
        return records;
    }
}
