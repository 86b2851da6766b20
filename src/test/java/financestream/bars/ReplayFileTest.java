package financestream.bars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayFileTest {

    private static final String BUNDLED = "classpath:replay/2020-12-01/minute-bars.ndjson";
    private static final LocalDate DAY = LocalDate.of(2020, 12, 1);

    /** Counts from the data README: 112 ticker-minutes are genuinely missing and must stay missing. */
    @ParameterizedTest
    @CsvSource({"FB, 390", "NFLX, 390", "PINS, 390", "SQ, 390", "TTD, 313", "SNAP, 374", "SHOP, 381", "OKTA, 384",
            "BYND, 387", "DDOG, 389"})
    void replaysEachSymbolsRecordedBarsAndInventsNone(String symbol, int recorded) {
        List<Bar> bars = new ReplayFile(BUNDLED).bars(symbol, DAY);

        assertThat(bars).hasSize(recorded).allSatisfy(bar -> {
            assertThat(bar.name()).isEqualTo(symbol);
            assertThat(bar.ts().toLocalDate()).isEqualTo(DAY);
        });
        assertThat(bars).extracting(Bar::ts).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void replaysTheFirstBarOfTheDayAsRecorded() {
        Bar first = new ReplayFile(BUNDLED).bars("DDOG", DAY).get(0);

        assertThat(first).isEqualTo(new Bar("DDOG", OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5)),
                98.80000305175781, 97.9000015258789));
    }

    @Test
    void hasNothingForAnotherDateOrAnUnrecordedSymbol() {
        ReplayFile replay = new ReplayFile(BUNDLED);

        assertThat(replay.bars("FB", DAY.plusDays(1))).isEmpty();
        assertThat(replay.bars("META", DAY)).isEmpty();
    }

    @Test
    void readsAFilePathInFileOrderAndSkipsBlankLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bars.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"high\": 2.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"FB\"}",
                "",
                "{\"high\": 4.0, \"low\": 3.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 6.0, \"low\": 5.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"SQ\"}") + "\n");

        List<Bar> bars = new ReplayFile(file.toString()).bars("FB", DAY);

        assertThat(bars).extracting(Bar::high).containsExactly(2.0, 4.0);
    }

    /** Lines of every length straddle the 64 KiB read buffer; CRLF endings, non-ASCII names, no final newline. */
    @Test
    void readsEveryLineWhereverItFallsInTheReadBuffer(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Bar> written = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String name = i % 7 == 0 ? "CAF\u00c9" + "X".repeat(i % 61) : "N" + "Y".repeat(i % 53);
            Bar bar = new Bar(name, OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5)), i + 0.5, i);
            written.add(bar);
            text.append(BarJson.format(bar)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path file = dir.resolve("bars.ndjson");
        Files.writeString(file, text.toString().stripTrailing(), StandardCharsets.UTF_8);
        String symbols = String.join(",", written.stream().map(Bar::name).distinct().toList());

        List<Bar> read = new java.util.ArrayList<>();
        new ReplayFile(file.toString()).stream(symbols, DAY, DAY).forEachRemaining(read::add);

        assertThat(Files.size(file)).isGreaterThan(3 * 64 * 1024);
        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void reportsABadLineWithTheFileAndItsLineNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bars.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"high\": 2.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 2.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 2.0, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ReplayFile(file.toString()).bars("FB", DAY))
                .isInstanceOf(ReplayFileException.class)
                .hasMessageStartingWith("Replay file " + file + " line 3: ")
                .hasMessageContaining("missing field \"low\"")
                .satisfies(e -> assertThat(((ReplayFileException) e).getLineNumber()).isEqualTo(3));
    }

    @Test
    void saysSoWhenTheFileIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("no-such.ndjson");

        assertThatThrownBy(() -> new ReplayFile(missing.toString()))
                .isInstanceOf(ReplayFileException.class)
                .hasMessage("Replay file " + missing + ": no such file");
        assertThatThrownBy(() -> new ReplayFile("classpath:replay/1999-01-01/minute-bars.ndjson"))
                .hasMessage("Replay file classpath:replay/1999-01-01/minute-bars.ndjson: no such file");
    }

    @Test
    void saysSoWhenTheFileDisappearsAfterConfiguration(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bars.ndjson"), "");
        ReplayFile replay = new ReplayFile(file.toString());
        Files.delete(file);

        assertThatThrownBy(() -> replay.bars("FB", DAY)).hasMessage("Replay file " + file + ": no such file");
    }

    @Test
    void streamsEverySelectedBarOnceInFileOrderInOnePass() {
        ReplayFile replay = new ReplayFile(BUNDLED);
        List<Bar> streamed = new java.util.ArrayList<>();
        // symbols as a user writes them in finance.symbols: spaces and lower case are the collect route's to fix
        try (ReplayFile.Bars bars = replay.stream(" fb, ddog ,SQ", DAY, DAY)) {
            bars.forEachRemaining(streamed::add);
            assertThat(bars.count()).isEqualTo(390 + 389 + 390);
        }

        assertThat(streamed).extracting(Bar::name).containsOnly("FB", "DDOG", "SQ");
        assertThat(streamed.stream().filter(b -> b.name().equals("DDOG")).toList())
                .isEqualTo(replay.bars("DDOG", DAY));
        // the bundled file is sorted by minute: the stream keeps that order
        assertThat(streamed).extracting(Bar::ts).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    }

    @Test
    void streamsADateRangeAndNothingOutsideIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bars.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"high\": 1.0, \"low\": 1.0, \"ts\": \"2020-11-30 15:59:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 2.0, \"low\": 2.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 3.0, \"low\": 3.0, \"ts\": \"2020-12-02 09:30:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 4.0, \"low\": 4.0, \"ts\": \"2020-12-03 09:30:00-05:00\", \"name\": \"FB\"}") + "\n");

        List<Bar> bars = new java.util.ArrayList<>();
        new ReplayFile(file.toString()).stream("FB", DAY, DAY.plusDays(1)).forEachRemaining(bars::add);

        assertThat(bars).extracting(Bar::high).containsExactly(2.0, 3.0);
    }

    @Test
    void chunksHoldAtMostTheirSizeOfLinesAndTogetherEveryBarOnce() {
        List<List<Bar>> batches = new java.util.ArrayList<>();
        ReplayFile.Chunks replay = new ReplayFile(BUNDLED).chunks("FB,SHOP,BYND,NFLX,PINS,SQ,TTD,OKTA,SNAP,DDOG",
                DAY, DAY, 500);
        replay.forEachRemaining(chunk -> batches.add(chunk.bars()));

        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 500));
        assertThat(batches).hasSize(8);
        assertThat(batches.stream().flatMap(List::stream).toList())
                .isEqualTo(allBundledBars());
        assertThat(replay.toString()).isEqualTo("3788 bars of 10 symbol(s) 2020-12-01 from 3788 lines of " + BUNDLED);
    }

    @Test
    void aChunkKeepsOnlyTheSelectedBarsAndABadLineFailsOnlyItsChunk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bars.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"high\": 2.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 2.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"SQ\"}",
                "",
                "{\"high\": 2.0, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}",
                "{\"high\": 3.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"FB\"}"));
        ReplayFile.Chunks chunks = new ReplayFile(file.toString()).chunks("fb", DAY, DAY, 3);

        assertThat(chunks.next().bars()).extracting(Bar::name).containsExactly("FB");
        ReplayFile.Chunk bad = chunks.next();
        assertThatThrownBy(bad::bars).isInstanceOf(ReplayFileException.class)
                .hasMessageStartingWith("Replay file " + file + " line 4: ").hasMessageContaining("missing field \"low\"");
        assertThat(chunks.hasNext()).isFalse();
        assertThat(chunks.toString()).isEqualTo("1 bars of 1 symbol(s) 2020-12-01 from 5 lines of " + file);
    }

    private static List<Bar> allBundledBars() {
        List<Bar> bars = new java.util.ArrayList<>();
        new ReplayFile(BUNDLED).stream("FB,SHOP,BYND,NFLX,PINS,SQ,TTD,OKTA,SNAP,DDOG", DAY, DAY).forEachRemaining(bars::add);
        return bars;
    }

    @Test
    void aBadLineStopsTheStreamNamingItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bars.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"high\": 2.0, \"low\": 1.0, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"FB\"}",
                "",
                "{\"high\": \"2.0\", \"low\": 1.0, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"SQ\"}"));
        ReplayFile.Bars bars = new ReplayFile(file.toString()).stream("FB", DAY, DAY);

        assertThat(bars.next().high()).isEqualTo(2.0);
        // a bad record fails even when it is not one of the symbols asked for: the file is broken
        assertThatThrownBy(bars::hasNext)
                .isInstanceOf(ReplayFileException.class)
                .hasMessageStartingWith("Replay file " + file + " line 3: ")
                .hasMessageContaining("\"high\" must be a number");
    }

    @Test
    void refusesAnEmptySymbolListAndABackwardRange() {
        ReplayFile replay = new ReplayFile(BUNDLED);

        assertThatThrownBy(() -> replay.stream(" , ", DAY, DAY)).hasMessageContaining("at least one symbol");
        assertThatThrownBy(() -> replay.stream("FB", DAY, DAY.minusDays(1)))
                .hasMessage("The replay's last date 2020-11-30 is before its first date 2020-12-01");
    }
}
