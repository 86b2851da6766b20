package financestream;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import financestream.bars.yahoo.YahooChartApi;
import financestream.embedded.glue.CatalogNames;
import org.apache.camel.CamelContext;
import org.apache.camel.util.SensitiveUtils;
import org.quartz.CronExpression;

/**
 * Checks every setting the job depends on at start-up, before any work, and reports all faults at once, each
 * naming the setting, its value and what is wrong. A typo found at start-up costs a second; found by the first
 * quartz trigger it costs a trading day.
 * <p>
 * Values of sensitive settings (password, secret, token, … as Camel defines them) are never repeated in a message.
 */
public final class SettingsCheck {

    /** Where bars can come from: the routes {@code direct:bars-<source>} in {@code routes/1-collect-sources}. */
    static final Set<String> SOURCES = Set.of("replay", "replay-stream", "yahoo");
    static final Set<String> ENGINES = Set.of("embedded", "aws");
    /** Profiles that change Camel's own behaviour and need no file of ours. */
    static final Set<String> CAMEL_PROFILES = Set.of("dev", "prod");

    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    private static final Pattern CRAWLER_NAME = Pattern.compile("[\\w.-]{1,255}");
    private static final Pattern WORKGROUP = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\:*?\"<>|\\x00-\\x1f]{1,255}");

    private final Function<String, Optional<String>> settings;
    private final List<String> faults = new ArrayList<>();

    private SettingsCheck(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /**
     * Checks the settings of a Camel application (placeholders resolved, overrides applied).
     *
     * @throws InvalidSettingsException listing every fault
     */
    public static void check(CamelContext context) {
        String profile = context.getCamelContextExtension().getProfile();
        List<String> faults = faults(context.getPropertiesComponent()::resolveProperty, profile);
        if (!faults.isEmpty()) {
            throw new InvalidSettingsException(faults);
        }
    }

    /** The faults in a set of settings, one message each; empty when all is well. */
    static List<String> faults(Function<String, Optional<String>> settings, String profile) {
        SettingsCheck check = new SettingsCheck(settings);
        check.checkAll(profile);
        return List.copyOf(check.faults);
    }

    private void checkAll(String profile) {
        profile(profile);
        routeFiles("camel.main.routes-include-pattern");
        symbols("finance.symbols");
        date("finance.date");
        dateRange("finance.from", "finance.to");
        require("finance.interval", value -> {
            new YahooChartApi().query(LocalDate.EPOCH, value, ZoneOffset.UTC);
            return null;
        });
        zone("finance.exchange-zone");
        String source = oneOf("finance.source", SOURCES);
        if (source != null && source.startsWith("replay")) {
            replayFile("replay.file");
        }
        require("yahoo.base-url", SettingsCheck::httpUrl);

        String engines = oneOf("finance.engines", ENGINES);
        if ("embedded".equals(engines)) {
            writableDirectory("lake.dir");
        }
        require("firehose.stream", value -> value.startsWith(".") || value.startsWith("_")
                // legal on AWS, but objects are named after the stream and Athena skips names starting so
                ? "objects would be named '" + value + "-1-…', which Athena and Glue skip (names starting with '.' or '_')"
                : matches(value, STREAM_NAME, "a delivery stream name is 1 to 64 letters, digits, '_', '.' or '-'"));
        require("firehose.destination", SettingsCheck::s3Location);
        intRange("firehose.buffer-size-mib", 1, 128);
        intRange("firehose.buffer-interval-seconds", 0, 900);
        intRange("firehose.batch.max-records", 1, 500);
        longRange("firehose.batch.max-bytes", 1_000 * 1024, 4L * 1024 * 1024);

        require("glue.crawler", value -> value.matches("\\.+") ? "a crawler name cannot be only dots"
                : matches(value, CRAWLER_NAME, "a crawler name is 1 to 255 letters, digits, '_', '.' or '-'"));
        identifier("glue.database");
        require("glue.crawler-target", SettingsCheck::s3Location);
        longRange("glue.poll-interval-ms", 1, Long.MAX_VALUE);
        longRange("glue.timeout-seconds", 1, Long.MAX_VALUE);

        identifier("athena.database");
        require("athena.workgroup", value -> matches(value, WORKGROUP,
                "a workgroup name is 1 to 128 letters, digits, '.', '_' or '-'"));
        require("athena.output-location", SettingsCheck::s3Location);
        require("athena.query", value -> value.isBlank() ? "the query is empty" : null);
        longRange("athena.wait-timeout-ms", 1, Long.MAX_VALUE);
        longRange("athena.poll-initial-delay-ms", 0, Long.MAX_VALUE);
        longRange("athena.poll-delay-ms", 1, Long.MAX_VALUE);

        writableDirectory("results.dir");
        require("results.file", value -> value.equals(".") || value.equals("..")
                || !FILE_NAME.matcher(value).matches()
                ? "a results file is a plain file name inside results.dir, without '/', '\\' or '..'" : null);

        bool("job.run-once");
        bool("job.live");
        zone("schedule.time-zone");
        cron("schedule.collect-cron");
        cron("schedule.crawl-cron");
        cron("schedule.analyze-cron");
        longRange("schedule.analyze-after-close-minutes", 0, 8 * 60);
        bool("glue.partition-projection");
    }

    // ---- the checks ----------------------------------------------------------------------------------------

    private void profile(String profile) {
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
    private void routeFiles(String key) {
        Optional<String> setting = settings.apply(key);
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
        faults.add(key + " '" + setting.get() + "': no route file matches (working directory "
                + Path.of("").toAbsolutePath() + "): the app would start with no routes and wait forever");
    }

    private void symbols(String key) {
        require(key, value -> {
            if (value.isBlank()) {
                return "the symbol list is empty: name at least one ticker, e.g. NFLX,DDOG";
            }
            Set<String> seen = new HashSet<>();
            List<String> problems = new ArrayList<>();
            for (String raw : value.split(",", -1)) {
                String symbol = raw.strip();
                if (symbol.isEmpty()) {
                    problems.add("an empty entry (two commas, or a comma at either end)");
                    continue;
                }
                try {
                    YahooChartApi.requireSymbol(symbol);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                if (!seen.add(symbol.toUpperCase(Locale.ROOT))) {
                    problems.add("\"" + symbol + "\" is listed twice");
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        });
    }

    private LocalDate date(String key) {
        LocalDate[] parsed = new LocalDate[1];
        require(key, value -> {
            try {
                parsed[0] = LocalDate.parse(value.strip());
                return null;
            } catch (DateTimeParseException e) {
                return "not a date: expected YYYY-MM-DD, e.g. 2020-12-01";
            }
        });
        return parsed[0];
    }

    /** Optional pair: a range of days to collect; both or neither, and the end not before the start. */
    private void dateRange(String fromKey, String toKey) {
        Optional<String> from = settings.apply(fromKey);
        Optional<String> to = settings.apply(toKey);
        if (from.isEmpty() && to.isEmpty()) {
            return;
        }
        if (from.isEmpty() || to.isEmpty()) {
            faults.add((from.isEmpty() ? toKey : fromKey) + " is set but " + (from.isEmpty() ? fromKey : toKey)
                    + " is not: a range needs both ends");
            return;
        }
        LocalDate start = date(fromKey);
        LocalDate end = date(toKey);
        if (start != null && end != null && end.isBefore(start)) {
            faults.add(toKey + " '" + end + "' is before " + fromKey + " '" + start + "': the range ends before it starts");
        }
    }

    private void zone(String key) {
        require(key, value -> {
            try {
                ZoneId.of(value.strip());
                return null;
            } catch (DateTimeException e) {
                return "not a time zone: use a region id such as America/New_York";
            }
        });
    }

    private String oneOf(String key, Set<String> allowed) {
        String[] chosen = new String[1];
        require(key, value -> {
            if (allowed.contains(value.strip())) {
                chosen[0] = value.strip();
                return null;
            }
            return "unknown, expected one of " + new java.util.TreeSet<>(allowed);
        });
        return chosen[0];
    }

    private void replayFile(String key) {
        require(key, value -> {
            String location = value.strip();
            if (location.startsWith("classpath:")) {
                String name = location.substring("classpath:".length()).replaceFirst("^/", "");
                return SettingsCheck.class.getClassLoader().getResource(name) == null ? "no such resource in the jar" : null;
            }
            try {
                Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
                return Files.isRegularFile(file) ? null : "no such file (" + file.toAbsolutePath() + ")";
            } catch (InvalidPathException e) {
                return "not a file path: " + e.getMessage();
            }
        });
    }

    private void writableDirectory(String key) {
        require(key, value -> {
            Path dir;
            try {
                dir = Path.of(value.strip()).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                return "not a directory path: " + e.getMessage();
            }
            try {
                Files.createDirectories(dir);
                // isWritable() says yes to root whatever the permissions: try it
                Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
                return null;
            } catch (IOException | SecurityException e) {
                return "cannot write in " + dir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
        });
    }

    private void identifier(String key) {
        require(key, value -> CatalogNames.isValid(value) ? null
                : "not a Glue/Athena name: use 1-255 lower-case letters, digits or '_'");
    }

    private void intRange(String key, int min, int max) {
        longRange(key, min, max);
    }

    private void longRange(String key, long min, long max) {
        require(key, value -> {
            try {
                long number = Long.parseLong(value.strip());
                if (number < min || number > max) {
                    return "out of range: must be " + (max == Long.MAX_VALUE ? "at least " + min : min + " to " + max);
                }
                return null;
            } catch (NumberFormatException e) {
                return "not a whole number";
            }
        });
    }

    private void bool(String key) {
        require(key, value -> value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")
                ? null : "must be true or false");
    }

    private void cron(String key) {
        require(key, value -> {
            try {
                CronExpression.validateExpression(value.strip());
                return null;
            } catch (ParseException e) {
                return "not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year],"
                        + " e.g. 0 * 9-15 ? * MON-FRI): " + e.getMessage();
            }
        });
    }

    private static String httpUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return "not an http(s) URL with a host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
    }

    /** s3://bucket/prefix/ with a valid bucket and a key that cannot climb out of it. */
    private static String s3Location(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return "not an S3 location (expected s3://bucket/prefix/): " + e.getMessage();
        }
        // the authority, not the host: java.net.URI has no host for a name with '_', which is no bucket either
        if (!"s3".equals(uri.getScheme()) || uri.getAuthority() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            return "not an S3 location (expected s3://bucket/prefix/)";
        }
        if (!BUCKET.matcher(uri.getAuthority()).matches()) {
            return "'" + uri.getAuthority() + "' is not an S3 bucket name (3-63 lower-case letters, digits, '.' or '-')";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/")) {
            String decoded = java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8);
            if (decoded.equals("..") || decoded.equals(".") || decoded.contains("\\")) {
                return "the key must not contain '.', '..' or '\\' segments (it could leave the bucket)";
            }
        }
        return null;
    }

    private static String matches(String value, Pattern pattern, String rule) {
        return pattern.matcher(value).matches() ? null : rule;
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /** Applies {@code fault} (null = fine) to a required setting, recording any fault with the setting's name. */
    private void require(String key, Function<String, String> fault) {
        Optional<String> value = settings.apply(key);
        if (value.isEmpty()) {
            faults.add(key + " is missing: set it in application.properties (or the environment / -D" + key + "=…)");
            return;
        }
        String problem;
        try {
            problem = fault.apply(value.get());
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            faults.add(key + " " + shown(key, value.get()) + ": " + problem);
        }
    }

    private static String shown(String key, String value) {
        if (SensitiveUtils.containsSensitive(key)) {
            return "(value hidden)";
        }
        String text = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "'" + text + "'";
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
