package financestream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real application ({@link App}, in this JVM) for each test, with a few settings overridden: the
 * one-shot job at start-up, or a test that drives the routes through {@link #template}.
 */
public abstract class JobTestSupport {

    /** The job's working directory: its lake and results. */
    @TempDir
    protected static Path work;

    protected App app;
    protected CamelContext context;
    protected ProducerTemplate template;

    @BeforeEach
    void startApp() {
        app = configure(new App(work)).start();
        context = app.context();
        template = app.template();
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    /** The settings this test changes (a family of tests: call super first). */
    protected App configure(App app) {
        return app;
    }

    protected JobOutcome outcome() {
        return app.outcome();
    }

    /** Waits until the one-shot job has finished and returns its outcome. */
    protected JobOutcome awaitJob() {
        return app.awaitJob();
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
