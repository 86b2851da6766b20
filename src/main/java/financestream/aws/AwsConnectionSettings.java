package financestream.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

import software.amazon.awssdk.regions.Region;

/**
 * Where the real AWS clients connect, from the {@code aws} profile's settings. Either part may be absent, and then
 * the SDK's own resolution applies: the default region chain ({@code aws.region} JVM property, {@code AWS_REGION},
 * the profile, instance metadata) and the standard endpoint resolution ({@code AWS_ENDPOINT_URL_<SERVICE>},
 * {@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}, else the public AWS endpoint).
 */
public record AwsConnectionSettings(Optional<Region> region, Optional<URI> endpointUrl) {

    /** Setting naming the region; empty means the SDK's default region chain. */
    public static final String REGION_SETTING = "aws.region";
    /**
     * Setting pointing all three clients at another endpoint; empty leaves AWS_ENDPOINT_URL and friends in charge.
     * Not named aws.endpoint-url: Camel reads a setting's upper-cased twin from the environment, which would turn
     * AWS_ENDPOINT_URL into an override that beats AWS_ENDPOINT_URL_GLUE and the other service-specific variables.
     */
    public static final String ENDPOINT_URL_SETTING = "aws.endpoint-override";

    private static final Pattern REGION_ID = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+");

    public AwsConnectionSettings {
        region = region == null ? Optional.empty() : region;
        endpointUrl = endpointUrl == null ? Optional.empty() : endpointUrl;
    }

    /**
     * Reads the two settings as a properties file holds them: {@code null} or blank means "not set".
     *
     * @throws IllegalArgumentException naming the setting and what is wrong with it
     */
    public static AwsConnectionSettings of(String region, String endpointUrl) {
        return new AwsConnectionSettings(parseRegion(region), parseEndpointUrl(endpointUrl));
    }

    /** Nothing set: the SDK resolves region, endpoint and credentials exactly as any AWS tool would. */
    public static AwsConnectionSettings sdkDefaults() {
        return new AwsConnectionSettings(Optional.empty(), Optional.empty());
    }

    private static Optional<Region> parseRegion(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String id = value.trim();
        if (!REGION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Setting " + REGION_SETTING + " = '" + id
                    + "' is not an AWS region id such as eu-west-1 or us-east-1");
        }
        return Optional.of(Region.of(id));
    }

    private static Optional<URI> parseEndpointUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        // The value is never echoed: a mistyped URL may still carry a secret the user pasted into it.
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Setting " + ENDPOINT_URL_SETTING
                    + " is not a valid URL (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Setting " + ENDPOINT_URL_SETTING
                    + " must be an absolute http(s) URL such as http://localhost:4566");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Setting " + ENDPOINT_URL_SETTING
                    + " must not carry user info, a query or a fragment; credentials come from the default chain");
        }
        return Optional.of(uri);
    }
}
