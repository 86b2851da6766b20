package financestream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same one-shot job with {@code finance.source=replay-stream}, the one-pass source the benchmark runs: the same
 * 70 answers (the inherited test), and the lake holds each line of the recording exactly once, byte for byte.
 */
class StreamingReplayJobTest extends ReferenceJobTest {

    /** A lake per test: replay-stream keeps no ledger, so each test's job lands the recording again. */
    private Path lake;

    @Override
    protected App configure(App app) {
        lake = work.resolve("lake-" + UUID.randomUUID());
        return super.configure(app).set("finance.source", "replay-stream").set("lake.dir", lake.toString());
    }

    @Test
    void landsEveryRecordedBarExactlyOnce() throws Exception {
        assertThat(awaitJob().exitCode()).contains(0);

        List<String> landed = new ArrayList<>();
        try (Stream<Path> objects = Files.walk(lake.resolve("finance-stream-lake/bars"))) {
            for (Path object : objects.filter(Files::isRegularFile).toList()) {
                landed.addAll(Files.readAllLines(object, StandardCharsets.UTF_8));
            }
        }
        assertThat(landed).containsExactlyInAnyOrderElementsOf(recordedLines());
        // a one-pass stream keeps no no-duplicates ledger: its memory must not grow with the bars it sends
        Path ledger = lake.resolve("_sent-bars");
        if (Files.isDirectory(ledger)) {
            try (Stream<Path> keys = Files.list(ledger)) {
                assertThat(keys).isEmpty();
            }
        }
    }

    private static List<String> recordedLines() throws IOException {
        try (InputStream in = StreamingReplayJobTest.class.getResourceAsStream("/replay/2020-12-01/minute-bars.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
