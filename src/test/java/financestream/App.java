package financestream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import financestream.bars.Bar;
import financestream.bars.BarJson;
import financestream.collect.CollectBeans;
import financestream.collect.CollectSummary;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * The whole application as a user starts it — the shipped {@code application.properties} (under a profile's file
 * if one is named), the routes in {@code routes/} and overrides — over a test's own working directory, which
 * holds its lake and results. One fixture for every test that runs the app, either way:
 * <ul>
 *   <li>in this JVM ({@link #start()}): the test reaches the context and the beans, and sends to routes; the
 *       one-shot job does not stop the app, so the test can look at it afterwards;</li>
 *   <li>as its own JVM ({@link #launch()}, {@link #run(Duration)}): {@code FinanceStream.main} in a scratch
 *       working directory holding copies of {@code application.properties} and {@code routes/}, with {@code -D}
 *       overrides; its whole output goes to {@code app.log} there.</li>
 * </ul>
 */
public final class App implements AutoCloseable, AfterEachCallback {

    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private final Path work;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> extraSettingsLines = new ArrayList<>();
    private final Map<String, String> extraRoutes = new LinkedHashMap<>();
    private String profile;
    private Clock clock;
    private Main main;
    private ProducerTemplate template;
    private WireMockServer yahoo;
    private boolean ownsWork;

    public App(Path work) {
        this.work = work;
        settings.put("lake.dir", work.resolve("lake").toString());
        settings.put("results.dir", work.resolve("results").toString());
    }

    /**
     * The fixture of a test that runs the app against a local "Yahoo": a fresh working directory and WireMock on a
     * free loopback port for each test ({@code @RegisterExtension final App app = App.withLocalYahoo();}); after
     * the test the app and Yahoo stop and the directory goes.
     */
    public static App withLocalYahoo() {
        try {
            App app = new App(Files.createTempDirectory("finance-stream-test"));
            app.ownsWork = true;
            app.yahoo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            app.yahoo.start();
            return app.set("finance.source", "yahoo").set("yahoo.base-url", "http://127.0.0.1:" + app.yahoo.port())
                    .set("yahoo.max-requests", "100"); // the real API's request quota is not under test
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local "Yahoo" of {@link #withLocalYahoo()}: stub its answers, count its requests. */
    public WireMockServer yahoo() {
        return yahoo;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        stop();
        if (yahoo != null) {
            yahoo.stop();
        }
        if (ownsWork) {
            FileUtil.removeDir(work.toFile());
        }
    }

    public App set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public App set(Properties overrides) {
        overrides.forEach((key, value) -> settings.put((String) key, (String) value));
        return this;
    }

    /** Mails the report through a test's SMTP server on this loopback port, in plain text. */
    public App mailServer(int port) {
        return set("email.host", "127.0.0.1").set("email.port", String.valueOf(port)).set("email.starttls", "false");
    }

    /** Reads {@code application-NAME.properties} over {@code application.properties} (in this JVM). */
    public App profile(String name) {
        this.profile = name;
        return this;
    }

    /** The app's clock, in this JVM: a test moves time with a {@link SettableClock}. */
    public App clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public App env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** A line appended to the working directory's application.properties (e.g. a secret a user keeps there). */
    public App settingsFileLine(String line) {
        extraSettingsLines.add(line);
        return this;
    }

    /** One more route file in the working directory's routes/, next to the shipped ones. */
    public App route(String fileName, String yaml) {
        extraRoutes.put(fileName, yaml);
        return this;
    }

    public Path workDir() {
        return work;
    }

    public Path lake() {
        return Path.of(settings.get("lake.dir"));
    }

    // ---- in this JVM ---------------------------------------------------------------------------------------

    /** Starts the app in this JVM (again, after {@link #stop()}: a restart over the same lake). */
    public App start() {
        Properties overrides = new Properties();
        overrides.put("job.exit-when-done", "false");
        overrides.putAll(settings);
        main = new Main();
        main.configure().addConfiguration(FinanceStreamConfiguration.class);
        main.setDefaultPropertyPlaceholderLocation((profile == null ? "" : "file:application-" + profile + ".properties,")
                + "file:application.properties");
        main.setOverrideProperties(overrides);
        if (clock != null) {
            main.bind(CollectBeans.CLOCK, clock);
        }
        main.start();
        template = context().createProducerTemplate();
        return this;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProducerTemplate template() {
        return template;
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public JobOutcome outcome() {
        return bean(JobOutcome.BEAN_NAME, JobOutcome.class);
    }

    public CollectSummary summary() {
        return bean("collectSummary", CollectSummary.class);
    }

    /** Waits until the one-shot job has finished and returns its outcome. */
    public JobOutcome awaitJob() {
        await().atMost(2, TimeUnit.MINUTES).until(() -> outcome().exitCode().isPresent());
        return outcome();
    }

    public void stop() {
        if (main != null) {
            template.stop();
            main.stop();
            main = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- as its own JVM ------------------------------------------------------------------------------------

    public Path log() {
        return work.resolve("app.log");
    }

    public String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    /** Starts {@code FinanceStream.main} in its own JVM, in the working directory. */
    public Process launch() throws IOException {
        Files.createDirectories(work);
        List<String> properties = new ArrayList<>(Files.readAllLines(PROJECT.resolve("application.properties")));
        properties.addAll(extraSettingsLines);
        Files.write(work.resolve("application.properties"), properties, StandardCharsets.UTF_8);
        // the shipped routes, found where the settings say: file:routes/*.camel.yaml in the working directory
        // (copied: Camel's scan does not follow a symbolic link)
        Path routes = Files.createDirectories(work.resolve("routes"));
        try (Stream<Path> shipped = Files.list(PROJECT.resolve("routes"))) {
            for (Path route : shipped.toList()) {
                Files.copy(route, routes.resolve(route.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Map.Entry<String, String> route : extraRoutes.entrySet()) {
            Files.writeString(routes.resolve(route.getKey()), route.getValue(), StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("financestream.FinanceStream");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs to the end and answers the exit code; fails the test if it does not end in time. */
    public int run(Duration timeout) throws IOException, InterruptedException {
        return awaitExit(launch(), timeout);
    }

    public int awaitExit(Process process, Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("finance-stream did not exit within " + timeout + "; its log:\n" + logText());
        }
        return process.exitValue();
    }

    // ---- what landed ---------------------------------------------------------------------------------------

    /** Every record in the lake's bars objects, as landed. */
    public List<Bar> landedBars() {
        Path bars = lake().resolve("finance-stream-lake/bars");
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
