package financestream.reliability;

import financestream.App;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app is killed (SIGKILL: no shutdown hook, no flush) in the middle of collecting into the embedded lake, then
 * simply started again. Nothing partial is visible, nothing is lost, and each bar reaches the query exactly once,
 * with no clean-up by hand between the two runs.
 */
class CrashRestartTest {

    @TempDir
    Path work;

    @Test
    void aKillMidCollectThenARestartLeavesEveryBarExactlyOnceInTheQueryInput() throws Exception {
        // 40 symbols x 390 bars; 5 records per PutRecordBatch and no buffering: 3,120 objects, each fsynced, so
        // collecting takes seconds and the lake fills object by object while we watch
        SyntheticDay day = new SyntheticDay(40, 7);
        Path replay = day.write(work.resolve("replay/2020-12-01.ndjson"));
        int expectedObjects = day.records.size() / 5;
        App first = new App(work.resolve("run"))
                .set("finance.symbols", day.symbolsSetting())
                .set("replay.file", replay.toString())
                .set("firehose.batch.max-records", "5");

        Process process = first.launch();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                .failFast("the app exited before the kill: " + first.log(), () -> !process.isAlive())
                .until(() -> LakeFiles.objects(first.lake()).size() >= 40);
        process.destroyForcibly(); // SIGKILL
        process.waitFor();
        assertThat(process.exitValue()).isEqualTo(137);

        List<Path> landedBeforeKill = LakeFiles.objects(first.lake());
        assertThat(landedBeforeKill.size()).as("killed in the middle of collecting")
                .isBetween(40, expectedObjects - 1);
        assertThat(first.workDir().resolve("results")).isEmptyDirectory();
        // no partial object: every visible object is whole records, each line a complete bar, ending in a newline
        assertThat(LakeFiles.everythingInTheBucket(first.lake())).as("nothing but delivered objects in the bucket")
                .containsExactlyElementsOf(landedBeforeKill);
        for (Path object : landedBeforeKill) {
            String text = Files.readString(object, StandardCharsets.UTF_8);
            assertThat(text).as(object.toString()).endsWith("\n");
            assertThat(text.lines()).hasSize(5).allSatisfy(line -> assertThat(day.records).contains(line));
        }
        List<String> beforeRestart = LakeFiles.records(first.lake());

        // restart: same settings file, same lake, nothing cleaned up; the default batching this time
        App second = new App(first.workDir())
                .set("finance.symbols", day.symbolsSetting())
                .set("replay.file", replay.toString());
        int exit = second.run(Duration.ofMinutes(3));
        assertThat(exit).as(second.logText()).isZero();

        // the lake holds every bar; the restart skips what the sent-bars ledger knows Firehose accepted, so only
        // the batches accepted in the instant before the kill can land twice (at-least-once) ...
        List<String> raw = LakeFiles.records(first.lake());
        assertThat(raw.size()).isBetween(day.records.size(), day.records.size() + beforeRestart.size());
        assertThat(new HashSet<>(raw)).isEqualTo(new HashSet<>(day.records));

        // ... and the query's input, as the shipped query defines it, holds each bar of the day exactly once
        String barsOnce = shippedSetting(first.workDir(), "athena.bars-once");
        List<List<String>> input = LakeFiles.query(first.lake(),
                "SELECT name, ts, high, low FROM (" + barsOnce + ") AS bars_once");
        assertThat(input).hasSize(day.records.size());
        Set<String> inputBars = input.stream()
                .map(row -> BarJson.format(new Bar(row.get(0), java.time.OffsetDateTime.parse(row.get(1), BarJson.TS_FORMAT),
                        Double.parseDouble(row.get(2)), Double.parseDouble(row.get(3)))))
                .collect(Collectors.toSet());
        assertThat(inputBars).isEqualTo(new HashSet<>(day.records));

        System.out.printf("crash test: killed after %d of %d objects (%d records); restart put %d; lake holds %d records,"
                + " the query input %d bars%n", landedBeforeKill.size(), expectedObjects, beforeRestart.size(),
                day.records.size(), raw.size(), input.size());

        // and the answer is the one computed from the data file
        List<String> csv = Files.readAllLines(first.workDir().resolve("results/highest-hourly-high-2020-12-01.csv"));
        assertThat(csv.get(0)).isEqualTo("name,hour,highest_high");
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(day.hourlyHighs());
    }

    /** A setting as the run read it: the working directory's application.properties. */
    static String shippedSetting(Path workDir, String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(workDir.resolve("application.properties").toFile())) {
            properties.load(in);
        }
        String value = properties.getProperty(key);
        assertThat(value).as(key).isNotBlank();
        return value;
    }
}
