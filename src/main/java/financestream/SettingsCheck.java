package financestream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import financestream.analyze.AnalyzeSettings;
import financestream.collect.CollectSettings;
import financestream.console.ConsoleSettings;
import financestream.crawl.CrawlSettings;
import financestream.deliver.DeliverSettings;
import financestream.report.ReportSettings;
import financestream.settings.SettingsBinder;
import org.apache.camel.CamelContext;

/**
 * Binds and checks every setting at start-up, before any work, and reports all faults at once, each naming the
 * setting, its value and what is wrong. A typo found at start-up costs a second; found by the first quartz trigger
 * it costs a trading day.
 * <p>
 * Each setting is declared once, as a component of its stage's settings record ({@link Stages}): key, type and
 * constraints there, default and meaning in {@code application.properties}. Here are only the checks of Camel's
 * own settings (the profile, the route files).
 */
public final class SettingsCheck {

    /** Profiles that change Camel's own behaviour and need no file of ours. */
    static final Set<String> CAMEL_PROFILES = Set.of("dev", "prod");
    private static final String ROUTES = "camel.main.routes-include-pattern";

    private SettingsCheck() {
    }

    /** Every stage's settings, bound and checked; the beans of each stage are built from its record. */
    public record Stages(JobSettings job, CollectSettings collect, DeliverSettings deliver, CrawlSettings crawl,
            AnalyzeSettings analyze, ReportSettings report, ConsoleSettings console) {

        public List<Record> all() {
            return List.of(job, collect, deliver, crawl, analyze, report, console);
        }

        /** Each record in the registry (e.g. "collectSettings"), for the beans a route or another configuration builds. */
        public Stages bindInto(org.apache.camel.spi.Registry registry) {
            for (Record stage : all()) {
                String type = stage.getClass().getSimpleName();
                registry.bind(Character.toLowerCase(type.charAt(0)) + type.substring(1), stage);
            }
            return this;
        }

        static Stages bind(SettingsBinder binder) {
            return new Stages(binder.bind(JobSettings.class), binder.bind(CollectSettings.class),
                    binder.bind(DeliverSettings.class), binder.bind(CrawlSettings.class),
                    binder.bind(AnalyzeSettings.class), binder.bind(ReportSettings.class),
                    binder.bind(ConsoleSettings.class));
        }
    }

    /**
     * Checks the settings of a Camel application (placeholders resolved, overrides applied).
     *
     * @throws InvalidSettingsException listing every fault
     */
    public static Stages check(CamelContext context) {
        List<String> faults = new ArrayList<>();
        profile(context.getCamelContextExtension().getProfile(), faults);
        routeFiles(context.getPropertiesComponent().resolveProperty(ROUTES), faults);
        SettingsBinder binder = new SettingsBinder(context.getPropertiesComponent()::resolveProperty);
        Stages stages = Stages.bind(binder);
        faults.addAll(binder.faults());
        if (!faults.isEmpty()) {
            throw new InvalidSettingsException(faults);
        }
        return stages;
    }

    private static void profile(String profile, List<String> faults) {
        if (profile == null || profile.isBlank() || CAMEL_PROFILES.contains(profile)) {
            return;
        }
        String file = "application-" + profile + ".properties";
        if (!Files.isRegularFile(Path.of(file)) && SettingsCheck.class.getClassLoader().getResource(file) == null) {
            faults.add("camel.main.profile '" + profile + "': unknown profile, no " + file
                    + " in the working directory or the jar (Camel's own profiles are " + CAMEL_PROFILES + ")");
        }
    }

    /** With no route file the one-shot job never triggers: the app would wait forever, silently. */
    private static void routeFiles(Optional<String> setting, List<String> faults) {
        if (setting.isEmpty()) {
            return;
        }
        for (String pattern : setting.get().split(",")) {
            pattern = pattern.strip();
            if (!pattern.startsWith("file:")) {
                return; // classpath patterns are checked by Camel itself
            }
            Path glob = Path.of(pattern.substring("file:".length()));
            Path dir = glob.getParent() == null ? Path.of(".") : glob.getParent();
            var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob.getFileName());
            try (var files = Files.list(dir)) {
                if (files.anyMatch(file -> matcher.matches(file.getFileName()))) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // no such directory: reported below
            }
        }
        faults.add(ROUTES + " '" + setting.get() + "': no route file matches (working directory "
                + Path.of("").toAbsolutePath() + "): the app would start with no routes and wait forever");
    }

    /** Settings that cannot work; the message lists each fault on its own line. */
    public static final class InvalidSettingsException extends IllegalArgumentException {
        private final List<String> faults;

        InvalidSettingsException(List<String> faults) {
            super("Invalid settings (application.properties, environment or -D overrides):\n  - "
                    + String.join("\n  - ", faults));
            this.faults = List.copyOf(faults);
        }

        public List<String> faults() {
            return faults;
        }
    }
}
