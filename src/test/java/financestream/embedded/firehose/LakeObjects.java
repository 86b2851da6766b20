package financestream.embedded.firehose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import financestream.embedded.Lake;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordRequest;
import software.amazon.awssdk.services.firehose.model.Record;

/** What a user would look at: the objects in a bucket, by key, and requests built from strings. */
final class LakeObjects {

    private LakeObjects() {
    }

    /** An embedded Firehose with one stream, "bars", into s3://finance-stream-lake/bars/, with these buffering hints. */
    static EmbeddedFirehoseClient barsStream(Lake lake, long sizeBytes, int intervalSeconds, Clock clock) {
        return new EmbeddedFirehoseClient(lake,
                List.of(DeliveryStreamConfig.of("bars", "s3://finance-stream-lake/bars/", sizeBytes, intervalSeconds)), clock);
    }

    /** Key (relative to the bucket, '/'-separated) to bytes, in key order. */
    static Map<String, byte[]> objects(Path bucketDir) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        if (!Files.isDirectory(bucketDir)) {
            return objects;
        }
        try (Stream<Path> files = Files.walk(bucketDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                objects.put(bucketDir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String allText(Path bucketDir) {
        StringBuilder text = new StringBuilder();
        objects(bucketDir).values().forEach(bytes -> text.append(new String(bytes, StandardCharsets.UTF_8)));
        return text.toString();
    }

    static Record record(String data) {
        return Record.builder().data(SdkBytes.fromUtf8String(data)).build();
    }

    static Record record(byte[] data) {
        return Record.builder().data(SdkBytes.fromByteArray(data)).build();
    }

    static PutRecordRequest put(String stream, String data) {
        return PutRecordRequest.builder().deliveryStreamName(stream).record(record(data)).build();
    }

    static PutRecordBatchRequest batch(String stream, List<Record> records) {
        return PutRecordBatchRequest.builder().deliveryStreamName(stream).records(records).build();
    }

    static List<Record> records(int count, int sizeEach) {
        List<Record> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(new byte[sizeEach]));
        }
        return records;
    }
}
