package financestream.deliver;

import java.util.ArrayList;
import java.util.List;

import financestream.bars.Bar;
import financestream.collect.CollectSummary;
import financestream.collect.SentBarsLedger;
import financestream.observe.PipelineMetrics;
import org.apache.camel.Exchange;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.firehose.model.LimitExceededException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * What Firehose's answer to one PutRecordBatch call means for its bars, as the deliver route's steps: the accepted
 * bars go to the no-duplicates ledger, the run's summary and the metrics; the refused ones stay in the batch for
 * Camel's redelivery; what is still unsent after the last attempt is counted as dead-lettered.
 * <p>
 * A call can succeed while refusing some entries ({@code FailedPutCount} > 0): the answer lists one entry per
 * record sent, in order, with an {@code ErrorCode} on each refused one.
 */
public class DeliveredBars {

    private final SentBarsLedger ledger;
    private final CollectSummary summary;
    private final PipelineMetrics metrics;

    public DeliveredBars(SentBarsLedger ledger, CollectSummary summary, PipelineMetrics metrics) {
        this.ledger = ledger;
        this.summary = summary;
        this.metrics = metrics;
    }

    /**
     * Commits the bars Firehose accepted and keeps the refused records in the batch.
     *
     * @throws FirehoseDeliveryException when Firehose refused some records: Camel redelivers the rest
     */
    public void settle(FirehoseBatch batch, PutRecordBatchResponse answer, Integer redeliveries) {
        int attempt = (redeliveries == null ? 0 : redeliveries) + 1;
        int sent = batch.unsent().size();
        List<PutRecordBatchResponseEntry> entries = answer.hasRequestResponses() ? answer.requestResponses() : List.of();
        int failedCount = answer.failedPutCount() == null ? 0 : answer.failedPutCount();
        List<Integer> refused = new ArrayList<>();
        String lastError = null;
        if (failedCount > 0 && entries.size() != sent) {
            // cannot tell which ones failed: re-send all (Firehose may then hold duplicates, never gaps)
            for (int i = 0; i < sent; i++) {
                refused.add(i);
            }
            lastError = "an answer with " + entries.size() + " entries for " + sent + " records";
        } else if (failedCount > 0) {
            for (int i = 0; i < sent; i++) {
                if (entries.get(i).errorCode() != null) {
                    refused.add(i);
                    lastError = entries.get(i).errorCode() + ": " + entries.get(i).errorMessage();
                }
            }
        }
        List<Bar> accepted = new ArrayList<>();
        for (int i = 0, r = 0; i < sent; i++) {
            if (r < refused.size() && refused.get(r) == i) {
                r++;
            } else {
                accepted.addAll(batch.barsOf(i));
            }
        }
        commit(batch, accepted);
        metrics.batchAnswered(sent, refused.size());
        if (!refused.isEmpty()) {
            batch.keepOnly(refused);
            throw new FirehoseDeliveryException("Firehose still rejected them after " + attempt + " attempt(s), last "
                    + lastError);
        }
    }

    private void commit(FirehoseBatch batch, List<Bar> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        if (batch.inLedger()) {
            ledger.commit(accepted.stream().map(SentBarsLedger::key).toList());
        }
        summary.sent(accepted);
        metrics.barsSent(accepted);
    }

    /**
     * After the last attempt: the unsent bars are in the dead-letter file; free them for the next run and count
     * them as failed, so the run's outcome says so.
     */
    public String deadLettered(FirehoseBatch batch, String stream, Exception fault, String file) {
        List<Bar> lost = batch.unsentBars();
        if (batch.inLedger()) {
            ledger.release(lost.stream().map(SentBarsLedger::key).toList());
        }
        String reason = fault instanceof FirehoseDeliveryException ? fault.getMessage()
                : "the PutRecordBatch call failed: " + (fault == null ? "no response" : fault.getMessage());
        String message = lost.size() + " bar(s) of " + batch.symbol() + " in " + batch.unsent().size()
                + " record(s) were not delivered to Firehose stream " + stream + " (" + reason + "); written to " + file;
        summary.deadLettered(batch.symbol(), message);
        metrics.barsFailed(lost);
        return message;
    }

    /** Whole-call faults worth redelivering: throttling, 5xx, and the network. */
    public static boolean isTransient(Exchange exchange) {
        Throwable e = exchange.getException();
        if (e == null) {
            e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
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
}
