package financestream.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import financestream.FinanceStreamConfiguration;
import financestream.pipeline.JobOutcome;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

import static org.awaitility.Awaitility.await;

/**
 * The real one-shot job (application.properties, routes/, the embedded engines, the bundled day) in a temporary
 * working directory, with the settings a test adds.
 */
public abstract class OneShotJobSupport extends CamelMainTestSupport {

    /** The job's working directory. Static: CamelMainTestSupport asks for the settings in its constructor. */
    protected static final Path work = newWorkDirectory();

    private static Path newWorkDirectory() {
        try {
            return Files.createTempDirectory("finance-stream-job");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings on top of application.properties. */
    protected abstract void settings(Properties settings);

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties overrides = new Properties();
        overrides.put("lake.dir", work.resolve("lake").toString());
        overrides.put("results.dir", work.resolve("results").toString());
        overrides.put("job.exit-when-done", "false");
        settings(overrides);
        return overrides;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(FinanceStreamConfiguration.class);
    }

    protected JobOutcome awaitOutcome() {
        JobOutcome outcome = context.getRegistry().lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
        await().atMost(2, TimeUnit.MINUTES).until(() -> outcome.exitCode().isPresent());
        return outcome;
    }

    protected Path result(String fileName) {
        return work.resolve("results").resolve(fileName);
    }

    /** The CSV answer's rows (without the header), split into fields. */
    protected List<String[]> csvRows() throws IOException {
        List<String> lines = Files.readAllLines(result("highest-hourly-high-2020-12-01.csv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
    }
}
