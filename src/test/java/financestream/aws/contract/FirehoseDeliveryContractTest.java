package financestream.aws.contract;

import financestream.App;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collect route, through Camel's aws2-kinesis-firehose component and the real Firehose client, against a
 * server speaking Firehose's JSON protocol: what goes on the wire, and that every bar is accounted for — accepted
 * exactly once, or in the dead-letter file — whatever Firehose answers.
 * <p>
 * Packing is off here so each bar is one entry and ~30% rejections hit hundreds of entries;
 * {@link PackedDeliveryContractTest} covers packed records.
 */
class FirehoseDeliveryContractTest extends AwsProfileTestSupport {

    private static final Set<String> SYMBOLS = Set.of("DDOG", "NFLX");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected App configure(App app) {
        return super.configure(app)
                .set("finance.symbols", String.join(",", SYMBOLS))
                .set("firehose.pack.enabled", "false")
                .set("firehose.retry.max-redeliveries", "3");
    }

    @BeforeEach
    void freshServer() throws Exception {
        aws.reset();
        FileUtil.removeDir(work.resolve("dead-letter").toFile());
        // each test collects the same bars: forget what an earlier test sent (the no-duplicates ledger lives in the lake)
        FileUtil.removeDir(work.resolve("lake").toFile());
    }

    @Test
    void sendsEachBarAsBase64RecordEndingInNewlineToTheStreamInLimitedBatches() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        collect();

        List<LoggedRequest> puts = aws.server.findAll(postRequestedFor(urlPathMatching("/.*"))
                .withHeader("X-Amz-Target", equalTo("Firehose_20150804.PutRecordBatch")));
        assertThat(puts).isNotEmpty();
        List<String> sent = new ArrayList<>();
        for (LoggedRequest put : puts) {
            JsonNode body = JSON.readTree(put.getBodyAsString());
            assertThat(body.get("DeliveryStreamName").asText()).isEqualTo("fs-bars");
            assertThat(body.get("Records").size()).isBetween(1, 500);
            long bytes = 0;
            for (JsonNode record : body.get("Records")) {
                String data = new String(Base64.getDecoder().decode(record.get("Data").asText()), StandardCharsets.UTF_8);
                assertThat(data).endsWith("\n").containsOnlyOnce("\n");
                bytes += data.getBytes(StandardCharsets.UTF_8).length;
                sent.add(data.strip());
            }
            assertThat(bytes).isLessThanOrEqualTo(4L * 1024 * 1024);
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(aws.acceptedLines()).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(outcome().failures()).isEmpty();
    }

    @Test
    void reSendsOnlyTheRejectedEntriesUntilAllAreAccepted() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        // ~30% of entries rejected on their first try (by content, so the same record is recognised on re-send)
        aws.rejectEntry = (data, seen) -> seen == 0 && Math.floorMod(data.hashCode(), 10) < 3;
        collect();

        int rejected = (int) bars.stream().filter(b -> Math.floorMod((b + "\n").hashCode(), 10) < 3).count();
        assertThat(rejected).isGreaterThan(bars.size() / 5);
        // the first calls carry every bar, the re-sends exactly the rejected ones
        assertThat(aws.putCalls.stream().mapToInt(c -> c[0]).sum()).isEqualTo(bars.size() + rejected);
        assertThat(aws.acceptedLines()).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(deadLetterLines()).isEmpty();
        assertThat(outcome().failures()).isEmpty();
    }

    @Test
    void entriesStillRejectedAfterTheLastAttemptGoIntactToTheDeadLetterFileAndFailTheJob() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        aws.rejectEntry = (data, seen) -> Math.floorMod(data.hashCode(), 10) < 3;
        collect();

        List<String> lost = bars.stream().filter(b -> Math.floorMod((b + "\n").hashCode(), 10) < 3).toList();
        assertThat(deadLetterLines()).containsExactlyInAnyOrderElementsOf(lost);
        assertAccountedFor(bars);
        // 4 attempts per batch: the rejected ones were sent 4 times, the others once
        assertThat(aws.putCalls.stream().mapToInt(c -> c[0]).sum()).isEqualTo(bars.size() + 3 * lost.size());
        assertThat(outcome().failures()).anySatisfy(failure -> assertThat(failure)
                .containsPattern("\\d+ bar\\(s\\) of (DDOG|NFLX|replay) in \\d+ record\\(s\\) were not delivered to Firehose stream fs-bars")
                .contains("after 4 attempt(s)")
                .contains(work.resolve("dead-letter").toString()));
    }

    @Test
    void throttledCallsAreRedeliveredAndEveryBarArrivesOnce() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        aws.throttleCalls = 2;
        collect();

        assertThat(aws.acceptedLines()).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(aws.putCalls).hasSize(2 + 2);   // two batches (one per symbol), two of the calls throttled
        assertThat(deadLetterLines()).isEmpty();
        assertThat(outcome().failures()).isEmpty();
    }

    @Test
    void serverErrorsAreRedeliveredAndEveryBarArrivesOnce() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        aws.serverErrorCalls = 3;
        collect();

        assertThat(aws.acceptedLines()).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(aws.putCalls).hasSize(2 + 3);
        assertThat(deadLetterLines()).isEmpty();
        assertThat(outcome().failures()).isEmpty();
    }

    @Test
    void aBatchStillThrottledAfterEveryRedeliveryGoesWholeToTheDeadLetterFile() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        // the first batch is throttled on its call and all 3 redeliveries; the second goes through
        aws.throttleCalls = 4;
        collect();

        assertAccountedFor(bars);
        assertThat(deadLetterLines()).hasSizeGreaterThan(300);   // one symbol's whole day
        assertThat(outcome().failures()).anySatisfy(failure -> assertThat(failure)
                .contains("were not delivered to Firehose stream fs-bars")
                .contains("the PutRecordBatch call failed")
                .contains("Slow down."));
    }

    @Test
    void aCallRejectedOutrightIsNotRetriedButDeadLetteredWhole() throws Exception {
        List<String> bars = barsOf(SYMBOLS);
        // not transient: a wrong stream name is answered 400 ResourceNotFoundException
        aws.streamMissing = true;
        collect();

        assertThat(deadLetterLines()).containsExactlyInAnyOrderElementsOf(bars);
        // one call per batch: no redelivery for a fault that cannot heal
        assertThat(aws.server.findAll(postRequestedFor(urlPathMatching("/.*"))
                .withHeader("X-Amz-Target", equalTo("Firehose_20150804.PutRecordBatch")))).hasSize(2);
        assertThat(outcome().failures()).anySatisfy(failure -> assertThat(failure).contains("not found"));
    }

    /** Like the one-shot job: collect, then wait until every batch is delivered or dead-lettered. */
    private void collect() {
        // a batch that failed fails the collect exchange too (replay sends its batches on the collecting thread):
        // the outcome is asserted through JobOutcome and the dead-letter file, not by an exception here
        template.send("direct:collect", exchange -> { });
        template.sendBody("direct:firehose-delivered", null);
    }

    /** Each bar is either accepted by Firehose exactly once or in the dead-letter file — never both, never lost. */
    private void assertAccountedFor(List<String> bars) throws Exception {
        List<String> both = new ArrayList<>(aws.acceptedLines());
        both.addAll(deadLetterLines());
        assertThat(both).containsExactlyInAnyOrderElementsOf(bars);
        assertThat(Files.list(work.resolve("dead-letter")).map(Path::getFileName).map(Path::toString))
                .allSatisfy(name -> assertThat(name).startsWith("fs-bars-").endsWith(".ndjson"));
    }
}
