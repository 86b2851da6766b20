package financestream.observe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Readiness: the engines the routes need answer. The same cheap describe calls on both worlds, through the SDK
 * interfaces the routes use — Firehose DescribeDeliveryStream (the stream must be ACTIVE) and Glue GetCrawler —
 * plus, on the embedded engines, the lake directory (the embedded S3) must be a writable directory.
 * <p>
 * Athena is not probed: its cheap calls (GetWorkGroup) are not in the app's IAM policy, and the embedded Athena
 * lives in the process. Liveness is Camel's own (the context and routes are up).
 */
public class EnginesHealthCheck extends AbstractHealthCheck {

    private final String firehoseStream;
    private final String crawler;
    private final Path lakeDir;

    /** @param lakeDir the embedded lake's directory, or {@code null} on AWS */
    public EnginesHealthCheck(String firehoseStream, String crawler, Path lakeDir) {
        super("finance-stream", "engines");
        this.firehoseStream = firehoseStream;
        this.crawler = crawler;
        this.lakeDir = lakeDir;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CamelContext context = getCamelContext();
        builder.detail("firehose.stream", firehoseStream).detail("glue.crawler", crawler);
        try {
            if (lakeDir != null) {
                builder.detail("lake.dir", lakeDir.toString());
                if (!Files.isDirectory(lakeDir) || !Files.isWritable(lakeDir)) {
                    builder.message("The lake directory " + lakeDir + " is missing or not writable").down();
                    return;
                }
            }
            DeliveryStreamStatus status = context.getRegistry().findSingleByType(FirehoseClient.class)
                    .describeDeliveryStream(b -> b.deliveryStreamName(firehoseStream))
                    .deliveryStreamDescription().deliveryStreamStatus();
            if (status != DeliveryStreamStatus.ACTIVE) {
                builder.message("Firehose delivery stream " + firehoseStream + " is " + status + ", not ACTIVE").down();
                return;
            }
            context.getRegistry().findSingleByType(GlueClient.class).getCrawler(b -> b.name(crawler));
            builder.up();
        } catch (RuntimeException e) {
            builder.message("An engine did not answer: " + e.getMessage()).error(e).down();
        }
    }
}
