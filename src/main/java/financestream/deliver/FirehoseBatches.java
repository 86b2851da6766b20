package financestream.deliver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Cuts a request's bars, each formatted once as its JSON line, into the bodies of PutRecordBatch calls that never
 * break Firehose's limits (500 records and 4 MiB per call, 1,000 KiB per record). Camel does not chunk batches.
 * <p>
 * With packing on, consecutive lines share one record up to {@code packRecordBytes}: Firehose bills every record
 * rounded up to 5 KB, so a 90-byte bar alone costs ~57 times its size. Firehose concatenates records without a
 * delimiter, so the landed objects hold exactly the same NDJSON either way.
 */
public class FirehoseBatches {

    /** AWS limits for PutRecordBatch. */
    public static final int AWS_MAX_RECORDS = 500;
    public static final long AWS_MAX_BATCH_BYTES = 4L * 1024 * 1024;
    public static final int AWS_MAX_RECORD_BYTES = 1_000 * 1024;

    private final int maxRecords;
    private final long maxBatchBytes;
    private final int packRecordBytes;

    /**
     * @param packRecordBytes 0 for one line per record; otherwise lines are packed into records of at most this
     *                        many bytes (a single longer line still gets a record of its own)
     */
    public FirehoseBatches(int maxRecords, long maxBatchBytes, int packRecordBytes) {
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

    /** The bars as batches; {@code inLedger}: their keys go to the no-duplicates ledger once Firehose accepts them. */
    public List<FirehoseBatch> of(String symbol, List<Bar> bars, boolean inLedger) {
        List<byte[]> lines = new ArrayList<>(bars.size());
        bars.forEach(bar -> lines.add(BarJson.formatLine(bar)));
        return cut(symbol, lines, bars, inLedger);
    }

    /** Newline-terminated lines (with their bars, or null) as batches, in order. */
    List<FirehoseBatch> cut(String symbol, List<byte[]> lines, List<Bar> bars, boolean inLedger) {
        List<FirehoseBatch> batches = new ArrayList<>();
        Cutter cutter = new Cutter(symbol, inLedger, batches);
        for (int i = 0; i < lines.size(); i++) {
            cutter.add(lines.get(i), bars == null ? null : bars.get(i));
        }
        cutter.closeBatch();
        return batches;
    }

    /** The batch being filled and the record being packed. */
    private final class Cutter {
        private final String symbol;
        private final boolean inLedger;
        private final List<FirehoseBatch> batches;
        private List<Record> records = new ArrayList<>();
        private List<List<Bar>> bars = new ArrayList<>();
        private long batchBytes;
        private final ByteArrayOutputStream open = new ByteArrayOutputStream();
        private List<Bar> openBars = new ArrayList<>();

        Cutter(String symbol, boolean inLedger, List<FirehoseBatch> batches) {
            this.symbol = symbol;
            this.inLedger = inLedger;
            this.batches = batches;
        }

        void add(byte[] line, Bar bar) {
            if (line.length > AWS_MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("A Firehose record of " + line.length + " bytes exceeds AWS's limit of "
                        + AWS_MAX_RECORD_BYTES + " bytes: " + preview(line));
            }
            boolean fitsOpenRecord = packRecordBytes > 0 && open.size() > 0
                    && open.size() + line.length <= packRecordBytes;
            int recordsAfter = records.size() + (open.size() > 0 ? 1 : 0) + (fitsOpenRecord ? 0 : 1);
            if (batchBytes + line.length > maxBatchBytes || recordsAfter > maxRecords) {
                closeBatch();
                fitsOpenRecord = false;
            }
            batchBytes += line.length;
            if (packRecordBytes == 0) {
                records.add(FirehoseBatch.record(line));
                bars.add(bar == null ? List.of() : List.of(bar));
                return;
            }
            if (!fitsOpenRecord) {
                closeRecord();
            }
            open.writeBytes(line);
            if (bar != null) {
                openBars.add(bar);
            }
        }

        void closeRecord() {
            if (open.size() > 0) {
                records.add(FirehoseBatch.record(open.toByteArray()));
                bars.add(openBars);
                open.reset();
                openBars = new ArrayList<>();
            }
        }

        void closeBatch() {
            closeRecord();
            if (!records.isEmpty()) {
                batches.add(new FirehoseBatch(symbol, inLedger, records, bars));
            }
            records = new ArrayList<>();
            bars = new ArrayList<>();
            batchBytes = 0;
        }
    }

    private static String preview(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, 80), StandardCharsets.UTF_8);
        return text + (data.length > 80 ? "…" : "");
    }
}
