package financestream;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts camel-main with the routes in {@code routes/} and the settings in {@code application.properties}.
 * <p>
 * The process exits with the job's outcome: 0 when the one-shot job succeeded, 1 when anything failed, so a
 * scheduler or CI sees a failure without reading the log.
 */
public final class FinanceStream {

    private static final Logger LOG = LoggerFactory.getLogger(FinanceStream.class);

    private FinanceStream() {
    }

    public static void main(String... args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            LOG.error("finance-stream: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Main main = new Main();
        main.setOverrideProperties(commandLine.overrides());
        main.configure().addConfiguration(FinanceStreamConfiguration.class);
        main.setDefaultPropertyPlaceholderLocation(settingsLocations(profile()));
        JobOutcome outcome = new JobOutcome(main::completed);
        main.bind(JobOutcome.BEAN_NAME, outcome);
        int exitCode;
        try {
            int mainExitCode = main.run(commandLine.camelArguments());
            exitCode = outcome.exitCode().orElse(Math.max(mainExitCode, 0));
        } catch (Exception e) {
            LOG.error("finance-stream could not start: {}", rootMessage(e), e);
            exitCode = 1;
        }
        System.exit(exitCode);
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
    static String settingsLocations(String profile) {
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
    private static String profile() {
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
