package financestream.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import financestream.FinanceStreamConfiguration;
import financestream.JobOutcome;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one command starts: camel-main with a chosen set of route files, configuration classes and setting
 * overrides, and how its end becomes the process exit code.
 * <pre>
 *   Launch.job().set(settings).run()                               // the whole job: every route, every bean
 *   new Launch().routes("classpath:routes/query/*.camel.yaml")     // a subset: only these routes ...
 *       .configuration(QueryConfiguration.class)                   // ... and only the beans they need
 *       .set("job.run-once", "false").run()
 * </pre>
 * Exit codes: {@link ExitCodes}.
 */
public final class Launch {

    private static final Logger LOG = LoggerFactory.getLogger("financestream");

    private final Properties settings = new Properties();
    private final List<Class<? extends CamelConfiguration>> configurations = new ArrayList<>();
    private boolean verbose;

    /** The whole job: all routes (camel.main.routes-include-pattern) and the job's beans. */
    public static Launch job() {
        return new Launch().configuration(FinanceStreamConfiguration.class);
    }

    /** Only these route files (Camel include patterns, e.g. {@code classpath:routes/query/*.camel.yaml}). */
    public Launch routes(String... includePatterns) {
        return set("camel.main.routes-include-pattern", String.join(",", includePatterns));
    }

    /** A configuration class that binds the beans the routes use (instead of, or besides, the job's). */
    public Launch configuration(Class<? extends CamelConfiguration> configuration) {
        configurations.add(configuration);
        return this;
    }

    /** The console (routes/console/: the page and its API on observe.port), after the other configurations. */
    public Launch withConsole() {
        return configuration(financestream.console.ConsoleConfiguration.class).set("console.enabled", "true");
    }

    /** One setting, over application.properties and the environment. */
    public Launch set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public Launch set(Properties overrides) {
        settings.putAll(overrides);
        return this;
    }

    /** Camel's own start-up and shutdown messages, and the cause chain of an error. */
    public Launch verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    Properties settings() {
        return settings;
    }

    /** Runs until the job is done (one-shot) or the process is stopped, and answers the exit code. */
    public int run() {
        Logging.camelMessages(verbose);
        sayWhichFiles();
        Main main = new Main();
        main.setOverrideProperties(settings);
        configurations.forEach(configuration -> main.configure().addConfiguration(configuration));
        main.setDefaultPropertyPlaceholderLocation(settingsLocations(profile()));
        JobOutcome outcome = new JobOutcome(main::completed);
        main.bind(JobOutcome.BEAN_NAME, outcome);
        main.addMainListener(new ConsoleOutput(verbose));
        try {
            int mainExitCode = main.run(new String[0]);
            return outcome.exitCode().orElse(Math.max(mainExitCode, ExitCodes.OK));
        } catch (Exception e) {
            // nothing ran: the settings, the profile or the routes were refused at start-up
            if (verbose) {
                LOG.error("finance-stream could not start: {}", rootMessage(e), e);
            } else {
                LOG.error("finance-stream could not start: {}", rootMessage(e));
            }
            return ExitCodes.NOTHING_RAN;
        }
    }

    /**
     * The working directory's routes/ and application.properties win over the copies packaged in the jar, which
     * let the jar run from anywhere; the log says once which are in use.
     */
    private void sayWhichFiles() {
        boolean localSettings = settingsLocation().startsWith("file:");
        boolean localRoutes = Files.isDirectory(Path.of("routes"));
        if (!localRoutes && !settings.containsKey("camel.main.routes-include-pattern")
                && System.getProperty("camel.main.routes-include-pattern") == null
                && System.getenv("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN") == null) {
            settings.put("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
            // the classpath scan also finds routes/console/, which only the console loads (ConsoleConfiguration)
            settings.putIfAbsent("camel.main.routes-exclude-pattern", "**/console/**");
        }
        if (localSettings || localRoutes) {
            LOG.info("Using {} from {} instead of the jar's", localSettings && localRoutes
                    ? "routes/ and application.properties" : localRoutes ? "routes/" : "application.properties",
                    Path.of("").toAbsolutePath());
        }
    }

    /**
     * The top-level {@code application.properties} is the user's control panel and is read from the working
     * directory, so an edit takes effect on the next run without a rebuild; the copy packed into the jar is the
     * fallback for {@code java -jar} started elsewhere.
     */
    static String settingsLocation() {
        return Files.isRegularFile(Path.of("application.properties"))
                ? "file:application.properties"
                : "classpath:application.properties";
    }

    /**
     * With a profile, the working directory's {@code application-PROFILE.local.properties} (your stack's names,
     * written by infra/outputs-to-properties.sh; optional) wins over {@code application-PROFILE.properties} (the
     * profile's behaviour, working-directory copy else the jar's), which wins over application.properties. Listed
     * here because camel-main would only add the jar's profile file; the first location that has a key wins.
     */
    public static String settingsLocations(String profile) {
        String base = settingsLocation();
        if (profile == null || profile.isBlank()) {
            return base;
        }
        String name = "application-" + profile.trim();
        return "file:" + name + ".local.properties;optional=true,"
                + "file:" + name + ".properties;optional=true,"
                + "classpath:" + name + ".properties;optional=true,"
                + base;
    }

    /** The profile as camel-main reads it: JVM property, then environment variable. */
    public static String profile() {
        String profile = System.getProperty("camel.main.profile");
        return profile != null ? profile : System.getenv("CAMEL_MAIN_PROFILE");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
