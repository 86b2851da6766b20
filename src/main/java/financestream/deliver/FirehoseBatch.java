package financestream.deliver;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import financestream.bars.Bar;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * The records of one PutRecordBatch call and the bars each record carries (one, or many when packed). Firehose
 * answers with one entry per record sent, in order; {@link #keepOnly} narrows the batch to the records it refused,
 * so a redelivery re-sends exactly those.
 */
public final class FirehoseBatch {

    private final String symbol;
    private final boolean inLedger;
    private List<Record> records;
    private List<List<Bar>> bars;

    FirehoseBatch(String symbol, boolean inLedger, List<Record> records, List<List<Bar>> bars) {
        this.symbol = symbol;
        this.inLedger = inLedger;
        this.records = records;
        this.bars = bars;
    }

    /** The request's symbol (or "replay" for the streaming replay), for messages and file names. */
    public String symbol() {
        return symbol;
    }

    /** True when these bars came through the no-duplicates filter and their keys go to the ledger once accepted. */
    public boolean inLedger() {
        return inLedger;
    }

    /** The records still to deliver: the body of the next PutRecordBatch call. */
    public List<Record> unsent() {
        return records;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** The bars of record {@code index}. */
    List<Bar> barsOf(int index) {
        return bars.get(index);
    }

    /** The bars still to deliver. */
    public List<Bar> unsentBars() {
        return bars.stream().flatMap(List::stream).toList();
    }

    /** Keeps only the records at these indexes (the ones Firehose refused), in order. */
    void keepOnly(List<Integer> indexes) {
        List<Record> keptRecords = new ArrayList<>(indexes.size());
        List<List<Bar>> keptBars = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            keptRecords.add(records.get(i));
            keptBars.add(bars.get(i));
        }
        records = keptRecords;
        bars = keptBars;
    }

    /** The unsent records' bytes as Firehose would have landed them: NDJSON, every line intact. */
    public byte[] unsentData() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        records.forEach(record -> data.writeBytes(record.data().asByteArrayUnsafe()));
        return data.toByteArray();
    }

    static Record record(byte[] data) {
        return Record.builder().data(SdkBytes.fromByteArrayUnsafe(data)).build();
    }

    @Override
    public String toString() {
        return records.size() + " record(s) of " + symbol;
    }
}
