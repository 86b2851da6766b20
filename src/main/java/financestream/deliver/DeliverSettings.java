package financestream.deliver;

import java.nio.file.Path;

import financestream.settings.S3Location;
import financestream.settings.Setting;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;

/**
 * The deliver stage's settings (route 1-collect-firehose): the Firehose stream, its batches, packing, re-sends
 * and dead letters. Defaults and meanings: {@code application.properties}.
 */
public record DeliverSettings(
        @Setting("firehose.stream")
        @Pattern(regexp = "[a-zA-Z0-9_.-]{1,64}",
                message = "a delivery stream name is 1 to 64 letters, digits, '_', '.' or '-'")
        // legal on AWS, but objects are named after the stream and Athena skips names starting so
        @Pattern(regexp = "[^._].*", message = "objects are named after the stream ('<stream>-1-…'),"
                + " which Athena and Glue skip when the name starts with '.' or '_'") String stream,
        @Setting("firehose.destination") S3Location destination,
        @Setting("firehose.buffer-size-mib") @Range(min = 1, max = 128) int bufferSizeMib,
        @Setting("firehose.buffer-interval-seconds") @Range(min = 0, max = 900) int bufferIntervalSeconds,
        @Setting("firehose.batch.max-records") @Range(min = 1, max = 500) int batchMaxRecords,
        @Setting("firehose.batch.max-bytes") @Range(min = 1_024_000, max = 4_194_304) long batchMaxBytes,
        @Setting("firehose.pack.enabled") boolean packEnabled,
        @Setting("firehose.pack.max-record-bytes") @Range(min = 1, max = 1_024_000) int packMaxRecordBytes,
        @Setting("firehose.retry.initial-backoff-ms") @Min(0) long retryInitialBackoffMs,
        @Setting("firehose.retry.max-backoff-ms") @Min(0) long retryMaxBackoffMs,
        @Setting("firehose.retry.max-redeliveries") @Min(0) int retryMaxRedeliveries,
        @Setting("firehose.dead-letter.dir") Path deadLetterDir,
        @Setting("firehose.delivery-wait.margin-seconds") @Min(0) long deliveryWaitMarginSeconds) {

    /** Bytes per packed Firehose record, or 0 when each bar is a record of its own. */
    public int packRecordBytes() {
        return packEnabled ? packMaxRecordBytes : 0;
    }
}
