package financestream.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.regions.Region;

class AwsConnectionSettingsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void unsetSettingsLeaveResolutionToTheSdk(String unset) {
        assertThat(AwsConnectionSettings.of(unset, unset)).isEqualTo(AwsConnectionSettings.sdkDefaults());
    }

    @Test
    void readsRegionAndEndpoint() {
        AwsConnectionSettings settings = AwsConnectionSettings.of(" eu-central-1 ", "http://localhost:4566");

        assertThat(settings.region()).contains(Region.EU_CENTRAL_1);
        assertThat(settings.endpointUrl()).contains(URI.create("http://localhost:4566"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU West 1", "eu-west", "frankfurt"})
    void rejectsSomethingThatIsNotARegionId(String region) {
        assertThatThrownBy(() -> AwsConnectionSettings.of(region, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws.region").hasMessageContaining(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:4566", "ftp://example.com", "http://", "http://exa mple.com"})
    void rejectsAnEndpointThatIsNotAnAbsoluteHttpUrl(String endpoint) {
        assertThatThrownBy(() -> AwsConnectionSettings.of(null, endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws.endpoint-override");
    }

    @Test
    void rejectsCredentialsInTheEndpointWithoutRepeatingThem() {
        assertThatThrownBy(() -> AwsConnectionSettings.of(null, "https://AKID:s3cr3t@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws.endpoint-override")
                .hasMessageNotContaining("s3cr3t");
    }
}
