package financestream.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees in the terminal, from the real {@code finance-stream} in its own JVM: the reference run is
 * short (plan, progress, summary, answer, files, outcome), Camel's own messages appear only when asked for, a
 * failure is said once, and the README's sample answer is what the job prints.
 */
class ConsoleOutputTest {

    /** A row of the printed answer: {@code BYND |    9 | 140.91000366210938}. */
    private static final Pattern ANSWER_ROW = Pattern.compile("^[A-Z]+ +\\| +\\d+ \\| +[0-9.]+$");

    @TempDir
    Path work;

    @Test
    void theReferenceRunPrintsAtMostAHundredLinesAndTheReadmesSample() throws Exception {
        App app = new App(work.resolve("reference"));
        int exit = app.run(Duration.ofMinutes(3));
        String log = app.logText();
        List<String> lines = log.lines().toList();

        assertThat(exit).as(log).isZero();
        assertThat(lines).as(log).hasSizeLessThanOrEqualTo(100);
        assertThat(lines.get(0)).contains("Plan: backfill 2020-12-01 · 10 symbol(s)").contains("embedded engines");
        assertThat(log).contains("Collect backfill: 10 symbol(s) OK", "Collect: 10 of 10 symbols", "(70 rows)",
                "Wrote " + app.workDir().resolve("results").resolve("highest-hourly-high-2020-12-01.csv"),
                "Job finished: OK");
        assertThat(lines.stream().filter(line -> ANSWER_ROW.matcher(line).matches())).hasSize(70);
        assertThat(log).as("Camel's own messages, only with --verbose")
                .doesNotContain("Apache Camel", "Routes startup", "Auto-configuration summary", "JVM shutdown hook");

        List<String> readmeSample = Files.readAllLines(App.PROJECT.resolve("README.md"), StandardCharsets.UTF_8)
                .stream().filter(line -> ANSWER_ROW.matcher(line).matches()).toList();
        assertThat(readmeSample).as("the README's sample rows").hasSizeGreaterThanOrEqualTo(5);
        assertThat(lines).as("the README's sample is what the job prints").containsAll(readmeSample);
    }

    @Test
    void verboseAddsCamelsMessages() throws Exception {
        App app = new App(work.resolve("verbose")).set("finance.symbols", "NFLX").args("--verbose");
        int exit = app.run(Duration.ofMinutes(3));
        assertThat(exit).as(app.logText()).isZero();
        assertThat(app.logText()).contains("Apache Camel 4.18.0 (finance-stream) started", "Routes startup",
                "Apache Camel 4.18.0 (finance-stream) shutdown", "Job finished: OK");
    }

    @Test
    void aFailureIsSaidOnceWithoutCamelsDump() throws Exception {
        App app = new App(work.resolve("failing-query")).set("finance.symbols", "NFLX")
                .set("athena.query", "SELECT no_such_column FROM bars");
        int exit = app.run(Duration.ofMinutes(3));
        String log = app.logText();
        assertThat(exit).as(log).isEqualTo(1);
        assertThat(log).contains("Job FAILED").contains("no_such_column")
                .doesNotContain("Message History", "Stacktrace", "\tat ", "Failed delivery for", "JVM shutdown hook");
        assertThat(log.split("Referenced column \"no_such_column\" not found", -1)).as("said once:\n" + log).hasSize(2);
    }
}
