package financestream.embedded.firehose;

import financestream.SettableClock;
import static financestream.embedded.firehose.DeliveryStreamConfig.MIB;
import static financestream.embedded.firehose.LakeObjects.allText;
import static financestream.embedded.firehose.LakeObjects.objects;
import static financestream.embedded.firehose.LakeObjects.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import financestream.embedded.Lake;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

/** Through Camel's real aws2-kinesis-firehose component, with the client found in the registry. */
class FirehoseCamelComponentTest {

    @TempDir
    Path dir;
    private Lake lake;
    private EmbeddedFirehoseClient firehose;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        lake = new Lake(dir);
        firehose = LakeObjects.barsStream(lake, MIB, 0, new SettableClock(Instant.parse("2020-12-01T14:30:00Z")));
        camel = new DefaultCamelContext();
        // the only FirehoseClient in the registry: the component must pick it up without any option
        camel.getRegistry().bind("embeddedFirehose", firehose);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        firehose.close(); // Camel does not close a client it did not create
    }

    private Path bucket() {
        return lake.resolve("finance-stream-lake", "");
    }

    @Test
    void theDefaultOperationPutsOneRecordWithAnAutowiredClient() {
        Exchange exchange = template.send("aws2-kinesis-firehose:bars", e -> e.getIn().setBody("{\"high\": 67.5}\n"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("CamelAwsKinesisFirehoseRecordId", String.class)).isNotBlank();
        assertThat(objects(bucket()).keySet()).singleElement().asString()
                .matches("bars/2020/12/01/14/bars-1-2020-12-01-14-30-00-[0-9a-f-]{36}");
        assertThat(allText(bucket())).isEqualTo("{\"high\": 67.5}\n");
    }

    @Test
    void sendBatchRecordPutsAListOfRecordsAsOneCall() {
        List<Record> records = List.of(record("a\n"), record("b\n"), record("c\n"));

        Exchange exchange = template.send("aws2-kinesis-firehose:bars?operation=sendBatchRecord",
                e -> e.getIn().setBody(records));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("CamelAwsKinesisFirehoseFailedRecordCount", Integer.class)).isZero();
        assertThat(exchange.getMessage().getBody(PutRecordBatchResponse.class).requestResponses()).hasSize(3);
        assertThat(objects(bucket())).hasSize(1);
        assertThat(allText(bucket())).isEqualTo("a\nb\nc\n");
    }

    @Test
    void aRouteThatAwsWouldRejectFailsHereToo() {
        Exchange unknownStream = template.send("aws2-kinesis-firehose:prices", e -> e.getIn().setBody("x\n"));
        Exchange tooBig = template.send("aws2-kinesis-firehose:bars?operation=sendBatchRecord",
                e -> e.getIn().setBody(java.util.Collections.nCopies(501, record("x\n"))));

        assertThat(unknownStream.getException()).isInstanceOf(ResourceNotFoundException.class);
        assertThat(tooBig.getException()).isInstanceOf(FirehoseException.class)
                .hasMessageContaining("less than or equal to 500");
        assertThat(objects(bucket())).isEmpty();
    }

    @Test
    void stoppingCamelLeavesTheClientOpenSoTheApplicationMustCloseIt() {
        template.sendBody("aws2-kinesis-firehose:bars", "before stop\n");
        camel.stop();

        firehose.putRecord(LakeObjects.put("bars", "after stop\n"));

        assertThat(allText(bucket())).contains("before stop\n").contains("after stop\n");
    }
}
