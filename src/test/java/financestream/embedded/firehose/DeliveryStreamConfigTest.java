package financestream.embedded.firehose;

import static financestream.embedded.firehose.DeliveryStreamConfig.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import financestream.embedded.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryStreamConfigTest {

    @Test
    void readsBucketAndPrefixFromAnS3Destination() {
        DeliveryStreamConfig config = DeliveryStreamConfig.of("bars", "s3://finance-stream-lake/bars/", 2 * MIB, 60);

        assertThat(config.bucket()).isEqualTo("finance-stream-lake");
        assertThat(config.prefix()).isEqualTo("bars/");
        assertThat(config.bufferSizeBytes()).isEqualTo(2 * MIB);
        assertThat(config.bufferIntervalSeconds()).isEqualTo(60);
        assertThat(config.s3Destination()).isEqualTo("s3://finance-stream-lake/bars/");
    }

    @Test
    void bucketRootIsAnEmptyPrefixAndDefaultsAreAwsDefaults() {
        DeliveryStreamConfig config = DeliveryStreamConfig.of("bars", "s3://finance-stream-lake");

        assertThat(config.prefix()).isEmpty();
        assertThat(config.bufferSizeBytes()).isEqualTo(5 * MIB);
        assertThat(config.bufferIntervalSeconds()).isEqualTo(300);
    }

    @Test
    void acceptsTheEdgesOfAwsRanges() {
        new DeliveryStreamConfig("a", "b-1", "", MIB, 0);
        new DeliveryStreamConfig("x".repeat(64), "b-1", "p/", 128 * MIB, 900);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bars/2020", "with space", "a/b", "../up", "ünïcode"})
    void rejectsStreamNamesAwsRejects(String name) {
        assertThatThrownBy(() -> DeliveryStreamConfig.of(name, "s3://finance-stream-lake/bars/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid delivery stream name '" + name + "'");
        assertThatThrownBy(() -> DeliveryStreamConfig.of("x".repeat(65), "s3://finance-stream-lake/bars/"))
                .hasMessageContaining("1 to 64");
    }

    @Test
    void rejectsBufferingHintsOutsideAwsRangesNamingStreamAndValue() {
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", "s3://lake/bars/", MIB - 1, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bars'").hasMessageContaining(String.valueOf(MIB - 1)).hasMessageContaining("1 to 128 MiB");
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", "s3://lake/bars/", 128 * MIB + 1, 60))
                .hasMessageContaining("'bars'").hasMessageContaining(String.valueOf(128 * MIB + 1));
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", "s3://lake/bars/", MIB, 901))
                .hasMessageContaining("'bars'").hasMessageContaining("901 s").hasMessageContaining("0 to 900");
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", "s3://lake/bars/", MIB, -1))
                .hasMessageContaining("'bars'").hasMessageContaining("-1 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://lake/../other/", "s3://lake/bars/../../x/", "s3://lake/a//b/", "s3://lake/./bars/"})
    void rejectsPrefixesThatLeaveTheBucketOrAreNotPlainKeys(String destination) {
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", destination))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bars'").hasMessageContaining("invalid S3 prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bars/", "file:///tmp/bars/", "s3:///bars/", "s3://lake/bars/?x=1", "s3://lake/ba rs/"})
    void rejectsDestinationsThatAreNotS3Locations(String destination) {
        assertThatThrownBy(() -> DeliveryStreamConfig.of("bars", destination))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bars'")
                .hasMessageContaining("expected s3://bucket/prefix");
    }

    @Test
    void theClientRefusesABucketNameS3Refuses(@TempDir Path dir) {
        DeliveryStreamConfig config = new DeliveryStreamConfig("bars", "Not_A_Bucket", "bars/", MIB, 0);

        assertThatThrownBy(() -> new EmbeddedFirehoseClient(new Lake(dir), List.of(config), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bars'").hasMessageContaining("Not_A_Bucket");
    }

    @Test
    void theClientRefusesTwoStreamsWithOneName(@TempDir Path dir) {
        DeliveryStreamConfig one = DeliveryStreamConfig.of("bars", "s3://lake-a/bars/");
        DeliveryStreamConfig two = DeliveryStreamConfig.of("bars", "s3://lake-b/bars/");

        assertThatThrownBy(() -> new EmbeddedFirehoseClient(new Lake(dir), List.of(one, two), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bars' is configured twice");
    }
}
