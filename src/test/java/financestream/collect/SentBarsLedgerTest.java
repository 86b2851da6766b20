package financestream.collect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import financestream.embedded.Lake;
import financestream.embedded.firehose.DeliveryStreamConfig;
import financestream.embedded.firehose.EmbeddedFirehoseClient;
import financestream.JobOutcome;
import financestream.deliver.DeliveredBars;
import financestream.deliver.FirehoseBatch;
import financestream.deliver.FirehoseBatches;
import financestream.deliver.FirehoseDeliveryException;
import financestream.observe.PipelineMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a bar counts as sent: only once Firehose accepted its record. Calls go through Camel's real
 * aws2-kinesis-firehose component to the embedded Firehose, behind a door that can fail a call or refuse one record
 * the way AWS does (an entry with an error code in a 200 answer).
 */
class SentBarsLedgerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path work;

    private EmbeddedFirehoseClient embedded;
    private final AtomicReference<String> fault = new AtomicReference<>("none");
    private CamelContext camel;
    private ProducerTemplate template;
    private SentBarsLedger ledger;
    private DeliveredBars delivered;

    @BeforeEach
    void start() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        embedded = new EmbeddedFirehoseClient(lake, List.of(DeliveryStreamConfig.of("bars", "s3://lake/bars/", 1024 * 1024, 0)));
        ledger = new SentBarsLedger(work.resolve("sent"));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("firehose", FirehoseClient.class, new FaultyDoor(embedded, fault));
        delivered = new DeliveredBars(ledger, new CollectSummary(new JobOutcome(() -> { })),
                new PipelineMetrics(() -> null, List.of()));
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        embedded.close();
    }

    @Test
    void aBarIsNotMarkedSentBeforeFirehoseAnswers() {
        List<Bar> bars = bars("NFLX", 3);
        bars.forEach(bar -> assertThat(ledger.add(SentBarsLedger.key(bar))).isTrue());

        // reserved: a second poll skips them, but nothing is on disk yet
        assertThat(ledger.add(SentBarsLedger.key(bars.get(0)))).isFalse();
        assertThat(ledger.isSent(SentBarsLedger.key(bars.get(0)))).isFalse();
        assertThat(new SentBarsLedger(work.resolve("sent")).contains(SentBarsLedger.key(bars.get(0)))).isFalse();

        send(bars);
        SentBarsLedger afterRestart = new SentBarsLedger(work.resolve("sent"));
        assertThat(bars).allSatisfy(bar -> assertThat(afterRestart.contains(SentBarsLedger.key(bar))).isTrue());
    }

    @Test
    void aFailedCallLeavesEveryBarOfItsBatchFreeToBeSentAgain() {
        List<Bar> bars = bars("DDOG", 3);
        bars.forEach(bar -> ledger.add(SentBarsLedger.key(bar)));
        fault.set("throw");

        Exchange failed = send(bars);

        assertThat(failed.getException()).isInstanceOf(ServiceUnavailableException.class);
        assertThat(bars).allSatisfy(bar -> {
            assertThat(ledger.contains(SentBarsLedger.key(bar))).isFalse();
            assertThat(ledger.add(SentBarsLedger.key(bar))).as("the next poll takes it").isTrue();
        });
        assertThat(new SentBarsLedger(work.resolve("sent")).contains(SentBarsLedger.key(bars.get(0)))).isFalse();
    }

    @Test
    void aRecordFirehoseRefusedIsNotMarkedWhileTheOthersOfItsBatchAre() {
        List<Bar> bars = bars("SNAP", 3);
        bars.forEach(bar -> ledger.add(SentBarsLedger.key(bar)));
        fault.set("refuse-second");

        send(bars);

        SentBarsLedger afterRestart = new SentBarsLedger(work.resolve("sent"));
        assertThat(afterRestart.contains(SentBarsLedger.key(bars.get(0)))).isTrue();
        assertThat(afterRestart.contains(SentBarsLedger.key(bars.get(1)))).isFalse();
        assertThat(afterRestart.contains(SentBarsLedger.key(bars.get(2)))).isTrue();
        assertThat(ledger.add(SentBarsLedger.key(bars.get(1)))).as("the refused one goes again").isTrue();
    }

    @Test
    void aKeyCutShortByACrashCountsAsNotSent() throws Exception {
        Bar bar = bars("TTD", 1).get(0);
        String key = SentBarsLedger.key(bar);
        Files.createDirectories(work.resolve("sent"));
        Files.writeString(work.resolve("sent/" + DAY + ".keys"), key + "\n" + key.substring(0, key.length() - 3), StandardCharsets.UTF_8);

        SentBarsLedger ledger = new SentBarsLedger(work.resolve("sent"));
        assertThat(ledger.contains(key)).isTrue();
        assertThat(ledger.contains(key.substring(0, key.length() - 3))).isFalse();
        ledger.commit(List.of(SentBarsLedger.key(bars("TTD", 2).get(1))));
        assertThat(Files.readString(work.resolve("sent/" + DAY + ".keys"))).isEqualTo(key + "\n"
                + SentBarsLedger.key(bars("TTD", 2).get(1)) + "\n");
    }

    /** One batch through the component, then its answer read as the deliver route reads it. */
    private Exchange send(List<Bar> bars) {
        FirehoseBatch batch = new FirehoseBatches(500, 4L * 1024 * 1024, 0).of(bars.get(0).name(), bars, true).get(0);
        Exchange answer = template.send("aws2-kinesis-firehose:bars?operation=sendBatchRecord&amazonKinesisFirehoseClient=#firehose",
                e -> e.getIn().setBody(batch.unsent()));
        try {
            if (answer.getException() == null) {
                delivered.settle(batch, answer.getMessage().getBody(PutRecordBatchResponse.class), 0);
            } else {
                delivered.deadLettered(batch, "bars", answer.getException(), "dead-letter/bars.ndjson");
            }
        } catch (FirehoseDeliveryException refused) {
            // as after the last redelivery: what is still refused is dead-lettered
            delivered.deadLettered(batch, "bars", refused, "dead-letter/bars.ndjson");
        }
        return answer;
    }

    private static List<Bar> bars(String symbol, int count) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ZonedDateTime start = ZonedDateTime.of(DAY, LocalTime.of(9, 30 + i), YahooDays.NEW_YORK);
            bars.add(new Bar(symbol, start.toOffsetDateTime(), 10.5 + i, 10.25 + i));
        }
        return bars;
    }

    /** The embedded Firehose behind a door that fails a call, or refuses the second record, as AWS can. */
    private record FaultyDoor(FirehoseClient firehose, AtomicReference<String> fault) implements FirehoseClient {

        @Override
        public PutRecordBatchResponse putRecordBatch(PutRecordBatchRequest request) {
            switch (fault.get()) {
                case "throw" -> throw ServiceUnavailableException.builder().message("Slow down.").build();
                case "refuse-second" -> {
                    List<Record> accepted = new ArrayList<>(request.records());
                    accepted.remove(1);
                    List<PutRecordBatchResponseEntry> entries = new ArrayList<>(firehose.putRecordBatch(
                            request.toBuilder().records(accepted).build()).requestResponses());
                    entries.add(1, PutRecordBatchResponseEntry.builder().errorCode("ServiceUnavailableException")
                            .errorMessage("Slow down.").build());
                    return PutRecordBatchResponse.builder().failedPutCount(1).requestResponses(entries).build();
                }
                default -> {
                    return firehose.putRecordBatch(request);
                }
            }
        }

        @Override
        public String serviceName() {
            return firehose.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
