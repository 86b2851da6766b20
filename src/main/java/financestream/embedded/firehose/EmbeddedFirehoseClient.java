package financestream.embedded.firehose;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import financestream.embedded.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.BufferingHints;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.DestinationDescription;
import software.amazon.awssdk.services.firehose.model.EncryptionConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsRequest;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsResponse;
import software.amazon.awssdk.services.firehose.model.NoEncryptionConfig;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.PutRecordRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.S3DestinationDescription;

/**
 * Kinesis Data Firehose with S3 destinations, over a {@link Lake}: the same {@link FirehoseClient} interface, the
 * same limits and error types, the same object keys, buffering and no-delimiter concatenation as AWS. A route that
 * AWS would reject fails here too.
 *
 * <p>Records are accepted into a per-stream buffer and delivered as one object when the size hint is reached, when
 * the oldest record is older than the interval hint (a daemon thread checks every {@value #CHECK_MILLIS} ms), at the
 * end of every call for an interval of 0, on {@link #flush()} and on {@link #close()}. Close the client when the
 * application stops, or records still buffered are lost (Camel does not close a client it did not create).
 */
public final class EmbeddedFirehoseClient implements FirehoseClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFirehoseClient.class);

    public static final int MAX_RECORDS_PER_CALL = 500;
    public static final long MAX_BYTES_PER_CALL = 4 * DeliveryStreamConfig.MIB;
    public static final int MAX_RECORD_BYTES = 1_024_000;

    // Placeholders for the ARNs AWS reports: the embedded engine belongs to no account or region.
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final long CHECK_MILLIS = 250;
    /** 75 random bytes and 9 of sequence: 84 bytes, 112 characters of base64, each part without padding. */
    private static final int RECORD_ID_PREFIX_BYTES = 75;
    private static final int RECORD_ID_SEQUENCE_BYTES = 9;
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    private final Clock clock;
    private final Instant created;
    private final Map<String, DeliveryStream> streams = new TreeMap<>(); // sorted, as ListDeliveryStreams answers
    private final ScheduledExecutorService scheduler;
    private final AtomicLong recordSequence = new AtomicLong();
    private final String recordIdPrefix = newRecordIdPrefix();
    private volatile boolean closed;

    /** An engine on the system clock. */
    public EmbeddedFirehoseClient(Lake lake, Collection<DeliveryStreamConfig> streams) {
        this(lake, streams, Clock.systemUTC());
    }

    public EmbeddedFirehoseClient(Lake lake, Collection<DeliveryStreamConfig> streams, Clock clock) {
        this.clock = clock;
        this.created = clock.instant();
        AtomicObjectWriter writer = new AtomicObjectWriter(lake.internalDir("firehose"));
        for (DeliveryStreamConfig config : streams) {
            if (this.streams.putIfAbsent(config.name(), new DeliveryStream(config, lake, writer)) != null) {
                throw new IllegalArgumentException("Delivery stream '" + config.name() + "' is configured twice");
            }
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-firehose-buffer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::deliverDueQuietly, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public PutRecordResponse putRecord(PutRecordRequest request) {
        checkStreamName(request.deliveryStreamName());
        if (request.record() == null || request.record().data() == null) {
            throw validationError("Value null at 'record.data' failed to satisfy constraint: Member must not be null");
        }
        DeliveryStream stream = acceptingStream(request.deliveryStreamName());
        SdkBytes data = request.record().data();
        checkRecordSize(stream, data, 0);
        stream.append(List.of(data), clock.instant());
        return PutRecordResponse.builder().recordId(newRecordId()).encrypted(false).build();
    }

    @Override
    public PutRecordBatchResponse putRecordBatch(PutRecordBatchRequest request) {
        List<Record> records = request.records();
        // AWS validates the request shape before it looks up the stream
        checkStreamName(request.deliveryStreamName());
        if (records.isEmpty()) {
            throw validationError("Value '[]' at 'records' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        if (records.size() > MAX_RECORDS_PER_CALL) {
            // AWS leaves the value out: record data is sensitive
            throw validationError("Value at 'records' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_RECORDS_PER_CALL);
        }
        List<SdkBytes> data = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            if (record == null || record.data() == null) {
                throw validationError("Value null at 'records." + (i + 1) + ".member.data' failed to satisfy "
                        + "constraint: Member must not be null");
            }
            data.add(record.data());
        }
        DeliveryStream stream = acceptingStream(request.deliveryStreamName());
        long total = 0;
        for (int i = 0; i < data.size(); i++) {
            total += checkRecordSize(stream, data.get(i), i);
        }
        if (total > MAX_BYTES_PER_CALL) {
            throw invalidArgument("Records size exceeds 4 MiB limit: the " + data.size() + " records sent to "
                    + "delivery stream " + stream.config().name() + " hold " + total + " bytes (at most "
                    + MAX_BYTES_PER_CALL + " bytes per PutRecordBatch call)");
        }
        // only a call that passed every check reaches the buffer, so a rejected call buffers nothing
        stream.append(data, clock.instant());
        List<PutRecordBatchResponseEntry> entries = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            entries.add(PutRecordBatchResponseEntry.builder().recordId(newRecordId()).build());
        }
        return PutRecordBatchResponse.builder().failedPutCount(0).encrypted(false).requestResponses(entries).build();
    }

    @Override
    public DescribeDeliveryStreamResponse describeDeliveryStream(DescribeDeliveryStreamRequest request) {
        DeliveryStreamConfig config = stream(request.deliveryStreamName()).config();
        BufferingHints hints = BufferingHints.builder()
                .sizeInMBs((int) ((config.bufferSizeBytes() + DeliveryStreamConfig.MIB - 1) / DeliveryStreamConfig.MIB))
                .intervalInSeconds(config.bufferIntervalSeconds())
                .build();
        EncryptionConfiguration noEncryption =
                EncryptionConfiguration.builder().noEncryptionConfig(NoEncryptionConfig.NO_ENCRYPTION).build();
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/embedded-firehose";
        String bucketArn = "arn:aws:s3:::" + config.bucket();
        DestinationDescription destination = DestinationDescription.builder()
                .destinationId("destinationId-000000000001")
                .s3DestinationDescription(S3DestinationDescription.builder()
                        .roleARN(roleArn).bucketARN(bucketArn).prefix(config.prefix()).bufferingHints(hints)
                        .compressionFormat(CompressionFormat.UNCOMPRESSED).encryptionConfiguration(noEncryption)
                        .build())
                .extendedS3DestinationDescription(ExtendedS3DestinationDescription.builder()
                        .roleARN(roleArn).bucketARN(bucketArn).prefix(config.prefix()).bufferingHints(hints)
                        .compressionFormat(CompressionFormat.UNCOMPRESSED).encryptionConfiguration(noEncryption)
                        .build())
                .build();
        return DescribeDeliveryStreamResponse.builder()
                .deliveryStreamDescription(DeliveryStreamDescription.builder()
                        .deliveryStreamName(config.name())
                        .deliveryStreamARN(streamArn(config.name()))
                        .deliveryStreamStatus(DeliveryStreamStatus.ACTIVE)
                        .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                        .versionId(String.valueOf(ObjectKeys.STREAM_VERSION))
                        .createTimestamp(created)
                        .destinations(destination)
                        .hasMoreDestinations(false)
                        .build())
                .build();
    }

    @Override
    public ListDeliveryStreamsResponse listDeliveryStreams(ListDeliveryStreamsRequest request) {
        int limit = request.limit() == null ? 10 : request.limit(); // AWS's default page size
        if (limit < 1 || limit > 10_000) {
            throw validationError("Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + "Member must have value between 1 and 10000");
        }
        List<String> names = new ArrayList<>();
        boolean directPut = request.deliveryStreamType() == null
                || request.deliveryStreamType() == DeliveryStreamType.DIRECT_PUT;
        if (directPut) { // every embedded stream is a Direct PUT stream
            for (String name : streams.keySet()) {
                String after = request.exclusiveStartDeliveryStreamName();
                if (after == null || name.compareTo(after) > 0) {
                    names.add(name);
                }
            }
        }
        return ListDeliveryStreamsResponse.builder()
                .deliveryStreamNames(names.subList(0, Math.min(limit, names.size())))
                .hasMoreDeliveryStreams(names.size() > limit)
                .build();
    }

    /** Delivers the buffers whose oldest record has waited their stream's interval; the scheduler calls this. */
    public void deliverDue() {
        Instant now = clock.instant();
        for (DeliveryStream stream : streams.values()) {
            stream.deliverIfDue(now);
        }
    }

    /**
     * Delivers every buffered record now. Throws {@link UncheckedIOException} if a delivery fails; the records of
     * that stream stay buffered and the other streams are still flushed.
     */
    public void flush() {
        forEveryStream(DeliveryStream::flush);
    }

    /**
     * Stops the buffering thread, delivers everything still buffered and refuses further records. Throws if the
     * final delivery fails, so that a lost buffer is never silent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // stop the timer first (without interrupting a delivery in progress), so the final flush runs alone
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The embedded Firehose buffering thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forEveryStream(DeliveryStream::close);
    }

    /** Runs a delivery on every stream, even after one fails; then throws the first failure (the others suppressed). */
    private void forEveryStream(java.util.function.BiConsumer<DeliveryStream, Instant> delivery) {
        Instant now = clock.instant();
        UncheckedIOException failure = null;
        for (DeliveryStream stream : streams.values()) {
            try {
                delivery.accept(stream, now);
            } catch (UncheckedIOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The names of the configured delivery streams, sorted. */
    public List<String> deliveryStreamNames() {
        return Collections.unmodifiableList(new ArrayList<>(streams.keySet()));
    }

    private void deliverDueQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // never let the timer thread die: buffered records would then wait for flush() or close()
            LOG.error("Embedded Firehose buffering check failed: {}", e.toString(), e);
        }
    }

    private DeliveryStream acceptingStream(String name) {
        DeliveryStream stream = stream(name);
        if (closed) {
            throw new IllegalStateException("The embedded Firehose client is closed: delivery stream '" + name
                    + "' accepts no more records");
        }
        return stream;
    }

    private DeliveryStream stream(String name) {
        checkStreamName(name);
        DeliveryStream stream = streams.get(name);
        if (stream == null) {
            throw awsError(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                    "Firehose " + name + " under account " + ACCOUNT + " not found.");
        }
        return stream;
    }

    private static void checkStreamName(String name) {
        if (name == null) {
            throw validationError("Value null at 'deliveryStreamName' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (!STREAM_NAME.matcher(name).matches()) {
            throw validationError("Value '" + name + "' at 'deliveryStreamName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and length 1 to 64");
        }
    }

    private static int checkRecordSize(DeliveryStream stream, SdkBytes data, int index) {
        int size = data.asByteArrayUnsafe().length;
        if (size > MAX_RECORD_BYTES) {
            throw invalidArgument("Record size exceeds 1,000 KiB limit: record " + index + " sent to delivery stream "
                    + stream.config().name() + " holds " + size + " bytes (at most " + MAX_RECORD_BYTES + ")");
        }
        return size;
    }

    private static FirehoseException validationError(String detail) {
        // AWS has no modelled exception for request validation: the SDK surfaces it as FirehoseException
        return awsError(FirehoseException.builder(), "ValidationException", "1 validation error detected: " + detail);
    }

    private static InvalidArgumentException invalidArgument(String message) {
        return awsError(InvalidArgumentException.builder(), "InvalidArgumentException", message);
    }

    @SuppressWarnings("unchecked")
    private static <E extends AwsServiceException> E awsError(AwsServiceException.Builder builder, String code,
                                                             String message) {
        return (E) builder
                .message(message)
                .statusCode(400)
                .requestId(UUID.randomUUID().toString())
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("Firehose")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .build();
    }

    private static String newRecordIdPrefix() {
        byte[] prefix = new byte[RECORD_ID_PREFIX_BYTES];
        new SecureRandom().nextBytes(prefix);
        return Base64.getEncoder().encodeToString(prefix);
    }

    private static String streamArn(String name) {
        return "arn:aws:firehose:" + REGION + ":" + ACCOUNT + ":deliverystream/" + name;
    }

    /**
     * AWS record ids are long opaque strings; these are as long, and unique: this engine's random prefix and a
     * sequence number (a secure random number per record cost more than the rest of the call).
     */
    private String newRecordId() {
        byte[] sequence = ByteBuffer.allocate(RECORD_ID_SEQUENCE_BYTES).putLong(1, recordSequence.incrementAndGet()).array();
        return recordIdPrefix + Base64.getEncoder().encodeToString(sequence);
    }
}
