package financestream.deliver;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.Record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirehoseRecordsTest {

    private static final OffsetDateTime OPEN = OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5));

    @Test
    void eachBarIsOneRecordInTheRecordFormatEndingItsLine() {
        List<Record> records = new FirehoseRecords(500, 4 * 1024 * 1024).of(List.of(
                new Bar("DDOG", OPEN, 67.5, 64.61), new Bar("FB", OPEN.plusMinutes(1), 284.92999267578125, 284.0)));

        assertThat(records).extracting(r -> r.data().asString(StandardCharsets.UTF_8)).containsExactly(
                "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}\n",
                "{\"high\": 284.92999267578125, \"low\": 284.0, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"FB\"}\n");
    }

    @Test
    void refusesABatchFirehoseWouldRefuse() {
        FirehoseRecords records = new FirehoseRecords(2, 1_024_000);
        Bar bar = new Bar("FB", OPEN, 1, 1);

        assertThatThrownBy(() -> records.of(List.of(bar, bar, bar)))
                .hasMessageContaining("3 bars exceed the 2 records a PutRecordBatch call may carry");
        Bar huge = new Bar("X".repeat(1_100_000), OPEN, 1, 1);
        assertThatThrownBy(() -> records.of(List.of(huge))).hasMessageContaining("exceeds Firehose's limit");
    }

    @Test
    void withPackingLinesShareRecordsUpToTheBoundAndNoLineIsSplit() {
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bars.add(new Bar("DDOG", OPEN.plusMinutes(i), 67.5 + i, 64.61));
        }
        int lineBytes = (BarJson.format(bars.get(0)) + "\n").getBytes(StandardCharsets.UTF_8).length;
        // room for three lines per record
        List<Record> records = new FirehoseRecords(500, 4 * 1024 * 1024, 3 * lineBytes + 1).of(bars);

        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(r -> assertThat(r.data().asByteArray().length).isLessThanOrEqualTo(3 * lineBytes + 1));
        String landed = records.stream().map(r -> r.data().asString(StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(landed).isEqualTo(bars.stream().map(b -> BarJson.format(b) + "\n").reduce("", String::concat));
    }
}
