package financestream.embedded.firehose;

import financestream.SettableClock;
import static financestream.embedded.firehose.DeliveryStreamConfig.MIB;
import static financestream.embedded.firehose.LakeObjects.batch;
import static financestream.embedded.firehose.LakeObjects.objects;
import static financestream.embedded.firehose.LakeObjects.put;
import static financestream.embedded.firehose.LakeObjects.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import financestream.embedded.Lake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.PutRecordResponse;
import software.amazon.awssdk.services.firehose.model.S3DestinationDescription;

/** What lands in S3 and what the API answers, as a user of Firehose sees it. */
class FirehoseDeliveryTest {

    // 22:59:58 UTC on 2020-12-01: the object's folder must be the UTC hour, not the local one
    private static final Instant ARRIVAL = Instant.parse("2020-12-01T22:59:58Z");

    @TempDir
    Path dir;
    private Lake lake;
    private SettableClock clock;
    private EmbeddedFirehoseClient firehose;

    @BeforeEach
    void start() {
        lake = new Lake(dir);
        clock = new SettableClock(ARRIVAL);
        firehose = new EmbeddedFirehoseClient(lake, List.of(
                DeliveryStreamConfig.of("bars", "s3://finance-stream-lake/bars/", 64 * MIB, 900),
                DeliveryStreamConfig.of("quotes.v2", "s3://finance-stream-lake/raw", MIB, 60),
                DeliveryStreamConfig.of("a-trades_1", "s3://other-lake", MIB, 0)), clock);
    }

    @AfterEach
    void stop() {
        firehose.close();
    }

    private Map<String, byte[]> bucket(String name) {
        return objects(lake.resolve(name, ""));
    }

    @Test
    void anObjectKeyIsPrefixUtcHourFoldersAndStreamVersionTimeUuid() {
        firehose.putRecord(put("bars", "first\n"));
        clock.advance(java.time.Duration.ofSeconds(5)); // into the next hour: the key still uses the first record
        firehose.putRecord(put("bars", "second\n"));
        firehose.flush();

        assertThat(bucket("finance-stream-lake").keySet()).singleElement().asString().matches(
                "bars/2020/12/01/22/bars-1-2020-12-01-22-59-58-"
                        + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aPrefixWithoutSlashIsUsedAsIsLikeAws() {
        firehose.putRecord(put("quotes.v2", "q\n"));
        firehose.putRecord(put("a-trades_1", "t\n")); // interval 0: delivered at the end of the call
        firehose.flush();

        assertThat(bucket("finance-stream-lake").keySet()).singleElement().asString()
                .matches("raw2020/12/01/22/quotes\\.v2-1-2020-12-01-22-59-58-[0-9a-f-]{36}");
        assertThat(bucket("other-lake").keySet()).singleElement().asString()
                .matches("2020/12/01/22/a-trades_1-1-2020-12-01-22-59-58-[0-9a-f-]{36}");
    }

    @Test
    void recordsAreConcatenatedExactlyAsSentWithNoDelimiterAdded() {
        firehose.putRecord(put("bars", "a"));
        firehose.putRecordBatch(batch("bars", List.of(record("b"), record("c\n"))));
        firehose.flush();

        assertThat(bucket("finance-stream-lake").values()).singleElement()
                .satisfies(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("abc\n"));
    }

    @Test
    void binaryDataLandsByteForByte() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        firehose.putRecord(r -> r.deliveryStreamName("bars").record(record(data)));
        firehose.flush();

        assertThat(bucket("finance-stream-lake").values()).singleElement().isEqualTo(data);
    }

    @Test
    void responsesCarryARecordIdPerRecordAndNoFailures() {
        PutRecordBatchResponse batch = firehose.putRecordBatch(batch("bars", List.of(record("1\n"), record("2\n"), record("3\n"))));
        PutRecordResponse single = firehose.putRecord(put("bars", "4\n"));

        assertThat(batch.failedPutCount()).isZero();
        assertThat(batch.encrypted()).isFalse();
        assertThat(batch.requestResponses()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.recordId()).hasSizeGreaterThan(100);
            assertThat(entry.errorCode()).isNull();
        });
        assertThat(single.recordId()).hasSizeGreaterThan(100);
        assertThat(single.encrypted()).isFalse();
        assertThat(batch.requestResponses().stream().map(PutRecordBatchResponseEntry::recordId).distinct())
                .hasSize(3).doesNotContain(single.recordId());
    }

    @Test
    void describeReportsAnActiveDirectPutStreamWithItsS3Destination() {
        DeliveryStreamDescription description =
                firehose.describeDeliveryStream(d -> d.deliveryStreamName("bars")).deliveryStreamDescription();

        assertThat(description.deliveryStreamName()).isEqualTo("bars");
        assertThat(description.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
        assertThat(description.deliveryStreamARN()).matches("arn:aws:firehose:[a-z0-9-]+:\\d{12}:deliverystream/bars");
        assertThat(description.createTimestamp()).isEqualTo(ARRIVAL);
        S3DestinationDescription s3 = description.destinations().get(0).s3DestinationDescription();
        assertThat(s3.bucketARN()).isEqualTo("arn:aws:s3:::finance-stream-lake");
        assertThat(s3.prefix()).isEqualTo("bars/");
        assertThat(s3.bufferingHints().sizeInMBs()).isEqualTo(64);
        assertThat(s3.bufferingHints().intervalInSeconds()).isEqualTo(900);
        assertThat(description.destinations().get(0).extendedS3DestinationDescription().bucketARN())
                .isEqualTo(s3.bucketARN());
    }

    @Test
    void listReturnsTheStreamsSortedAndPaged() {
        assertThat(firehose.listDeliveryStreams().deliveryStreamNames())
                .containsExactly("a-trades_1", "bars", "quotes.v2");

        ListDeliveryStreamsResponse firstPage = firehose.listDeliveryStreams(l -> l.limit(2));
        ListDeliveryStreamsResponse secondPage = firehose.listDeliveryStreams(
                l -> l.limit(2).exclusiveStartDeliveryStreamName("bars"));

        assertThat(firstPage.deliveryStreamNames()).containsExactly("a-trades_1", "bars");
        assertThat(firstPage.hasMoreDeliveryStreams()).isTrue();
        assertThat(secondPage.deliveryStreamNames()).containsExactly("quotes.v2");
        assertThat(secondPage.hasMoreDeliveryStreams()).isFalse();
    }

    @Test
    void itIsTheFirehoseService() {
        assertThat(firehose.serviceName()).isEqualTo(FirehoseClient.SERVICE_NAME);
    }
}
