package financestream.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The promise, literally: with {@code AWS_ENDPOINT_URL} (and {@code AWS_REGION}) in the environment and no
 * settings, all three clients talk to that endpoint, and {@code AWS_ENDPOINT_URL_GLUE} wins for Glue. A JVM cannot
 * set its own environment, so {@link EndpointFromEnvironmentProbe} runs in a child JVM with exactly that
 * environment.
 */
class AwsEndpointEnvironmentTest {

    private static final String SECRET_KEY = "fsEnvTestSecret/never+logged/abcdef0123456789";

    private static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        AwsJsonStubs.answerAll(wireMock);
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @Test
    void clientsFollowAwsEndpointUrlAndItsServiceSpecificVariant(@TempDir Path home) throws Exception {
        String endpoint = "http://127.0.0.1:" + wireMock.port();

        Process probe = startProbe(home, Map.of(
                "AWS_ENDPOINT_URL", endpoint,
                "AWS_ENDPOINT_URL_GLUE", endpoint + "/glue-only",
                "AWS_REGION", "us-east-2",
                "AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT",
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY));
        boolean finished = probe.waitFor(60, TimeUnit.SECONDS);
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("probe finished; output:%n%s", output).isTrue();
        assertThat(probe.exitValue()).as("probe exit code; output:%n%s", output).isZero();
        assertThat(output).contains("firehose endpoint " + endpoint + " region us-east-2")
                .contains("glue endpoint " + endpoint + "/glue-only")
                .doesNotContain(SECRET_KEY);
        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.FIREHOSE_DESCRIBE))
                .withHeader("Authorization", matching(".*Credential=AKIDFROMENVIRONMENT/\\d{8}/us-east-2/firehose/.*")));
        wireMock.verify(postRequestedFor(urlEqualTo("/glue-only/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.GLUE_GET_CRAWLER)));
        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(AwsJsonStubs.ATHENA_GET_QUERY_EXECUTION))
                .withHeader("Authorization", matching(".*/us-east-2/athena/aws4_request.*")));
    }

    private static Process startProbe(Path home, Map<String, String> awsEnvironment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's booter puts the real test classpath in java.class.path of the forked test JVM.
        String classpath = System.getProperty("java.class.path");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath,
                EndpointFromEnvironmentProbe.class.getName()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Only what the test sets may steer the SDK: no inherited AWS_* variable, profile or instance metadata.
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.putAll(awsEnvironment);
        return builder.start();
    }
}
