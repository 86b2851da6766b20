package financestream.aws.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import financestream.FinanceStreamConfiguration;
import financestream.JobOutcome;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as the {@code aws} profile configures it — application-aws.properties over
 * application.properties, the real routes, the real SDK clients and Camel components — pointed at
 * {@link FakeAwsServices} with {@code aws.endpoint-override}. No job runs by itself: each test drives a route.
 */
abstract class AwsProfileTestSupport extends CamelMainTestSupport {

    static final String REPLAY = "/replay/2020-12-01/minute-bars.ndjson";

    static FakeAwsServices aws;

    @TempDir
    static Path work;

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
    protected String getPropertyPlaceholderLocations() {
        return "file:application-aws.properties,file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties overrides = new Properties();
        overrides.put("aws.endpoint-override", aws.url());
        overrides.put("aws.region", "eu-west-1");
        overrides.put("firehose.stream", "fs-bars");
        overrides.put("glue.crawler", "fs-crawler");
        overrides.put("glue.database", "fs_db");
        overrides.put("athena.database", "fs_db");
        overrides.put("athena.workgroup", "fs-workgroup");
        overrides.put("athena.output-location", "s3://fs-lake/athena-results/");
        overrides.put("firehose.dead-letter.dir", work.resolve("dead-letter").toString());
        overrides.put("results.dir", work.resolve("results").toString());
        overrides.put("lake.dir", work.resolve("lake").toString());
        overrides.put("firehose.retry.initial-backoff-ms", "10");
        overrides.put("firehose.retry.max-backoff-ms", "40");
        overrides.put("firehose.delivery-wait.margin-seconds", "0");
        overrides.put("glue.poll-interval-ms", "20");
        overrides.put("athena.poll-initial-delay-ms", "10");
        overrides.put("athena.poll-delay-ms", "20");
        overrides.put("job.run-once", "false");
        overrides.put("job.exit-when-done", "false");
        overrides.putAll(settings());
        return overrides;
    }

    /** What a test class changes on top of the aws profile. */
    protected Properties settings() {
        return new Properties();
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(FinanceStreamConfiguration.class);
    }

    JobOutcome outcome() {
        return context.getRegistry().lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
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
