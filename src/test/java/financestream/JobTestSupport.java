package financestream;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import financestream.pipeline.JobOutcome;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/**
 * Runs the real application — {@code application.properties} and the routes in {@code routes/} — with a few
 * settings overridden, and waits for the one-shot job's verdict.
 */
abstract class JobTestSupport extends CamelMainTestSupport {

    @TempDir
    static Path work;

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
}
