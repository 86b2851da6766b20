package financestream.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Answers the AWS JSON protocol the way the services do: a POST whose {@code X-Amz-Target} names the operation,
 * answered with {@code application/x-amz-json-1.1} and the body in {@code src/test/resources/aws/}.
 */
final class AwsJsonStubs {

    static final String FIREHOSE_DESCRIBE = "Firehose_20150804.DescribeDeliveryStream";
    static final String FIREHOSE_PUT_BATCH = "Firehose_20150804.PutRecordBatch";
    static final String GLUE_GET_CRAWLER = "AWSGlue.GetCrawler";
    static final String ATHENA_GET_QUERY_EXECUTION = "AmazonAthena.GetQueryExecution";

    private AwsJsonStubs() {
    }

    /** The three services' operations the tests call, on any path (a service-specific endpoint may add one). */
    static void answerAll(WireMockServer server) {
        answer(server, FIREHOSE_DESCRIBE, "firehose-DescribeDeliveryStream.json");
        answer(server, FIREHOSE_PUT_BATCH, "firehose-PutRecordBatch.json");
        answer(server, GLUE_GET_CRAWLER, "glue-GetCrawler.json");
        answer(server, ATHENA_GET_QUERY_EXECUTION, "athena-GetQueryExecution.json");
    }

    private static void answer(WireMockServer server, String target, String bodyResource) {
        server.stubFor(post(urlPathMatching("/.*"))
                .withHeader("X-Amz-Target", equalTo(target))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(read(bodyResource))));
    }

    private static String read(String name) {
        try (InputStream in = AwsJsonStubs.class.getResourceAsStream("/aws/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /aws/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
