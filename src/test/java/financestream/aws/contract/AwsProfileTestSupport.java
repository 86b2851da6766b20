package financestream.aws.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import financestream.App;
import financestream.JobTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The application as the {@code aws} profile configures it — application-aws.properties over
 * application.properties, the real routes, the real SDK clients and Camel components — pointed at
 * {@link FakeAwsServices} with {@code aws.endpoint-override}: the shared {@link App} fixture under the aws profile.
 * No job runs by itself: each test drives a route.
 */
abstract class AwsProfileTestSupport extends JobTestSupport {

    static final String REPLAY = "/replay/2020-12-01/minute-bars.ndjson";

    static FakeAwsServices aws;

    @BeforeAll
    static synchronized void startFakeAws() {
        // also called from a static initializer when the job runs at start-up
        if (aws != null) {
            return;
        }
        aws = new FakeAwsServices();
        // the SDK's default credentials chain, first link; never instance metadata from a test
        System.setProperty("aws.accessKeyId", "AKIDFINANCESTREAMTEST");
        System.setProperty("aws.secretAccessKey", "fsTestSecret/never+logged");
        System.setProperty("aws.disableEc2Metadata", "true");
        // one HTTP attempt per SDK call: the retries under test are the route's, and the counts stay exact
        System.setProperty("aws.maxAttempts", "1");
    }

    @AfterAll
    static void stopFakeAws() {
        aws.shutdown();
        aws = null;
    }

    @Override
    protected App configure(App app) {
        return app.profile("aws")
                .set("aws.endpoint-override", aws.url())
                .set("aws.region", "eu-west-1")
                .set("firehose.stream", "fs-bars")
                .set("glue.crawler", "fs-crawler")
                .set("glue.database", "fs_db")
                .set("athena.database", "fs_db")
                .set("athena.workgroup", "fs-workgroup")
                .set("athena.output-location", "s3://fs-lake/athena-results/")
                .set("firehose.dead-letter.dir", work.resolve("dead-letter").toString())
                .set("firehose.retry.initial-backoff-ms", "10")
                .set("firehose.retry.max-backoff-ms", "40")
                .set("firehose.delivery-wait.margin-seconds", "0")
                .set("glue.poll-interval-ms", "20")
                .set("athena.poll-initial-delay-ms", "10")
                .set("athena.poll-delay-ms", "20")
                .set("job.run-once", "false");
    }

    /** The bundled day's records of these symbols, as the replay source hands them to Firehose. */
    static List<String> barsOf(Set<String> symbols) throws IOException {
        try (InputStream in = AwsProfileTestSupport.class.getResourceAsStream(REPLAY)) {
            List<String> bars = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (symbols.stream().anyMatch(s -> line.contains("\"name\": \"" + s + "\""))) {
                    bars.add(line);
                }
            }
            return bars;
        }
    }

    /** Every line of every file in the dead-letter folder. */
    List<String> deadLetterLines() throws IOException {
        Path dir = work.resolve("dead-letter");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (!text.isEmpty() && !text.endsWith("\n")) {
                    throw new AssertionError(file + " does not end with a newline: a record was cut");
                }
                lines.addAll(text.lines().toList());
            }
        }
        return lines;
    }
}
