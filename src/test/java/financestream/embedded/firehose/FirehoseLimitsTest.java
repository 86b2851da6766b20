package financestream.embedded.firehose;

import financestream.SettableClock;
import static financestream.embedded.firehose.LakeObjects.batch;
import static financestream.embedded.firehose.LakeObjects.objects;
import static financestream.embedded.firehose.LakeObjects.put;
import static financestream.embedded.firehose.LakeObjects.record;
import static financestream.embedded.firehose.LakeObjects.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import financestream.embedded.Lake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

/** The limits AWS enforces on PutRecord/PutRecordBatch, with AWS's error types; a rejected call buffers nothing. */
class FirehoseLimitsTest {

    private static final int KIB_1000 = 1_024_000;
    private static final int MIB_4 = 4 * 1024 * 1024;

    @TempDir
    Path dir;
    private Lake lake;
    private EmbeddedFirehoseClient firehose;

    @BeforeEach
    void start() {
        lake = new Lake(dir);
        // a long interval and a large hint: nothing is delivered until the test flushes
        firehose = LakeObjects.barsStream(lake, 128 * DeliveryStreamConfig.MIB, 900, new SettableClock(Instant.parse("2020-12-01T14:30:00Z")));
    }

    @AfterEach
    void stop() {
        firehose.close();
    }

    private Path bucket() {
        return lake.resolve("finance-stream-lake", "");
    }

    private long landedBytes() {
        firehose.flush();
        return objects(bucket()).values().stream().mapToLong(b -> b.length).sum();
    }

    @Test
    void fiveHundredRecordsAreAcceptedAndFiveHundredOneAreAValidationError() {
        assertThat(firehose.putRecordBatch(batch("bars", records(500, 10))).requestResponses()).hasSize(500);

        FirehoseException error = catchThrowableOfType(FirehoseException.class,
                () -> firehose.putRecordBatch(batch("bars", records(501, 10))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.getMessage()).startsWith("1 validation error detected: Value at 'records' failed to satisfy "
                + "constraint: Member must have length less than or equal to 500");
        assertAwsShaped(error);
        assertThat(landedBytes()).as("only the accepted 500 records").isEqualTo(500 * 10);
    }

    @Test
    void anEmptyBatchIsAValidationError() {
        FirehoseException error = catchThrowableOfType(FirehoseException.class,
                () -> firehose.putRecordBatch(batch("bars", List.of())));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.getMessage()).contains("at 'records' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1");
        assertAwsShaped(error);
        // a request without a records list at all is the same empty batch to AWS
        assertThat(catchThrowableOfType(FirehoseException.class, () -> firehose.putRecordBatch(
                PutRecordBatchRequest.builder().deliveryStreamName("bars").build())).awsErrorDetails().errorCode())
                .isEqualTo("ValidationException");
    }

    @Test
    void exactlyFourMibPerCallIsAcceptedAndOneByteMoreIsAnInvalidArgument() {
        List<Record> exactly = new ArrayList<>(records(4, KIB_1000));
        exactly.add(record(new byte[MIB_4 - 4 * KIB_1000]));
        firehose.putRecordBatch(batch("bars", exactly));

        List<Record> over = new ArrayList<>(records(4, KIB_1000));
        over.add(record(new byte[MIB_4 - 4 * KIB_1000 + 1]));
        InvalidArgumentException error = catchThrowableOfType(InvalidArgumentException.class,
                () -> firehose.putRecordBatch(batch("bars", over)));

        assertThat(error.getMessage()).contains("4 MiB").contains("bars").contains(String.valueOf(MIB_4 + 1));
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidArgumentException");
        assertAwsShaped(error);
        assertThat(landedBytes()).as("only the accepted call").isEqualTo(MIB_4);
    }

    @Test
    void aRecordOfExactly1000KibIsAcceptedAndOneByteMoreIsAnInvalidArgument() {
        firehose.putRecord(r -> r.deliveryStreamName("bars").record(record(new byte[KIB_1000])));

        InvalidArgumentException single = catchThrowableOfType(InvalidArgumentException.class,
                () -> firehose.putRecord(r -> r.deliveryStreamName("bars").record(record(new byte[KIB_1000 + 1]))));
        // in a batch, one oversized record rejects the whole call, the small records included
        InvalidArgumentException inBatch = catchThrowableOfType(InvalidArgumentException.class,
                () -> firehose.putRecordBatch(batch("bars", List.of(record("small\n"), record(new byte[KIB_1000 + 1])))));

        assertThat(single.getMessage()).contains("1,000 KiB").contains(String.valueOf(KIB_1000 + 1));
        assertThat(inBatch.getMessage()).contains("record 1").contains("bars");
        assertAwsShaped(single);
        assertThat(landedBytes()).isEqualTo(KIB_1000);
    }

    @Test
    void anUnknownStreamIsResourceNotFoundForEveryOperation() {
        ResourceNotFoundException onPut = catchThrowableOfType(ResourceNotFoundException.class,
                () -> firehose.putRecord(put("quotes", "x\n")));
        ResourceNotFoundException onBatch = catchThrowableOfType(ResourceNotFoundException.class,
                () -> firehose.putRecordBatch(batch("quotes", List.of(record("x\n")))));
        ResourceNotFoundException onDescribe = catchThrowableOfType(ResourceNotFoundException.class,
                () -> firehose.describeDeliveryStream(d -> d.deliveryStreamName("quotes")));

        assertThat(onPut.getMessage()).contains("Firehose quotes under account").contains("not found");
        assertThat(onPut.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertAwsShaped(onPut);
        assertThat(onBatch).isNotNull();
        assertThat(onDescribe).isNotNull();
        assertThat(landedBytes()).isZero();
    }

    @Test
    void missingStreamNameOrDataIsAValidationError() {
        assertThat(catchThrowableOfType(FirehoseException.class,
                () -> firehose.putRecord(r -> r.record(record("x")))).getMessage())
                .contains("'deliveryStreamName'").contains("must not be null");
        assertThat(catchThrowableOfType(FirehoseException.class,
                () -> firehose.putRecord(r -> r.deliveryStreamName("bars").record(Record.builder().build()))).getMessage())
                .contains("'record.data'");
        assertThat(catchThrowableOfType(FirehoseException.class,
                () -> firehose.putRecordBatch(batch("bars", List.of(record("ok\n"), Record.builder().build())))).getMessage())
                .contains("'records.2.member.data'");
        assertThat(catchThrowableOfType(FirehoseException.class,
                () -> firehose.putRecord(put("bars/../x", "x"))).awsErrorDetails().errorCode())
                .isEqualTo("ValidationException");
        assertThat(landedBytes()).isZero();
    }

    private static void assertAwsShaped(AwsServiceException error) {
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().serviceName()).isEqualTo("Firehose");
        assertThat(error.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(400);
        assertThat(error.requestId()).isNotBlank();
    }
}
