package financestream.reliability;

import financestream.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import financestream.SettingsCheck;
import financestream.SettingsCheck.InvalidSettingsException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad settings, one per row: each is refused at start-up, before any work, by a message naming the setting, the
 * value and the fault.
 * <p>
 * The table runs {@link SettingsCheck} in-process on the shipped {@code application.properties} with one override,
 * resolved by Camel's own properties component as camel-main resolves them. The exit code is proven by
 * {@link #theRealApplicationExitsWithOneAndSaysWhy}: {@code FinanceStream.main} in its own JVM, where the same
 * check throws from {@code FinanceStreamConfiguration.configure} and main turns any start-up exception into exit 1
 * — one path for every row, so one child JVM per kind of input is enough.
 */
class BadSettingsTest {

    @TempDir
    static Path work;

    static Stream<Arguments> badSettings() throws IOException {
        Path aFile = Files.writeString(work.resolve("a-file"), "not a directory");
        String underAFile = aFile.resolve("lake").toString(); // a directory that cannot be created, even by root
        return Stream.of(
                // what to collect
                arguments("finance.symbols", "FB;DROP TABLE bars", "Not a Yahoo symbol"),
                arguments("finance.symbols", "", "the symbol list is empty"),
                arguments("finance.symbols", "FB,,NFLX", "an empty entry"),
                arguments("finance.symbols", "../../etc/passwd", "Not a Yahoo symbol"),
                arguments("finance.symbols", "FB' OR '1'='1", "Not a Yahoo symbol"),
                arguments("finance.symbols", "VERYLONGSYMBOLXYZ", "Not a Yahoo symbol"),
                arguments("finance.symbols", "NFLX,nflx", "listed twice"),
                arguments("finance.date", "2020-13-01", "not a date"),
                arguments("finance.date", "2020-02-30", "not a date"),
                arguments("finance.date", "yesterday", "not a date"),
                arguments("finance.interval", "7m", "Not a Yahoo chart interval"),
                arguments("finance.exchange-zone", "Mars/Olympus", "not a time zone"),
                arguments("finance.source", "csv", "unknown, expected one of [replay, replay-stream, yahoo]"),
                arguments("replay.file", work.resolve("missing.ndjson").toString(), "no such file"),
                arguments("replay.file", "classpath:replay/1999-01-01/none.ndjson", "no such resource"),
                arguments("yahoo.base-url", "ftp://query2.finance.yahoo.com", "not an http(s) URL"),
                // engines and where they write
                arguments("finance.engines", "local", "unknown, expected one of [aws, embedded]"),
                arguments("lake.dir", underAFile, "cannot write in"),
                arguments("results.dir", underAFile, "cannot write in"),
                arguments("results.file", "../../escape.csv", "a plain file name"),
                arguments("firehose.stream", "bars/../../x", "delivery stream name"),
                arguments("firehose.stream", "_bars", "which Athena and Glue skip"),
                arguments("firehose.destination", "s3://finance-stream-lake/../../etc/", "could leave the bucket"),
                arguments("firehose.destination", "s3://finance-stream-lake/bars/%2e%2e/%2e%2e/", "could leave the bucket"),
                arguments("firehose.destination", "http://finance-stream-lake/bars/", "not an S3 location"),
                arguments("firehose.destination", "s3://Finance_Lake/bars/", "not an S3 bucket name"),
                arguments("firehose.buffer-size-mib", "0", "must be 1 to 128"),
                arguments("firehose.buffer-interval-seconds", "901", "must be 0 to 900"),
                arguments("firehose.batch.max-records", "501", "must be 1 to 500"),
                arguments("firehose.batch.max-bytes", "lots", "not a whole number"),
                arguments("glue.crawler", "../crawler", "crawler name"),
                arguments("glue.crawler", "..", "only dots"),
                arguments("glue.database", "Finance-Stream", "not a Glue/Athena name"),
                arguments("glue.crawler-target", "s3://finance-stream-lake/../outside/", "could leave the bucket"),
                arguments("glue.timeout-seconds", "-5", "at least 1"),
                arguments("athena.database", "finance_stream; DROP TABLE bars", "not a Glue/Athena name"),
                arguments("athena.workgroup", "primary workgroup", "workgroup name"),
                arguments("athena.output-location", "s3://finance-stream-lake/../x/", "could leave the bucket"),
                arguments("athena.query", " ", "the query is empty"),
                arguments("athena.wait-timeout-ms", "0", "at least 1"),
                // schedules and routes
                arguments("camel.main.routes-include-pattern", "file:no-such-dir/*.camel.yaml", "no route file matches"),
                arguments("job.run-once", "yes", "must be true or false"),
                arguments("schedule.collect-cron", "not a cron", "not a Quartz cron expression"),
                arguments("schedule.crawl-cron", "*/5 * * * *", "not a Quartz cron expression"),
                arguments("schedule.analyze-cron", "0 15 16 ? * FUNDAY", "not a Quartz cron expression"),
                arguments("schedule.time-zone", "New York", "not a time zone"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void isRefusedNamingTheSettingTheValueAndTheFault(String key, String value, String fault) {
        assertThatThrownBy(() -> check(overrides(key, value), null))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> {
                    List<String> faults = ((InvalidSettingsException) e).faults();
                    assertThat(faults).as("only the bad setting is reported").hasSize(1);
                    assertThat(faults.get(0)).startsWith(key + " '" + value.strip())
                            .contains(fault);
                });
    }

    @Test
    void anUnknownProfileIsRefused() {
        assertThatThrownBy(() -> check(overrides(), "staging"))
                .hasMessageContaining("camel.main.profile 'staging': unknown profile")
                .hasMessageContaining("application-staging.properties");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        Properties settings = overrides("finance.from", "2020-12-04");
        settings.put("finance.to", "2020-12-01");
        assertThatThrownBy(() -> check(settings, null))
                .hasMessageContaining("finance.to '2020-12-01' is before finance.from '2020-12-04'");
        assertThatThrownBy(() -> check(overrides("finance.to", "2020-12-01"), null))
                .hasMessageContaining("finance.to is set but finance.from is not");
    }

    @Test
    void aMissingSettingIsNamed() {
        DefaultCamelContext context = context(overrides(), null);
        context.getPropertiesComponent().setIgnoreMissingLocation(true);
        context.getPropertiesComponent().setLocation("classpath:no-such-settings.properties");
        assertThatThrownBy(() -> SettingsCheck.check(context))
                .hasMessageContaining("finance.symbols is missing");
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        Properties settings = overrides("finance.symbols", "");
        settings.put("finance.date", "2020-12-32");
        settings.put("schedule.collect-cron", "never");
        assertThatThrownBy(() -> check(settings, null))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.faults()).hasSize(3));
    }

    @Test
    void theShippedSettingsPass() {
        SettingsCheck.check(context(overrides(), null));
        SettingsCheck.check(context(overrides(), "dev")); // application-dev.properties ships
    }

    /**
     * The real {@code FinanceStream.main}, in its own JVM, for each kind of fatal input: bad settings, an unknown
     * profile. Exit 1, the fault named in the log, and nothing collected.
     */
    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("fatalInChildJvm")
    void theRealApplicationExitsWithOneAndSaysWhy(String key, String value, String fault) throws Exception {
        App app = new App(work.resolve("child-" + key.replaceAll("\\W", "_"))).set(key, value);
        int exit = app.run(Duration.ofMinutes(2));
        assertThat(exit).as(app.logText()).isEqualTo(1);
        assertThat(app.logText()).contains("finance-stream could not start: Invalid settings")
                .contains(key + " '" + value + "'").contains(fault);
        assertThat(app.lake().resolve("finance-stream-lake")).as("no work was done").doesNotExist();
    }

    static Stream<Arguments> fatalInChildJvm() {
        return Stream.of(
                arguments("finance.symbols", "FB;rm -rf", "Not a Yahoo symbol"),
                arguments("finance.date", "2020-12-32", "not a date"),
                arguments("schedule.collect-cron", "every minute", "not a Quartz cron expression"),
                arguments("camel.main.profile", "staging", "unknown profile"));
    }

    private static void check(Properties overrides, String profile) {
        SettingsCheck.check(context(overrides, profile));
    }

    /** The shipped settings with overrides on top, as camel-main would resolve them; lake and results in a temp dir. */
    private static DefaultCamelContext context(Properties overrides, String profile) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:application.properties");
        Properties all = new Properties();
        all.put("lake.dir", work.resolve("lake").toString());
        all.put("results.dir", work.resolve("results").toString());
        all.putAll(overrides);
        context.getPropertiesComponent().setOverrideProperties(all);
        if (profile != null) {
            context.getCamelContextExtension().setProfile(profile);
        }
        return context;
    }

    private static Properties overrides(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }
}
