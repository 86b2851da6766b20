package financestream.embedded.firehose;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One Firehose delivery stream with an S3 destination, as AWS lets you configure it: where objects land
 * ({@code s3://bucket/prefix}) and the buffering hints that decide when they are written.
 *
 * @param name                  the delivery stream name ({@code [a-zA-Z0-9_.-]{1,64}}, as AWS requires)
 * @param bucket                the destination bucket
 * @param prefix                the S3 key prefix, e.g. {@code bars/}; used as is, like AWS (no slash is added)
 * @param bufferSizeBytes       size hint: deliver once this many bytes are buffered (1-128 MiB)
 * @param bufferIntervalSeconds interval hint: deliver once the oldest buffered record is this old (0-900 s;
 *                              0 delivers at the end of every call)
 */
public record DeliveryStreamConfig(String name, String bucket, String prefix, long bufferSizeBytes,
                                   int bufferIntervalSeconds) {

    public static final long MIB = 1024L * 1024L;
    public static final long MIN_BUFFER_SIZE_BYTES = MIB;
    public static final long MAX_BUFFER_SIZE_BYTES = 128 * MIB;
    public static final int MAX_BUFFER_INTERVAL_SECONDS = 900;
    /** AWS's defaults for an S3 destination. */
    public static final long DEFAULT_BUFFER_SIZE_BYTES = 5 * MIB;
    public static final int DEFAULT_BUFFER_INTERVAL_SECONDS = 300;

    // AWS's rule for DeliveryStreamName. The name only ever appears inside a longer file name
    // ("NAME-1-...") so, with this alphabet, it cannot point outside the lake.
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    public DeliveryStreamConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid delivery stream name '" + name
                    + "': it must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("Delivery stream '" + name + "' has no destination bucket");
        }
        prefix = prefix == null ? "" : prefix;
        if (prefix.startsWith("/") || prefix.contains("//") || prefix.contains("\\")
                || Arrays.asList(prefix.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals("."))) {
            throw new IllegalArgumentException("Delivery stream '" + name + "' has an invalid S3 prefix '" + prefix
                    + "': it must be a relative key prefix such as 'bars/', without '.', '..', '//' or '\\'");
        }
        if (bufferSizeBytes < MIN_BUFFER_SIZE_BYTES || bufferSizeBytes > MAX_BUFFER_SIZE_BYTES) {
            throw new IllegalArgumentException("Delivery stream '" + name + "' has a buffering size hint of "
                    + bufferSizeBytes + " bytes: AWS allows 1 to 128 MiB (" + MIN_BUFFER_SIZE_BYTES + " to "
                    + MAX_BUFFER_SIZE_BYTES + " bytes)");
        }
        if (bufferIntervalSeconds < 0 || bufferIntervalSeconds > MAX_BUFFER_INTERVAL_SECONDS) {
            throw new IllegalArgumentException("Delivery stream '" + name + "' has a buffering interval of "
                    + bufferIntervalSeconds + " s: AWS allows 0 to " + MAX_BUFFER_INTERVAL_SECONDS + " seconds");
        }
    }

    /**
     * A stream delivering to an S3 location such as {@code s3://finance-stream-lake/bars/}: the host is the bucket,
     * the path (without its leading slash) the prefix.
     */
    public static DeliveryStreamConfig of(String name, String s3Destination, long bufferSizeBytes,
                                          int bufferIntervalSeconds) {
        URI uri;
        try {
            uri = new URI(s3Destination);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Delivery stream '" + name + "' has an invalid destination '"
                    + s3Destination + "' (expected s3://bucket/prefix)", e);
        }
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("Delivery stream '" + name + "' has an invalid destination '"
                    + s3Destination + "' (expected s3://bucket/prefix)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        return new DeliveryStreamConfig(name, uri.getHost(), path.replaceFirst("^/", ""), bufferSizeBytes,
                bufferIntervalSeconds);
    }

    /** A stream with AWS's default buffering hints (5 MiB, 300 s). */
    public static DeliveryStreamConfig of(String name, String s3Destination) {
        return of(name, s3Destination, DEFAULT_BUFFER_SIZE_BYTES, DEFAULT_BUFFER_INTERVAL_SECONDS);
    }

    public Duration bufferInterval() {
        return Duration.ofSeconds(bufferIntervalSeconds);
    }

    /** The destination as an S3 URI, e.g. {@code s3://finance-stream-lake/bars/}. */
    public String s3Destination() {
        return "s3://" + bucket + "/" + prefix;
    }
}
