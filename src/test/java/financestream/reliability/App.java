package financestream.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application, {@code financestream.FinanceStream}, started as its own JVM the way a user starts it: the
 * test classpath, a scratch working directory holding a copy of the shipped {@code application.properties} (so
 * {@code FinanceStream.settingsLocation()} reads it from there), the project's {@code routes/} (copied), and {@code -D}
 * overrides. Its whole output (stdout and stderr) goes to {@code app.log} in the working directory.
 */
final class App {

    static final Path PROJECT = Path.of("").toAbsolutePath();

    private final Path workDir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> extraSettingsLines = new ArrayList<>();
    private final Map<String, String> extraRoutes = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();

    App(Path workDir) {
        this.workDir = workDir;
        settings.put("lake.dir", workDir.resolve("lake").toString());
        settings.put("results.dir", workDir.resolve("results").toString());
    }

    App set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    App env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** A line appended to the working directory's application.properties (e.g. a secret a user keeps there). */
    App settingsFileLine(String line) {
        extraSettingsLines.add(line);
        return this;
    }

    /** One more route file in the working directory's routes/, next to the shipped ones. */
    App route(String fileName, String yaml) {
        extraRoutes.put(fileName, yaml);
        return this;
    }

    /** Command-line arguments, as a user types them after {@code finance-stream}. */
    App args(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    Path workDir() {
        return workDir;
    }

    Path lake() {
        return Path.of(settings.get("lake.dir"));
    }

    Path log() {
        return workDir.resolve("app.log");
    }

    String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    Process start() throws IOException {
        Files.createDirectories(workDir);
        List<String> properties = new ArrayList<>(Files.readAllLines(PROJECT.resolve("application.properties")));
        properties.addAll(extraSettingsLines);
        Files.write(workDir.resolve("application.properties"), properties, StandardCharsets.UTF_8);
        // the shipped routes, found where the settings say: file:routes/*.camel.yaml in the working directory
        // (copied: Camel's scan does not follow a symbolic link)
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        try (var shipped = Files.list(PROJECT.resolve("routes"))) {
            for (Path route : shipped.toList()) {
                Files.copy(route, routes.resolve(route.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Map.Entry<String, String> route : extraRoutes.entrySet()) {
            Files.writeString(routes.resolve(route.getKey()), route.getValue(), StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("financestream.FinanceStream");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs to the end and answers the exit code; fails the test if it does not end in time. */
    int run(Duration timeout) throws IOException, InterruptedException {
        Process process = start();
        return awaitExit(process, timeout);
    }

    int awaitExit(Process process, Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("finance-stream did not exit within " + timeout + "; its log:\n" + logText());
        }
        return process.exitValue();
    }
}
