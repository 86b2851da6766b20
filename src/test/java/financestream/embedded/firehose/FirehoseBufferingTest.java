package financestream.embedded.firehose;

import financestream.SettableClock;
import static financestream.embedded.firehose.DeliveryStreamConfig.MIB;
import static financestream.embedded.firehose.LakeObjects.allText;
import static financestream.embedded.firehose.LakeObjects.batch;
import static financestream.embedded.firehose.LakeObjects.objects;
import static financestream.embedded.firehose.LakeObjects.put;
import static financestream.embedded.firehose.LakeObjects.record;
import static financestream.embedded.firehose.LakeObjects.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import financestream.embedded.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When buffered records become an object: size hint, interval hint, interval 0, flush and close. */
class FirehoseBufferingTest {

    private static final Instant T0 = Instant.parse("2020-12-01T14:30:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);

    private EmbeddedFirehoseClient firehose(Lake lake, long sizeBytes, int intervalSeconds) {
        return LakeObjects.barsStream(lake, sizeBytes, intervalSeconds, clock);
    }

    private static Map<String, byte[]> objectsOf(Lake lake) {
        return objects(lake.resolve("finance-stream-lake", ""));
    }

    @Test
    void theSizeHintCutsObjectsThatExceedItByLessThanOneRecord() {
        Lake lake = new Lake(dir);
        int recordSize = 10_000;
        int batches = 10;
        int perBatch = 40; // 400,000 bytes per call, 4,000,000 in all: about 3.8 objects of 1 MiB
        try (EmbeddedFirehoseClient firehose = firehose(lake, MIB, 900)) {
            for (int i = 0; i < batches; i++) {
                firehose.putRecordBatch(batch("bars", records(perBatch, recordSize)));
            }

            Map<String, byte[]> bySize = objectsOf(lake);
            assertThat(bySize).hasSize(3);
            assertThat(bySize.values()).allSatisfy(bytes ->
                    assertThat((long) bytes.length).isBetween(MIB, MIB + recordSize - 1));
        }
        // close delivered the rest: every byte sent, once
        Map<String, byte[]> all = objectsOf(lake);
        assertThat(all).hasSize(4);
        assertThat(all.values().stream().mapToLong(b -> b.length).sum()).isEqualTo((long) batches * perBatch * recordSize);
    }

    @Test
    void theIntervalHintDeliversWhenTheOldestRecordHasWaitedTheInterval() {
        Lake lake = new Lake(dir);
        try (EmbeddedFirehoseClient firehose = firehose(lake, MIB, 60)) {
            firehose.putRecord(put("bars", "oldest\n"));
            clock.advance(Duration.ofSeconds(30));
            firehose.putRecord(put("bars", "newer\n"));

            clock.advance(Duration.ofSeconds(29)); // the oldest has waited 59 s
            firehose.deliverDue();
            assertThat(objectsOf(lake)).isEmpty();

            clock.advance(Duration.ofSeconds(1)); // 60 s
            firehose.deliverDue();
            assertThat(objectsOf(lake).entrySet()).singleElement().satisfies(object -> {
                assertThat(object.getKey()).contains("/2020/12/01/14/bars-1-2020-12-01-14-30-00-");
                assertThat(new String(object.getValue())).isEqualTo("oldest\nnewer\n");
            });

            // the next object is timed from its own first record
            firehose.putRecord(put("bars", "later\n"));
            clock.advance(Duration.ofSeconds(59));
            firehose.deliverDue();
            assertThat(objectsOf(lake)).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            firehose.deliverDue();
            assertThat(objectsOf(lake)).hasSize(2);
            assertThat(allText(lake.resolve("finance-stream-lake", ""))).isEqualTo("oldest\nnewer\nlater\n");
        }
    }

    @Test
    void theBackgroundThreadDeliversWithoutAnyCall() {
        Lake lake = new Lake(dir);
        try (EmbeddedFirehoseClient firehose = firehose(lake, MIB, 1)) {
            firehose.putRecord(put("bars", "x\n"));
            clock.advance(Duration.ofSeconds(1));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(objectsOf(lake)).hasSize(1));
        }
    }

    @Test
    void intervalZeroDeliversEachCallAsItsOwnObject() {
        Lake lake = new Lake(dir);
        try (EmbeddedFirehoseClient firehose = firehose(lake, MIB, 0)) {
            firehose.putRecordBatch(batch("bars", List.of(record("a\n"), record("b\n"))));
            assertThat(objectsOf(lake)).hasSize(1);
            firehose.putRecord(put("bars", "c\n"));
            assertThat(objectsOf(lake)).hasSize(2);
            // both objects are named in the same second: their order is their random UUID's, as in AWS
            assertThat(objectsOf(lake).values()).extracting(String::new).containsExactlyInAnyOrder("a\nb\n", "c\n");
        }
    }

    @Test
    void closeDeliversWhatIsBufferedAndThenRefusesRecords() {
        Lake lake = new Lake(dir);
        EmbeddedFirehoseClient firehose = firehose(lake, 128 * MIB, 900);
        firehose.putRecord(put("bars", "buffered\n"));
        assertThat(objectsOf(lake)).isEmpty();

        firehose.close();

        assertThat(allText(lake.resolve("finance-stream-lake", ""))).isEqualTo("buffered\n");
        assertThatThrownBy(() -> firehose.putRecord(put("bars", "too late\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        firehose.close(); // a second close is harmless
        assertThat(objectsOf(lake)).hasSize(1);
    }

    @Test
    void flushDeliversEveryStreamNowAndAnEmptyBufferMakesNoObject() {
        Lake lake = new Lake(dir);
        try (EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake, List.of(
                DeliveryStreamConfig.of("bars", "s3://finance-stream-lake/bars/", MIB, 900),
                DeliveryStreamConfig.of("quotes", "s3://finance-stream-lake/quotes/", MIB, 900)), clock)) {
            firehose.flush();
            assertThat(objectsOf(lake)).isEmpty();

            firehose.putRecord(put("bars", "b\n"));
            firehose.putRecord(put("quotes", "q\n"));
            firehose.flush();

            assertThat(objectsOf(lake).keySet()).hasSize(2)
                    .anyMatch(key -> key.startsWith("bars/")).anyMatch(key -> key.startsWith("quotes/"));
        }
    }
}
