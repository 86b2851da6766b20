package financestream.aws;

import financestream.CapturedLogs;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerState;

/**
 * The real SDK clients from {@link AwsClients}, pointed at WireMock on loopback, must send what AWS expects:
 * the JSON protocol's target header, a SigV4 signature for the configured region and service, the request body —
 * and leave no trace of the secret key in any log.
 */
class AwsClientsWireTest {

    private static final String ACCESS_KEY = "AKIDFINANCESTREAMTEST";
    private static final String SECRET_KEY = "fsTestSecret/never+logged/0123456789abcdef";
    private static final String BAR = "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", "
            + "\"name\": \"DDOG\"}\n";

    private static WireMockServer wireMock;
    private CapturedLogs logs;

    @BeforeAll
    static void startWireMockWithTestCredentials() {
        wireMock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        AwsJsonStubs.answerAll(wireMock);
        // The first link of the SDK's default credentials chain: JVM system properties.
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        // Never reach for instance metadata from a test, whatever machine it runs on.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void captureLogs() {
        wireMock.resetRequests();
        logs = CapturedLogs.begin();
    }

    @AfterEach
    void releaseLogs() {
        logs.stopCapturing();
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.region");
    }

    @Test
    void firehoseClientSendsSignedJsonToTheConfiguredEndpoint() {
        try (FirehoseClient firehose = AwsClients.fromSettings("eu-west-1", wireMockUrl()).firehose()) {
            assertThat(firehose.describeDeliveryStream(r -> r.deliveryStreamName("fs-bars"))
                    .deliveryStreamDescription().deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
            PutRecordBatchResponse put = firehose.putRecordBatch(r -> r.deliveryStreamName("fs-bars")
                    .records(Record.builder().data(SdkBytes.fromUtf8String(BAR)).build()));
            assertThat(put.failedPutCount()).isZero();
        }

        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.FIREHOSE_DESCRIBE))
                .withHeader("Authorization", matching(sigV4("eu-west-1", "firehose")))
                .withRequestBody(matchingJsonPath("$.DeliveryStreamName", equalTo("fs-bars"))));
        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.FIREHOSE_PUT_BATCH))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching(sigV4("eu-west-1", "firehose")))
                .withRequestBody(matchingJsonPath("$.DeliveryStreamName", equalTo("fs-bars")))
                .withRequestBody(matchingJsonPath("$.Records[0].Data", equalTo(base64(BAR)))));
    }

    @Test
    void glueClientSendsSignedJsonToTheConfiguredEndpoint() {
        try (GlueClient glue = AwsClients.fromSettings("eu-west-1", wireMockUrl()).glue()) {
            assertThat(glue.getCrawler(r -> r.name("fs-bars")).crawler().state()).isEqualTo(CrawlerState.READY);
        }

        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.GLUE_GET_CRAWLER))
                .withHeader("Authorization", matching(sigV4("eu-west-1", "glue")))
                .withRequestBody(matchingJsonPath("$.Name", equalTo("fs-bars"))));
    }

    @Test
    void athenaClientSendsSignedJsonToTheConfiguredEndpoint() {
        String id = "11111111-2222-3333-4444-555555555555";
        try (AthenaClient athena = AwsClients.fromSettings("eu-west-1", wireMockUrl()).athena()) {
            assertThat(athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
        }

        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.ATHENA_GET_QUERY_EXECUTION))
                .withHeader("Authorization", matching(sigV4("eu-west-1", "athena")))
                .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id))));
    }

    /**
     * Without {@code aws.endpoint-override} the SDK's own endpoint resolution decides. {@code aws.endpointUrl} is the
     * JVM-property twin of {@code AWS_ENDPOINT_URL}, read by the same resolver just before it; had AwsClients
     * called endpointOverride, this request would have gone to AWS instead.
     */
    @Test
    void sdkEndpointResolutionStaysInChargeWhenNoEndpointIsSet() {
        System.setProperty("aws.endpointUrl", wireMockUrl());
        try (GlueClient glue = AwsClients.fromSettings("eu-west-1", "").glue()) {
            glue.getCrawler(r -> r.name("fs-bars"));
        }

        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.GLUE_GET_CRAWLER)));
    }

    @Test
    void endpointSettingTakesPrecedenceOverTheSdksEndpointResolution() {
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:9/nothing-listens-here");
        try (AthenaClient athena = AwsClients.fromSettings("eu-west-1", wireMockUrl()).athena()) {
            athena.getQueryExecution(r -> r.queryExecutionId("q"));
        }

        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.ATHENA_GET_QUERY_EXECUTION)));
    }

    /** {@code aws.region} as a JVM property is the SDK's region chain, the same chain that reads AWS_REGION. */
    @Test
    void regionFallsBackToTheSdksDefaultRegionChain() {
        System.setProperty("aws.region", "ap-southeast-2");
        try (FirehoseClient firehose = AwsClients.fromSettings(null, wireMockUrl()).firehose()) {
            firehose.describeDeliveryStream(r -> r.deliveryStreamName("fs-bars"));
        }

        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", matching(sigV4("ap-southeast-2", "firehose"))));
    }

    @Test
    void secretKeyNeverReachesLogsOrTheWire() {
        AwsClients clients = AwsClients.fromSettings("eu-west-1", wireMockUrl());
        try (FirehoseClient firehose = clients.firehose(); GlueClient glue = clients.glue();
             AthenaClient athena = clients.athena()) {
            firehose.putRecordBatch(r -> r.deliveryStreamName("fs-bars")
                    .records(Record.builder().data(SdkBytes.fromUtf8String(BAR)).build()));
            glue.getCrawler(r -> r.name("fs-bars"));
            athena.getQueryExecution(r -> r.queryExecutionId("q"));
        }

        // The capture must have seen real traffic, or "no secret" would prove nothing.
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("Firehose client: region eu-west-1"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("software.amazon.awssdk"));
        assertThat(logs.all()).contains("aws4_request").doesNotContain(SECRET_KEY);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(3)
                .allSatisfy(request -> assertThat(everythingSent(request)).doesNotContain(SECRET_KEY));
    }

    private static String wireMockUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    /** SigV4 header for the test key, scoped to a date, the region and the service's signing name. */
    private static String sigV4(String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/\\d{8}/" + region + "/" + service
                + "/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String everythingSent(LoggedRequest request) {
        return request.getUrl() + "\n" + request.getHeaders() + "\n" + request.getBodyAsString();
    }
}
