package financestream.deliver;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.Record;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record packing: many newline-terminated bars in one Firehose record, up to a bound, so Firehose bills fewer
 * 5 KB units while the landed objects (the records' bytes concatenated) stay the same NDJSON. Reports, for the
 * bundled reference day, the PutRecordBatch calls and billed KB packed and unpacked.
 */
class FirehosePackingTest {

    /** Firehose bills each record rounded up to the next 5 KB (taken as 5 KiB = 5,120 bytes here). */
    static final int BILLING_UNIT = 5 * 1024;

    private FirehoseBatches strategy;

    @Test
    void packedRecordsNeverSplitALineAndNeverPassTheBound() {
        strategy = new FirehoseBatches(500, 4L * 1024 * 1024, 1_000);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            lines.add("{\"n\": " + i + ", \"pad\": \"" + "x".repeat(i % 97) + "\"}\n");
        }
        List<List<Record>> batches = send(Map.of("DDOG", lines));

        List<Record> records = batches.stream().flatMap(List::stream).toList();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.data().asByteArray().length).isLessThanOrEqualTo(1_000);
            assertThat(r.data().asUtf8String()).endsWith("\n");
        });
        // the records' bytes concatenated, as Firehose lands them, are exactly the lines in order
        assertThat(String.join("", records.stream().map(r -> r.data().asUtf8String()).toList()))
                .isEqualTo(String.join("", lines));
        assertThat(records.size()).isLessThan(lines.size() / 5);
    }

    @Test
    void aLineLongerThanTheBoundGetsARecordOfItsOwn() {
        strategy = new FirehoseBatches(500, 4L * 1024 * 1024, 100);
        List<String> lines = List.of("a\n", "b".repeat(150) + "\n", "c\n", "d\n");
        List<Record> records = send(Map.of("DDOG", lines)).get(0);
        assertThat(records).extracting(r -> r.data().asUtf8String())
                .containsExactly("a\n", "b".repeat(150) + "\n", "c\nd\n");
    }

    @Test
    void batchesOfPackedRecordsStayWithin500RecordsAnd4MiB() {
        strategy = new FirehoseBatches(500, 4L * 1024 * 1024, 1_000 * 1024);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            lines.add("y".repeat(1_000) + "\n");    // 12 MB in all
        }
        List<List<Record>> batches = send(Map.of("DDOG", lines));
        assertThat(batches).hasSizeGreaterThanOrEqualTo(3).allSatisfy(batch -> {
            assertThat(batch).hasSizeLessThanOrEqualTo(500);
            assertThat(batch.stream().mapToLong(r -> r.data().asByteArray().length).sum())
                    .isLessThanOrEqualTo(4L * 1024 * 1024);
        });
        assertThat(batches.stream().flatMap(List::stream).mapToLong(r -> r.data().asByteArray().length).sum())
                .isEqualTo(12_000L * 1_001);
    }

    /** The reference day, 3,788 bars of ten symbols: PutRecordBatch calls and billed KB, unpacked and packed. */
    @Test
    void reportsCallsAndBilledKilobytesOfTheReferenceDay() throws Exception {
        Map<String, List<String>> day = referenceDay();
        int bars = day.values().stream().mapToInt(List::size).sum();
        long bytes = day.values().stream().flatMap(List::stream)
                .mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum();

        strategy = new FirehoseBatches(500, 4L * 1024 * 1024, 0);
        Figures unpacked = Figures.of(send(day));
        strategy = new FirehoseBatches(500, 4L * 1024 * 1024, FirehoseBatches.AWS_MAX_RECORD_BYTES);
        Figures packed = Figures.of(send(day));

        System.out.printf("%nFirehose cost of the reference day (2020-12-01, %d bars, %,d bytes of NDJSON)%n", bars, bytes);
        System.out.printf("%-32s %8s %8s %12s%n", "", "calls", "records", "billed KB");
        System.out.printf("%-32s %8d %8d %,12d%n", "unpacked (one bar per record)", unpacked.calls, unpacked.records,
                unpacked.billedKb);
        System.out.printf("%-32s %8d %8d %,12d%n", "packed (records up to 1,000 KiB)", packed.calls, packed.records,
                packed.billedKb);
        System.out.printf("billed KB packed / unpacked: %.4f (%.1fx less)%n%n",
                (double) packed.billedKb / unpacked.billedKb, (double) unpacked.billedKb / packed.billedKb);

        assertThat(unpacked.records).isEqualTo(bars);
        assertThat(unpacked.billedKb).isEqualTo(5L * bars);     // every bar is under 5 KB
        assertThat(packed.bytes).isEqualTo(unpacked.bytes).isEqualTo(bytes);
        assertThat(packed.billedKb).isLessThan(unpacked.billedKb / 10);
        assertThat(packed.calls).isLessThanOrEqualTo(unpacked.calls);
    }

    private record Figures(int calls, int records, long bytes, long billedKb) {
        static Figures of(List<List<Record>> batches) {
            int records = 0;
            long bytes = 0;
            long billedUnits = 0;
            for (List<Record> batch : batches) {
                for (Record record : batch) {
                    int size = record.data().asByteArray().length;
                    records++;
                    bytes += size;
                    billedUnits += (size + BILLING_UNIT - 1) / BILLING_UNIT;
                }
            }
            return new Figures(batches.size(), records, bytes, billedUnits * 5);
        }
    }

    private static Map<String, List<String>> referenceDay() throws Exception {
        Map<String, List<String>> bySymbol = new LinkedHashMap<>();
        try (InputStream in = FirehosePackingTest.class.getResourceAsStream("/replay/2020-12-01/minute-bars.ndjson")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String name = line.substring(line.indexOf("\"name\": \"") + 9, line.lastIndexOf('"'));
                bySymbol.computeIfAbsent(name, k -> new ArrayList<>()).add(line + "\n");
            }
        }
        return bySymbol;
    }

    /** Each symbol's lines as one request's batches, as the deliver route cuts them. */
    private List<List<Record>> send(Map<String, List<String>> linesBySymbol) {
        List<List<Record>> answer = new ArrayList<>();
        linesBySymbol.forEach((symbol, lines) -> strategy.cut(symbol,
                lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList(), null, false)
                .forEach(batch -> answer.add(batch.unsent())));
        return answer;
    }
}
