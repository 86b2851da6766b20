package financestream.deliver;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.Record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request's bars, formatted once, as PutRecordBatch bodies within AWS's limits. */
class FirehoseBatchesTest {

    private static final OffsetDateTime OPEN = OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5));
    private static final FirehoseBatches UNPACKED = new FirehoseBatches(500, 4L * 1024 * 1024, 0);

    @Test
    void eachBarIsOneRecordInTheRecordFormatEndingItsLine() {
        List<FirehoseBatch> batches = UNPACKED.of("DDOG", List.of(new Bar("DDOG", OPEN, 67.5, 64.61),
                new Bar("FB", OPEN.plusMinutes(1), 284.92999267578125, 284.0)), true);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.unsent()).extracting(r -> r.data().asString(StandardCharsets.UTF_8)).containsExactly(
                    "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}\n",
                    "{\"high\": 284.92999267578125, \"low\": 284.0, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"FB\"}\n");
            assertThat(batch.unsentBars()).extracting(Bar::name).containsExactly("DDOG", "FB");
            assertThat(batch.inLedger()).isTrue();
        });
    }

    @Test
    void smallRecordsGoInBatchesOfAtMost500() {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            lines.add(("{\"n\": " + i + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        List<FirehoseBatch> batches = UNPACKED.cut("DDOG", lines, null, false);

        assertThat(batches).extracting(b -> b.unsent().size()).containsExactly(500, 500, 234);
        assertThat(contents(batches)).isEqualTo(lines.stream().map(l -> new String(l, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void largeRecordsGoInBatchesOfAtMost4MiB() {
        Random random = new Random(42);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // 100 KiB .. 1,000 KiB, the largest a Firehose record may be
            int size = 100 * 1024 + random.nextInt(900 * 1024);
            lines.add(("x".repeat(size - 1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<FirehoseBatch> batches = UNPACKED.cut("DDOG", lines, null, false);

        assertThat(batches).hasSizeGreaterThan(1).allSatisfy(batch -> {
            assertThat(batch.unsent().stream().mapToLong(r -> r.data().asByteArray().length).sum())
                    .isLessThanOrEqualTo(4L * 1024 * 1024);
            assertThat(batch.unsent()).hasSizeLessThanOrEqualTo(500);
        });
        // every record once, in order (compared by length: the records are megabytes of 'x')
        assertThat(contents(batches)).extracting(String::length)
                .containsExactlyElementsOf(lines.stream().map(l -> l.length).toList());
    }

    @Test
    void aRecordOverTheAwsLimitIsRefusedWithItsSize() {
        byte[] tooBig = "y".repeat(1_000 * 1024 + 1).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UNPACKED.cut("DDOG", List.of(tooBig), null, false))
                .hasMessageContaining("1024001 bytes exceeds AWS's limit of 1024000 bytes");
        Bar huge = new Bar("X".repeat(1_100_000), OPEN, 1, 1);
        assertThatThrownBy(() -> UNPACKED.of("X", List.of(huge), false)).hasMessageContaining("exceeds AWS's limit");
    }

    @Test
    void limitsBeyondAwsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new FirehoseBatches(501, 4L * 1024 * 1024, 0))
                .hasMessageContaining("firehose.batch.max-records must be 1..500, was 501");
        assertThatThrownBy(() -> new FirehoseBatches(500, 5L * 1024 * 1024, 0))
                .hasMessageContaining("firehose.batch.max-bytes");
        assertThatThrownBy(() -> new FirehoseBatches(500, 4L * 1024 * 1024, 2_000_000))
                .hasMessageContaining("firehose.pack.max-record-bytes");
    }

    @Test
    void withPackingLinesShareRecordsUpToTheBoundAndEachRecordKnowsItsBars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bars.add(new Bar("DDOG", OPEN.plusMinutes(i), 67.5 + i, 64.61));
        }
        int lineBytes = BarJson.formatLine(bars.get(0)).length;
        // room for three lines per record
        List<FirehoseBatch> batches = new FirehoseBatches(500, 4L * 1024 * 1024, 3 * lineBytes + 1).of("DDOG", bars, true);

        FirehoseBatch batch = batches.get(0);
        assertThat(batches).hasSize(1);
        assertThat(batch.unsent()).hasSize(4).allSatisfy(r ->
                assertThat(r.data().asByteArray().length).isLessThanOrEqualTo(3 * lineBytes + 1));
        assertThat(contents(batches).stream().reduce("", String::concat))
                .isEqualTo(bars.stream().map(b -> BarJson.format(b) + "\n").reduce("", String::concat));
        assertThat(batch.barsOf(0)).containsExactlyElementsOf(bars.subList(0, 3));
        assertThat(batch.barsOf(3)).containsExactly(bars.get(9));

        // Firehose refused records 1 and 3: only they, and their bars, are left to re-send
        batch.keepOnly(List.of(1, 3));
        assertThat(batch.unsentBars()).containsExactly(bars.get(3), bars.get(4), bars.get(5), bars.get(9));
        assertThat(new String(batch.unsentData(), StandardCharsets.UTF_8)).isEqualTo(
                List.of(3, 4, 5, 9).stream().map(i -> BarJson.format(bars.get(i)) + "\n").reduce("", String::concat));
    }

    static List<String> contents(List<FirehoseBatch> batches) {
        return batches.stream().flatMap(b -> b.unsent().stream())
                .map((Record r) -> new String(r.data().asByteArray(), StandardCharsets.UTF_8)).toList();
    }
}
