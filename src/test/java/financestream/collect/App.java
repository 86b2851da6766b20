package financestream.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import financestream.FinanceStreamConfiguration;
import financestream.bars.Bar;
import financestream.bars.BarJson;
import financestream.JobOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** The whole application as a user starts it (application.properties, routes/), over a test's lake and clock. */
final class App implements AutoCloseable {

    private final Main main;

    private App(Main main) {
        this.main = main;
    }

    static App start(Path work, Clock clock, Properties settings) {
        Properties overrides = new Properties();
        overrides.put("lake.dir", work.resolve("lake").toString());
        overrides.put("results.dir", work.resolve("results").toString());
        overrides.put("job.exit-when-done", "false");
        overrides.putAll(settings);
        Main main = new Main();
        main.configure().addConfiguration(FinanceStreamConfiguration.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(overrides);
        main.bind(CollectBeans.CLOCK, clock);
        main.start();
        return new App(main);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    JobOutcome outcome() {
        return bean(JobOutcome.BEAN_NAME, JobOutcome.class);
    }

    CollectSummary summary() {
        return bean("collectSummary", CollectSummary.class);
    }

    @Override
    public void close() {
        main.stop();
    }

    /** Every record in the lake's bars objects, as landed. */
    static List<Bar> landedBars(Path work) {
        Path bars = work.resolve("lake/finance-stream-lake/bars");
        List<Bar> landed = new ArrayList<>();
        if (!Files.isDirectory(bars)) {
            return landed;
        }
        try (Stream<Path> files = Files.walk(bars)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        landed.add(BarJson.parse(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return landed;
    }
}
