package financestream.aws;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Run in a child JVM by {@link AwsEndpointEnvironmentTest}, because a JVM cannot change its own environment:
 * builds the clients with no settings at all, so region, endpoint and credentials come only from the
 * environment the parent gave it, then calls one operation of each service and prints what it resolved.
 */
public final class EndpointFromEnvironmentProbe {

    private EndpointFromEnvironmentProbe() {
    }

    public static void main(String[] args) {
        AwsClients clients = AwsClients.fromSettings(null, null);
        try (FirehoseClient firehose = clients.firehose(); GlueClient glue = clients.glue();
             AthenaClient athena = clients.athena()) {
            firehose.describeDeliveryStream(r -> r.deliveryStreamName("fs-bars"));
            glue.getCrawler(r -> r.name("fs-bars"));
            athena.getQueryExecution(r -> r.queryExecutionId("q"));
            System.out.println("firehose endpoint " + firehose.serviceClientConfiguration().endpointOverride()
                    .orElse(null) + " region " + firehose.serviceClientConfiguration().region());
            System.out.println("glue endpoint " + glue.serviceClientConfiguration().endpointOverride().orElse(null));
        }
    }
}
