package financestream.deliver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import financestream.bars.BarFormatException;
import financestream.collect.CollectSummary;
import financestream.collect.SentBarsLedger;
import financestream.bars.BarJson;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Watches every call to the {@code aws2-kinesis-firehose} endpoint, wherever the Firehose routes make it, and tells
 * the {@link SentBarsLedger} which records Firehose accepted (commit) and which it did not (release): the records
 * are read before the call, the answer after it. A record of a PutRecordBatch entry with an error code, or of a
 * call that threw, is released. Such an attempt is not yet a failure: the Firehose routes re-send refused entries
 * and redeliver failed calls, and what they finally give up on is dead-lettered and fails its batch (JobOutcome);
 * so only accepted records are counted here. A packed record (firehose.pack.enabled) carries several bars.
 */
public class FirehoseDeliveryWatcher extends EventNotifierSupport {

    private static final String FIREHOSE_SCHEME = "aws2-kinesis-firehose:";
    /**
     * Exchange property: {@code false} on calls whose bars did not come through the no-duplicates filter
     * (finance.source=replay-stream), which must neither fill the ledger nor spend time keying every record.
     */
    public static final String RECORD_IN_LEDGER = "recordInLedger";

    private final SentBarsLedger ledger;
    private final CollectSummary summary;
    private final Map<String, List<List<String>>> inFlight = new ConcurrentHashMap<>();

    public FirehoseDeliveryWatcher(SentBarsLedger ledger, CollectSummary summary) {
        this.ledger = ledger;
        this.summary = summary;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending) {
            return sending.getEndpoint().getEndpointUri().startsWith(FIREHOSE_SCHEME);
        }
        if (event instanceof ExchangeSentEvent sent) {
            return sent.getEndpoint().getEndpointUri().startsWith(FIREHOSE_SCHEME);
        }
        return false;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending) {
            Exchange exchange = sending.getExchange();
            if (Boolean.FALSE.equals(exchange.getProperty(RECORD_IN_LEDGER, Boolean.class))) {
                return;
            }
            inFlight.put(exchange.getExchangeId(), keysOf(exchange.getMessage().getBody()));
        } else if (event instanceof ExchangeSentEvent sent) {
            Exchange exchange = sent.getExchange();
            List<List<String>> keys = inFlight.remove(exchange.getExchangeId());
            if (keys != null) {
                settle(exchange, keys);
            }
        }
    }

    private void settle(Exchange exchange, List<List<String>> keysPerRecord) {
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Object answer = exchange.getMessage().getBody();
        if (exchange.getException() != null) {
            keysPerRecord.forEach(refused::addAll);
        } else if (answer instanceof PutRecordBatchResponse response && response.hasRequestResponses()) {
            List<PutRecordBatchResponseEntry> entries = response.requestResponses();
            for (int i = 0; i < keysPerRecord.size(); i++) {
                boolean failed = i >= entries.size() || entries.get(i).errorCode() != null;
                (failed ? refused : accepted).addAll(keysPerRecord.get(i));
            }
        } else {
            keysPerRecord.forEach(accepted::addAll);
        }
        accepted.removeIf(java.util.Objects::isNull);
        refused.removeIf(java.util.Objects::isNull);
        // counted before the commit: the commit that settles the run's last bar wakes the summary's report
        accepted.forEach(key -> summary.sent(nameOf(key)));
        ledger.commit(accepted);
        // free for the retry, the next poll or the next run; the delivery routes decide whether it is a failure
        ledger.release(refused);
    }

    private static List<List<String>> keysOf(Object body) {
        List<List<String>> keys = new ArrayList<>();
        if (body instanceof PutRecordBatchRequest request) {
            request.records().forEach(record -> keys.add(keysOf(record.data())));
        } else if (body instanceof List<?> records) {
            for (Object record : records) {
                if (record instanceof Record firehoseRecord) {
                    keys.add(keysOf(firehoseRecord.data()));
                }
            }
        } else if (body instanceof String || body instanceof byte[]) {
            keys.add(keysOf(SdkBytes.fromByteArray(body instanceof String text ? text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8) : (byte[]) body)));
        }
        return keys;
    }

    /** The keys of the bars in one record: one line each. */
    private static List<String> keysOf(SdkBytes data) {
        List<String> keys = new ArrayList<>();
        data.asUtf8String().lines().filter(line -> !line.isBlank()).forEach(line -> keys.add(keyOf(line)));
        return keys;
    }

    /** The bar's key, or a marker no bar has for a record that is not a bar (never committed to the ledger). */
    private static String keyOf(String line) {
        try {
            return SentBarsLedger.key(BarJson.parse(line.strip()));
        } catch (BarFormatException notABar) {
            return null;
        }
    }

    private static String nameOf(String key) {
        return key.substring(0, key.indexOf(' '));
    }
}
