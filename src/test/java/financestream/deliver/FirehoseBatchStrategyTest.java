package financestream.deliver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.Record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregator, shaped as in routes/1-collect.camel.yaml, builds PutRecordBatch bodies within AWS's limits. */
class FirehoseBatchStrategyTest extends CamelTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:records")
                        .split(body()).stopOnException()
                        .setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS_INCLUSIVE,
                                exchangeProperty(Exchange.SPLIT_COMPLETE))
                        .aggregate(header("symbol"), new FirehoseBatchStrategy())
                        .executorService(new SynchronousExecutorService())
                        .to("mock:batches");
            }
        };
    }

    @Test
    void smallRecordsGoInBatchesOfAtMost500() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            records.add("{\"n\": " + i + "}\n");
        }
        List<List<Record>> batches = send(records);

        assertThat(batches).extracting(List::size).containsExactly(500, 500, 234);
        assertThat(contents(batches)).isEqualTo(records);
    }

    @Test
    void largeRecordsGoInBatchesOfAtMost4MiB() throws Exception {
        Random random = new Random(42);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // 100 KiB .. 1,000 KiB, the largest a Firehose record may be
            int size = 100 * 1024 + random.nextInt(900 * 1024);
            records.add("x".repeat(size - 1) + "\n");
        }
        List<List<Record>> batches = send(records);

        for (List<Record> batch : batches) {
            long bytes = batch.stream().mapToLong(r -> r.data().asByteArray().length).sum();
            assertThat(bytes).isLessThanOrEqualTo(4L * 1024 * 1024);
            assertThat(batch).hasSizeLessThanOrEqualTo(500);
        }
        // every record once, in order (compared by length: the records are megabytes of 'x')
        assertThat(contents(batches)).extracting(String::length)
                .containsExactlyElementsOf(records.stream().map(String::length).toList());
    }

    @Test
    void aRecordOverTheAwsLimitIsRefusedWithItsSize() {
        String tooBig = "y".repeat(1_000 * 1024 + 1);
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:records", List.of(tooBig), "symbol", "DDOG"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("1024001 bytes exceeds AWS's limit of 1024000 bytes");
    }

    @Test
    void limitsBeyondAwsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new FirehoseBatchStrategy(501, 4L * 1024 * 1024))
                .hasMessageContaining("firehose.batch.max-records must be 1..500, was 501");
        assertThatThrownBy(() -> new FirehoseBatchStrategy(500, 5L * 1024 * 1024))
                .hasMessageContaining("firehose.batch.max-bytes");
    }

    private List<List<Record>> send(List<String> records) throws InterruptedException {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        template.sendBodyAndHeader("direct:records", records, "symbol", "DDOG");
        // the aggregator may hand its last batch on after the send returns: wait until every record is in a batch
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> batches.getExchanges()
                .stream().mapToInt(e -> e.getMessage().getBody(List.class).size()).sum() == records.size());
        List<List<Record>> answer = new ArrayList<>();
        for (Exchange exchange : batches.getExchanges()) {
            @SuppressWarnings("unchecked")
            List<Record> batch = exchange.getMessage().getBody(List.class);
            answer.add(batch);
        }
        return answer;
    }

    private static List<String> contents(List<List<Record>> batches) {
        return batches.stream().flatMap(List::stream)
                .map(r -> new String(r.data().asByteArray(), StandardCharsets.UTF_8)).toList();
    }
}
