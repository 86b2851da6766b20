package financestream.deliver;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.BufferingHints;
import software.amazon.awssdk.services.firehose.model.DestinationDescription;

/**
 * Waits until Firehose has had time to deliver what the job just put, before the crawler looks at the bucket.
 * <p>
 * Firehose has no flush call and says nothing when a buffer reaches S3; it delivers a buffer when it is full or
 * when its oldest record is the stream's buffer interval old. So the one-shot job waits that interval — read from
 * the stream itself with DescribeDeliveryStream, not guessed — plus a margin for the S3 write. Checking for the
 * objects instead would need S3 reads the app is not otherwise granted and could not tell our last object apart
 * from a slow one anyway. A delivery that fails on Firehose's side (e.g. the S3 role) lands under the stack's
 * error prefix and in its CloudWatch log, not in the app.
 */
public class FirehoseDeliveryWait {

    private static final Logger LOG = LoggerFactory.getLogger(FirehoseDeliveryWait.class);

    private final FirehoseClient firehose;
    private final Duration margin;

    public FirehoseDeliveryWait(FirehoseClient firehose, Duration margin) {
        this.firehose = firehose;
        this.margin = margin;
    }

    /**
     * Sleeps the stream's buffer interval plus the margin (every batch was answered on the collecting thread
     * before this runs); returns what it waited, for the log.
     */
    public String await(String stream) throws InterruptedException {
        Duration interval = bufferInterval(stream);
        Duration wait = interval.plus(margin);
        if (wait.isZero()) {
            return "Firehose stream " + stream + " delivers at once (buffer interval 0 s)";
        }
        LOG.info("Waiting {} s for Firehose stream {} to deliver: its buffer interval {} s + margin {} s "
                + "(firehose.delivery-wait.margin-seconds)", wait.toSeconds(), stream, interval.toSeconds(),
                margin.toSeconds());
        Thread.sleep(wait.toMillis());
        return "waited " + wait.toSeconds() + " s for Firehose stream " + stream + " to deliver";
    }

    private Duration bufferInterval(String stream) {
        try {
            long seconds = 0;
            for (DestinationDescription destination : firehose.describeDeliveryStream(b -> b.deliveryStreamName(stream))
                    .deliveryStreamDescription().destinations()) {
                BufferingHints hints = destination.extendedS3DestinationDescription() != null
                        ? destination.extendedS3DestinationDescription().bufferingHints()
                        : destination.s3DestinationDescription() == null ? null
                        : destination.s3DestinationDescription().bufferingHints();
                if (hints != null && hints.intervalInSeconds() != null) {
                    seconds = Math.max(seconds, hints.intervalInSeconds());
                } else {
                    // an S3 destination without hints uses Firehose's default interval
                    seconds = Math.max(seconds, 300);
                }
            }
            return Duration.ofSeconds(seconds);
        } catch (SdkException e) {
            // no cause attached: the firehose routes' onException would take an SdkException cause for a failed put
            throw new IllegalStateException("Cannot read the buffer interval of Firehose stream " + stream
                    + " (DescribeDeliveryStream): " + e.getMessage());
        }
    }
}
