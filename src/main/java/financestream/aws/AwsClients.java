package financestream.aws;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Builds the real SDK v2 clients the {@code aws} profile binds in place of the embedded engines.
 *
 * <p>Credentials always come from the SDK's default chain (JVM properties, environment, profile, container or
 * instance role): the app never holds a key itself, so none can reach a log. The region comes from
 * {@code aws.region} or else the SDK's default region chain ({@code AWS_REGION}, ...). The endpoint is overridden
 * only when {@code aws.endpoint-override} is set; otherwise the SDK's standard resolution stays in charge, so
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_FIREHOSE|GLUE|ATHENA}, their JVM-property twins
 * ({@code aws.endpointUrl}, {@code aws.endpointUrlFirehose}, ...) and a profile's {@code endpoint_url} keep
 * working — an explicit {@code endpointOverride} would silently take precedence over all of them.
 *
 * <p>Each call builds a new client that owns its HTTP connection pool; whoever binds it closes it.
 */
public final class AwsClients {

    private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);

    private final AwsConnectionSettings settings;

    public AwsClients(AwsConnectionSettings settings) {
        this.settings = settings;
    }

    /**
     * The two settings as read from properties ({@code aws.region}, {@code aws.endpoint-override}); null or blank means
     * "not set, let the SDK resolve it".
     */
    public static AwsClients fromSettings(String region, String endpointUrl) {
        return new AwsClients(AwsConnectionSettings.of(region, endpointUrl));
    }

    public FirehoseClient firehose() {
        return build("Firehose", FirehoseClient.builder());
    }

    public GlueClient glue() {
        return build("Glue", GlueClient.builder());
    }

    public AthenaClient athena() {
        return build("Athena", AthenaClient.builder());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AwsClient> C build(
            String service, B builder) {
        // Several HTTP implementations are on the classpath (Apache 4 and 5, URLConnection); naming one keeps the
        // choice stable when a dependency changes. Apache 4 is the one Camel's AWS components bring.
        builder.httpClientBuilder(ApacheHttpClient.builder());
        settings.region().ifPresent(builder::region);
        settings.endpointUrl().ifPresent(builder::endpointOverride);
        C client;
        try {
            client = builder.build();
        } catch (SdkClientException e) {
            throw new IllegalStateException("Cannot create the " + service + " client: " + e.getMessage()
                    + " (set " + AwsConnectionSettings.REGION_SETTING + " or AWS_REGION for the region)", e);
        }
        LOG.info("{} client: region {} ({}), endpoint {} ({})", service,
                client.serviceClientConfiguration().region(),
                settings.region().isPresent() ? AwsConnectionSettings.REGION_SETTING : "SDK default region chain",
                client.serviceClientConfiguration().endpointOverride().map(AwsClients::printable)
                        .orElse("AWS default"),
                settings.endpointUrl().isPresent() ? AwsConnectionSettings.ENDPOINT_URL_SETTING
                        : "SDK endpoint resolution: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, profile");
        return client;
    }

    /** Scheme, host, port and path only: a user-info part could hold a secret. */
    private static String printable(URI endpoint) {
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
    }
}
