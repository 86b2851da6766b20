package financestream.embedded.firehose;

import financestream.SettableClock;
import static financestream.embedded.firehose.DeliveryStreamConfig.MIB;
import static financestream.embedded.firehose.LakeObjects.allText;
import static financestream.embedded.firehose.LakeObjects.batch;
import static financestream.embedded.firehose.LakeObjects.objects;
import static financestream.embedded.firehose.LakeObjects.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import financestream.embedded.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader of the bucket sees whole objects or none, and a failed delivery loses nothing. */
class FirehoseAtomicityTest {

    private static final Instant T0 = Instant.parse("2020-12-01T14:30:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);

    @Test
    void aConcurrentReaderOnlyEverSeesCompleteObjects() throws Exception {
        Lake lake = new Lake(dir);
        Path bucket = lake.resolve("finance-stream-lake", "");
        // each call is one batch of many records, so its object is written in many pieces, and becomes one
        // object (interval 0) whose length says which call it was
        Map<Integer, List<byte[]>> sentByLength = new HashMap<>();
        for (int call = 0; call < 120; call++) {
            List<byte[]> records = new ArrayList<>();
            for (int r = 0; r < 200; r++) {
                byte[] data = new byte[500 + call];
                java.util.Arrays.fill(data, (byte) ('a' + (call + r) % 26));
                data[data.length - 1] = '\n';
                records.add(data);
            }
            sentByLength.put(200 * (500 + call), records);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger objectsRead = new AtomicInteger();
        List<String> violations = new ArrayList<>();

        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            Set<Path> verified = new HashSet<>(); // a complete object never changes: watch the new ones
            while (writing.get()) {
                for (Path file : listFiles(bucket)) {
                    if (verified.contains(file)) {
                        continue;
                    }
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException e) {
                        violations.add(file + ": " + e);
                        continue;
                    }
                    objectsRead.incrementAndGet();
                    verified.add(file);
                    List<byte[]> sent = sentByLength.get(bytes.length);
                    if (sent == null || !java.util.Arrays.equals(bytes, concat(sent))) {
                        violations.add(file.getFileName() + " has " + bytes.length + " bytes that match no call");
                    }
                }
            }
        });
        try (EmbeddedFirehoseClient firehose = LakeObjects.barsStream(lake, MIB, 0, clock)) {
            for (List<byte[]> call : sentByLength.values()) {
                firehose.putRecordBatch(batch("bars", call.stream().map(LakeObjects::record).toList()));
            }
        } finally {
            writing.set(false);
            reader.get();
        }

        assertThat(violations).isEmpty();
        assertThat(objectsRead.get()).as("the reader did read while objects landed").isPositive();
        assertThat(objects(bucket)).hasSize(sentByLength.size());
        // in-flight files live outside every bucket and none is left behind
        Path inFlight = lake.internalDir("firehose");
        String topFolder = lake.root().relativize(inFlight).getName(0).toString();
        assertThatThrownBy(() -> lake.resolve(topFolder, "")).as("not a bucket any crawler could read")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(listFiles(inFlight)).isEmpty();
    }

    @Test
    void aFailedDeliveryKeepsTheRecordsBufferedUntilItSucceeds() throws IOException {
        Lake lake = new Lake(dir);
        Path bucket = lake.resolve("finance-stream-lake", "");
        // a file where the date folder must go: the object cannot be written, like a full disk
        Path blocker = lake.resolve("finance-stream-lake", "bars/2020");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a folder");

        try (EmbeddedFirehoseClient firehose = LakeObjects.barsStream(lake, MIB, 0, clock)) {
            // accepted by Firehose even though S3 delivery fails: the caller did nothing wrong
            firehose.putRecord(put("bars", "one\n"));
            firehose.putRecord(put("bars", "two\n"));

            assertThatThrownBy(firehose::flush).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("'bars'").hasMessageContaining("2 buffered records");
            assertThat(listFiles(lake.internalDir("firehose"))).as("no in-flight file left").isEmpty();

            Files.delete(blocker);
            clock.advance(DeliveryStream.RETRY_PAUSE);
            firehose.deliverDue();

            assertThat(objects(bucket)).hasSize(1);
            assertThat(allText(bucket)).isEqualTo("one\ntwo\n");
        }
        assertThat(allText(bucket)).as("delivered once, not again on close").isEqualTo("one\ntwo\n");
    }

    @Test
    void closeFailsLoudlyWhenTheLastDeliveryFails() throws IOException {
        Lake lake = new Lake(dir);
        Path blocker = lake.resolve("finance-stream-lake", "bars/2020");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a folder");
        EmbeddedFirehoseClient firehose = LakeObjects.barsStream(lake, MIB, 900, clock);
        firehose.putRecord(put("bars", "one\n"));
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(firehose::close).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'bars' could not deliver 1 buffered records");
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        parts.forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }

    private static List<Path> listFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (UncheckedIOException | IOException e) {
            if (e.getCause() instanceof NoSuchFileException || e instanceof NoSuchFileException) {
                return List.of(); // a folder listed while being created: list again next round
            }
            throw new IllegalStateException(e);
        }
    }
}
