package financestream.reliability;

import financestream.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import financestream.bars.Bar;
import financestream.bars.ReplayFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by this suite: Camel's aggregator sent completed Firehose batches on its own thread, so collect could end
 * — and the crawl start — before the last batch was in the lake. With one symbol the crawl found no data at all and
 * the query failed; with several, a last batch landing in a new UTC hour folder would have been missing from the
 * answer, silently. Each batch is now put on the collecting thread.
 */
class LastBatchBeforeCrawlTest {

    @TempDir
    Path work;

    @Test
    void aOneSymbolRunAnswersFromAllItsBars() throws Exception {
        App app = new App(work).set("finance.symbols", "DDOG");
        int exit = app.run(Duration.ofMinutes(2));
        assertThat(exit).as(app.logText()).isZero();

        Map<Integer, Double> expected = new TreeMap<>();
        List<Bar> bars = new ReplayFile("classpath:replay/2020-12-01/minute-bars.ndjson").bars("DDOG", LocalDate.of(2020, 12, 1));
        bars.forEach(bar -> expected.merge(bar.ts().getHour(), bar.high(), Math::max));
        List<String> csv = Files.readAllLines(work.resolve("results/highest-hourly-high-2020-12-01.csv"));
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(
                expected.entrySet().stream().map(e -> "DDOG," + e.getKey() + "," + e.getValue()).toList());
    }
}
