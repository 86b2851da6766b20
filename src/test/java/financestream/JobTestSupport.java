package financestream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/**
 * Runs the real application — {@code application.properties} and the routes in {@code routes/} — with a few
 * settings overridden, and waits for the one-shot job's verdict.
 */
public abstract class JobTestSupport extends CamelMainTestSupport {

    /** The job's working directory: its lake and results. */
    @TempDir
    protected static Path work;

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties overrides = new Properties();
        overrides.put("lake.dir", work.resolve("lake").toString());
        overrides.put("results.dir", work.resolve("results").toString());
        // the test inspects the context after the job, so the job must not stop it
        overrides.put("job.exit-when-done", "false");
        overrides.putAll(settings());
        return overrides;
    }

    /** The settings this test changes. */
    protected Properties settings() {
        return new Properties();
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(FinanceStreamConfiguration.class);
    }

    /** Waits until the one-shot job has finished and returns its outcome. */
    protected JobOutcome awaitJob() {
        JobOutcome outcome = context.getRegistry().lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
        await().atMost(2, TimeUnit.MINUTES).until(() -> outcome.exitCode().isPresent());
        return outcome;
    }

    protected Path result(String fileName) {
        return work.resolve("results").resolve(fileName);
    }

    /** The reference day's CSV answer: its rows (without the header), split into fields. */
    protected List<String[]> csvRows() throws IOException {
        List<String> lines = Files.readAllLines(result("highest-hourly-high-2020-12-01.csv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
    }
}
