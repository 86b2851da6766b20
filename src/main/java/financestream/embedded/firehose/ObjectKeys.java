package financestream.embedded.firehose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The partitioner: which S3 key a delivered object gets. Firehose's default layout is
 * {@code PREFIX + YYYY/MM/dd/HH/ + STREAM-VERSION-YYYY-MM-dd-HH-mm-ss-UUID}, all in UTC, timed by the arrival of
 * the object's first record. Glue turns the four date folders into partitions, so they must match exactly.
 */
public final class ObjectKeys {

    /** The delivery stream version in the object name; a stream that is never updated stays at 1. */
    static final int STREAM_VERSION = 1;

    private static final DateTimeFormatter FOLDERS =
            DateTimeFormatter.ofPattern("uuuu/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    private ObjectKeys() {
    }

    public static String objectKey(String prefix, String streamName, Instant firstRecordArrival, UUID unique) {
        return prefix + FOLDERS.format(firstRecordArrival)
                + streamName + "-" + STREAM_VERSION + "-" + STAMP.format(firstRecordArrival) + "-" + unique;
    }
}
