package financestream.aws.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import financestream.FinanceStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when", literally: {@code CAMEL_MAIN_PROFILE=aws} and {@code AWS_ENDPOINT_URL} in the
 * environment of the real main class, started as a user starts it (from the project directory, reading
 * application.properties, application-aws.properties and routes/), against a server speaking the three APIs.
 * The process exits 0 and prints the answer Athena returned; every bar reached Firehose once.
 */
class AwsProfileMainProcessTest {

    private static final String SECRET_KEY = "fsProcessTestSecret/never+logged/0123456789";

    private static FakeAwsServices aws;

    @BeforeAll
    static void startFakeAws() {
        aws = new FakeAwsServices();
        aws.resultRows = fake -> List.of(List.of("DDOG", "9", "98.80000305175781"), List.of("NFLX", "15", "505.0"));
    }

    @AfterAll
    static void stopFakeAws() {
        aws.shutdown();
    }

    @Test
    void theMainJobRunsOnTheAwsProfileWithAwsEndpointUrlAndPrintsAthenasAnswer(@TempDir Path out) throws Exception {
        Process job = start(Map.ofEntries(
                Map.entry("CAMEL_MAIN_PROFILE", "aws"),
                Map.entry("AWS_ENDPOINT_URL", aws.url()),
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT"),
                Map.entry("AWS_SECRET_ACCESS_KEY", SECRET_KEY),
                Map.entry("AWS_EC2_METADATA_DISABLED", "true"),
                // settings from the environment, as a user overrides them
                Map.entry("RESULTS_DIR", out.resolve("results").toString()),
                // the no-duplicates ledger lives in the lake: a scratch one, so nothing of this run stays in the project
                Map.entry("LAKE_DIR", out.resolve("lake").toString()),
                Map.entry("FIREHOSE_DEAD_LETTER_DIR", out.resolve("dead-letter").toString()),
                Map.entry("FIREHOSE_DELIVERY_WAIT_MARGIN_SECONDS", "0"),
                Map.entry("GLUE_POLL_INTERVAL_MS", "50"),
                Map.entry("ATHENA_POLL_INITIAL_DELAY_MS", "50"),
                Map.entry("ATHENA_POLL_DELAY_MS", "50")));
        boolean finished = job.waitFor(3, TimeUnit.MINUTES);
        String output = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("job finished; output:%n%s", output).isTrue();
        assertThat(job.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output)
                // AWS_ENDPOINT_URL reached the SDK's own endpoint resolution, not an override from a setting
                .contains("(SDK endpoint resolution: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, profile)")
                .contains("Highest hourly high per company on 2020-12-01:")
                .contains("DDOG |    9 | 98.80000305175781")
                .contains("(2 rows)")
                .contains("Job finished: OK")
                .doesNotContain(SECRET_KEY);
        assertThat(aws.acceptedLines()).hasSize(3788).doesNotHaveDuplicates();
        assertThat(aws.crawlStarts).hasSize(1);
        assertThat(Files.readAllLines(out.resolve("results/highest-hourly-high-2020-12-01.csv")))
                .containsExactly("name,hour,highest_high", "DDOG,9,98.80000305175781", "NFLX,15,505.0");
    }

    private static Process start(Map<String, String> environment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                FinanceStream.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the project directory, as the README runs it: application*.properties and routes/ are read from here
        builder.directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CAMEL_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
