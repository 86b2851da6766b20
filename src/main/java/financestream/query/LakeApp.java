package financestream.query;

import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.camel.main.Main;

/**
 * camel-main with only what asking the lake needs ({@link QueryConfiguration}) and only the route files named:
 * the settings and profiles as the job reads them, none of the job's schedules.
 */
public final class LakeApp {

    /** The Athena path every question takes. */
    public static final String QUERY_ROUTES = "5-athena-query.camel.yaml";
    /** With --crawl: the crawl and the compaction it starts with. */
    public static final String CRAWL_ROUTES = "4-crawl.camel.yaml,4-crawl-compact.camel.yaml";

    private LakeApp() {
    }

    /**
     * Camel's include pattern for these files of routes/ (comma-separated names): the working directory's routes/,
     * else the copies packaged in the jar (classpath:routes/), so the jar runs from any directory.
     */
    public static String routePattern(String routeFiles) {
        String folder = java.nio.file.Files.isDirectory(java.nio.file.Path.of("routes")) ? "file:routes/" : "classpath:routes/";
        return Arrays.stream(routeFiles.split(",")).map(name -> folder + name.strip())
                .collect(Collectors.joining(","));
    }

    /**
     * @param routeFiles file names in routes/, comma-separated
     */
    @SafeVarargs
    public static Main create(Properties overrides, String routeFiles,
            Class<? extends org.apache.camel.CamelConfiguration>... configurations) {
        Main main = new Main();
        Properties settings = new Properties();
        settings.putAll(overrides);
        settings.put("camel.main.routes-include-pattern", routePattern(routeFiles));
        // none of the job's steps run by themselves
        settings.put("job.run-once", "false");
        settings.put("job.live", "false");
        main.setOverrideProperties(settings);
        main.configure().addConfiguration(QueryConfiguration.class);
        for (Class<? extends org.apache.camel.CamelConfiguration> configuration : configurations) {
            main.configure().addConfiguration(configuration);
        }
        main.setDefaultPropertyPlaceholderLocation(financestream.cli.Launch.settingsLocations(financestream.cli.Launch.profile()));
        return main;
    }
}
