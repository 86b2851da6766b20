package financestream.embedded.firehose;

import static financestream.embedded.firehose.DeliveryStreamConfig.MIB;
import static financestream.embedded.firehose.LakeObjects.batch;
import static financestream.embedded.firehose.LakeObjects.objects;
import static financestream.embedded.firehose.LakeObjects.put;
import static financestream.embedded.firehose.LakeObjects.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import financestream.embedded.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.firehose.model.Record;

/** Camel may call the client from many threads: every accepted record lands exactly once. */
class FirehoseConcurrencyTest {

    private static final int THREADS = 4;
    private static final int RECORDS_PER_THREAD = 1_500;
    private static final int RECORD_SIZE = 1_000;

    @TempDir
    Path dir;

    @Test
    void manyThreadsManyRecordsEachRecordLandsExactlyOnce() throws Exception {
        Lake lake = new Lake(dir);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (EmbeddedFirehoseClient firehose = new EmbeddedFirehoseClient(lake, List.of(
                // cut by size while other threads keep appending
                DeliveryStreamConfig.of("bars", "s3://finance-stream-lake/bars/", MIB, 900),
                // cut at the end of every call
                DeliveryStreamConfig.of("quotes", "s3://finance-stream-lake/quotes/", MIB, 0)), Clock.systemUTC())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    String stream = thread % 2 == 0 ? "bars" : "quotes";
                    int i = 0;
                    while (i < RECORDS_PER_THREAD) {
                        int size = Math.min(1 + (i * 7) % 50, RECORDS_PER_THREAD - i);
                        if (size == 1) {
                            String line = line(thread, i++);
                            firehose.putRecord(put(stream, line));
                            sent.add(line);
                        } else {
                            List<Record> records = new ArrayList<>();
                            for (int k = 0; k < size; k++) {
                                String line = line(thread, i++);
                                records.add(record(line));
                                sent.add(line);
                            }
                            assertThat(firehose.putRecordBatch(batch(stream, records)).failedPutCount()).isZero();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        Map<String, byte[]> landed = objects(lake.resolve("finance-stream-lake", ""));
        long landedBytes = landed.values().stream().mapToLong(b -> b.length).sum();
        assertThat(landedBytes).isEqualTo((long) THREADS * RECORDS_PER_THREAD * RECORD_SIZE);
        List<String> landedLines = new ArrayList<>();
        for (byte[] object : landed.values()) {
            assertThat(object[object.length - 1]).as("no record is split across objects").isEqualTo((byte) '\n');
            assertThat((long) object.length).isLessThan(MIB + RECORD_SIZE);
            for (String line : new String(object, StandardCharsets.UTF_8).split("(?<=\n)")) {
                landedLines.add(line);
            }
        }
        Collections.sort(landedLines);
        List<String> expected = new ArrayList<>(sent);
        Collections.sort(expected);
        assertThat(landedLines).hasSize(THREADS * RECORDS_PER_THREAD);
        assertThat(landedLines).isEqualTo(expected);
        assertThat(landed.keySet()).anyMatch(k -> k.startsWith("bars/")).anyMatch(k -> k.startsWith("quotes/"));
    }

    /** A unique, newline-terminated line of exactly RECORD_SIZE bytes. */
    private static String line(int thread, int index) {
        String id = "t" + thread + "-r" + index + " ";
        char[] padding = new char[RECORD_SIZE - id.length() - 1];
        Arrays.fill(padding, '.');
        return id + new String(padding) + "\n";
    }
}
