package financestream.reliability;

import financestream.App;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import financestream.bars.BarJson;
import financestream.bars.ReplayFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM (what {@code kill}, systemd and Kubernetes send) stops the app gracefully: Camel finishes the exchange in
 * flight, then closes the embedded Firehose, which delivers what it still buffers. Nothing accepted is lost.
 */
class GracefulShutdownTest {

    @TempDir
    Path work;

    @Test
    void sigtermDeliversTheRecordsFirehoseStillBuffers() throws Exception {
        // live mode: collect every 5 s; crawl and analyze never fire during the test. Firehose buffers up to
        // 15 minutes / 128 MiB, so nothing is delivered on its own while the app runs.
        App app = new App(work)
                .set("finance.symbols", "NFLX,DDOG")
                .set("job.run-once", "false")
                .set("job.live", "true")
                .set("schedule.collect-cron", "0/5 * * * * ?")
                // live mode collects *today*, during its session: stop the clock just after 2020-12-01's close
                .set("finance.clock", "2020-12-01T16:01:00-05:00")
                .set("schedule.crawl-cron", "0 0 0 1 1 ? 2099")
                .set("schedule.analyze-cron", "0 0 0 1 1 ? 2099")
                .set("firehose.buffer-interval-seconds", "900")
                .set("firehose.buffer-size-mib", "128");
        Process process = app.launch();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .failFast("the app exited: " + app.log(), () -> !process.isAlive())
                .until(() -> app.logText().contains("DDOG 2020-12-01: "));
        Thread.sleep(1_000); // DDOG's bars are being put now; a SIGTERM in the middle must lose nothing either
        assertThat(LakeFiles.objects(app.lake())).as("records are still buffered, not delivered").isEmpty();

        process.destroy(); // SIGTERM
        int exit = app.awaitExit(process, Duration.ofMinutes(1));

        assertThat(exit).as("stopped by SIGTERM (128 + 15), not crashed; log:\n" + app.logText()).isEqualTo(143);
        assertThat(app.logText()).contains("is shutdown").doesNotContain("are lost").doesNotContain("ERROR");
        List<String> expected = new ArrayList<>();
        ReplayFile bundled = new ReplayFile("classpath:replay/2020-12-01/minute-bars.ndjson");
        for (String symbol : List.of("NFLX", "DDOG")) {
            bundled.bars(symbol, LocalDate.of(2020, 12, 1)).forEach(bar -> expected.add(BarJson.format(bar)));
        }
        assertThat(expected).hasSizeGreaterThan(700);
        List<String> landed = LakeFiles.records(app.lake());
        // every bar put before the SIGTERM is in the lake (a second trigger may have put them twice: at-least-once)
        assertThat(new HashSet<>(landed)).isEqualTo(new HashSet<>(expected));
    }
}
