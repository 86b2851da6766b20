package financestream.reliability;

import financestream.App;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import financestream.bars.ReplayFile;
import financestream.bars.ReplayFileException;
import financestream.embedded.Lake;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad data, one case per row: a replay file with lines that are not records, text that is not UTF-8, a lake
 * object that is not JSON, a query that is not SQL. Each is refused by a message naming the input (file and
 * line, object key, query) and the fault; readable variants (CRLF, a UTF-8 byte-order mark, no final newline) are
 * read correctly, every bar and nothing else.
 */
class BadDataTest {

    private static final LocalDate DAY = LocalDate.of(2020, 12, 1);
    private static final String GOOD = "{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"FB\"}";
    private static final String GOOD_2 = "{\"high\": 3.5, \"low\": 2.25, \"ts\": \"2020-12-01 09:31:00-05:00\", \"name\": \"FB\"}";
    private static final Path LANDED = Path.of("src/test/resources/data/2020-12-01/firehose-object-as-landed");

    @TempDir
    Path work;

    static Stream<Arguments> badReplayLines() {
        return Stream.of(
                arguments("truncated JSON", "{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:3", "malformed JSON"),
                arguments("not JSON at all", "FB,2020-12-01 09:32,2.5,1.25", "malformed JSON"),
                arguments("price as a string", "{\"high\": \"2.5\", \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}",
                        "field \"high\" must be a number but is string"),
                arguments("name as a number", "{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": 42}",
                        "field \"name\" must be a string but is number"),
                arguments("missing low", "{\"high\": 2.5, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}",
                        "missing field \"low\""),
                arguments("missing ts", "{\"high\": 2.5, \"low\": 1.25, \"name\": \"FB\"}", "missing field \"ts\""),
                arguments("null price", "{\"high\": null, \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}",
                        "field \"high\" must be a number but is null"),
                arguments("ts without offset", "{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00\", \"name\": \"FB\"}",
                        "field \"ts\" must look like 2020-12-01 09:30:00-05:00"),
                arguments("unexpected field", "{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\", \"volume\": 7}",
                        "unexpected field \"volume\""),
                arguments("an array", "[2.5, 1.25, \"2020-12-01 09:32:00-05:00\", \"FB\"]", "not an object"),
                arguments("NaN price", "{\"high\": NaN, \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}",
                        "malformed JSON"),
                arguments("blank name", "{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \" \"}",
                        "needs a name"),
                arguments("two records on one line", GOOD + GOOD_2, "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReplayLines")
    void aReplayLineThatIsNotARecordIsRefusedNamingFileLineAndFault(String what, String badLine, String fault)
            throws IOException {
        Path file = Files.writeString(work.resolve("bad.ndjson"), GOOD + "\n" + GOOD_2 + "\n" + badLine + "\n");
        assertThatThrownBy(() -> new ReplayFile(file.toString()).bars("FB", DAY))
                .isInstanceOf(ReplayFileException.class)
                .hasMessageStartingWith("Replay file " + file + " line 3: ")
                .hasMessageContaining(fault);
    }

    static Stream<Arguments> badEncodings() {
        byte[] latin1 = (GOOD_2.replace("FB", "CAF\u00c9") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                arguments("UTF-16LE with a byte-order mark", concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                        (GOOD + "\n").getBytes(StandardCharsets.UTF_16LE)), 1, "UTF-16 text (byte-order mark FF FE)"),
                arguments("UTF-16BE with a byte-order mark", concat(new byte[]{(byte) 0xFE, (byte) 0xFF},
                        (GOOD + "\n").getBytes(StandardCharsets.UTF_16BE)), 1, "UTF-16 text (byte-order mark FE FF)"),
                arguments("UTF-16LE without a mark", (GOOD + "\n").getBytes(StandardCharsets.UTF_16LE), 1, "NUL characters"),
                arguments("Latin-1 on line 2", concat((GOOD + "\n").getBytes(StandardCharsets.UTF_8), latin1), 2,
                        "not UTF-8 text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEncodings")
    void textThatIsNotUtf8IsRefusedNamingTheEncoding(String what, byte[] content, int line, String fault)
            throws IOException {
        Path file = Files.write(work.resolve("encoded.ndjson"), content);
        assertThatThrownBy(() -> new ReplayFile(file.toString()).bars("FB", DAY))
                .isInstanceOf(ReplayFileException.class)
                .hasMessageStartingWith("Replay file " + file + " line " + line + ": ")
                .hasMessageContaining(fault);
    }

    static Stream<Arguments> readableVariants() {
        return Stream.of(
                arguments("CRLF line ends", (GOOD + "\r\n" + GOOD_2 + "\r\n").getBytes(StandardCharsets.UTF_8)),
                arguments("no final newline", (GOOD + "\n" + GOOD_2).getBytes(StandardCharsets.UTF_8)),
                arguments("a UTF-8 byte-order mark", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        (GOOD + "\n" + GOOD_2 + "\n").getBytes(StandardCharsets.UTF_8))),
                arguments("blank lines between", ("\n" + GOOD + "\n\n  \n" + GOOD_2 + "\n\n").getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableVariants")
    void readableVariantsAreReadCorrectly(String what, byte[] content) throws IOException {
        Path file = Files.write(work.resolve("variant.ndjson"), content);
        assertThat(new ReplayFile(file.toString()).bars("FB", DAY)).extracting(BarJson::format)
                .containsExactly(GOOD, GOOD_2);
    }

    /**
     * The object exactly as Firehose landed it on AWS: compact JSON, and no newline after its last record. The
     * crawler and Athena read every record, the last one too.
     */
    @Test
    void theObjectLandedWithoutAFinalNewlineIsReadCorrectly() throws Exception {
        byte[] landed = Files.readAllBytes(LANDED);
        assertThat(landed[landed.length - 1]).as("the fixture ends without a newline").isNotEqualTo((byte) '\n');
        List<String> lines = Files.readString(LANDED, StandardCharsets.UTF_8).lines().toList();
        // and a second object after it, so a reader that concatenated objects would glue two records together
        land(work.resolve("lake"), "2020/12/01/15", LANDED);
        land(work.resolve("lake"), "2020/12/01/16", LANDED);
        crawl(work.resolve("lake"));

        List<List<String>> rows = LakeFiles.query(work.resolve("lake"),
                "SELECT name, ts, high, low FROM bars ORDER BY partition_3, name, ts");
        assertThat(rows).hasSize(2 * lines.size());
        String last = lines.get(lines.size() - 1); // {"high":...,"ts":"2020-12-01 15:55:00-05:00","name":"TTD"}
        assertThat(last).contains("\"ts\":\"2020-12-01 15:55:00-05:00\"").contains("\"name\":\"TTD\"");
        assertThat(rows).filteredOn(row -> row.get(0).equals("TTD") && row.get(1).equals("2020-12-01 15:55:00-05:00"))
                .hasSize(2);

        // the shipped query's input reads each bar once, whatever landed twice
        String barsOnce = CrashRestartTest.shippedSetting(App.PROJECT, "athena.bars-once");
        List<List<String>> once = LakeFiles.query(work.resolve("lake"), "SELECT count(*) FROM (" + barsOnce + ") AS b");
        assertThat(once.get(0).get(0)).isEqualTo(String.valueOf(lines.size()));
        Map<String, Double> highs = new TreeMap<>();
        for (String line : lines) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            highs.merge(json.get("name").asText() + " " + json.get("ts").asText(), json.get("high").asDouble(), Math::max);
        }
        List<List<String>> fromQuery = LakeFiles.query(work.resolve("lake"),
                "SELECT name, ts, high FROM (" + barsOnce + ") AS b ORDER BY name, ts");
        Map<String, Double> queried = new TreeMap<>();
        fromQuery.forEach(row -> queried.put(row.get(0) + " " + row.get(1), Double.parseDouble(row.get(2))));
        assertThat(queried).isEqualTo(highs);
    }

    @Test
    void anObjectThatIsNotJsonFailsTheCrawlNamingTheObject() throws Exception {
        Path csv = Files.writeString(work.resolve("bars.csv"), "name,ts,high,low\nFB,2020-12-01 09:30,2.5,1.25\n");
        Path object = land(work.resolve("lake"), "2020/12/01/15", csv);
        Crawler crawler = crawlAndWait(work.resolve("lake"));
        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler.lastCrawl().errorMessage())
                .contains("s3://finance-stream-lake/bars/2020/12/01/15/" + object.getFileName())
                .contains("line 1 is not valid JSON");
    }

    @Test
    void aQueryThatIsNotSqlFailsNamingTheQuery() throws Exception {
        land(work.resolve("lake"), "2020/12/01/15", LANDED);
        crawl(work.resolve("lake"));
        assertThatThrownBy(() -> LakeFiles.query(work.resolve("lake"), "SELEC name FROM bars"))
                .hasMessageContaining("FAILED").hasMessageContaining("line 1:1: mismatched input 'SELEC'");
        assertThatThrownBy(() -> LakeFiles.query(work.resolve("lake"), "SELECT volume FROM bars"))
                .hasMessageContaining("FAILED").hasMessageContaining("volume");
    }

    /**
     * The fatal cases through the real {@code FinanceStream.main}, each in its own JVM: the job stops, exits 1 and
     * names the input and the fault. A bad replay line fails before any record is accepted (the file is read whole
     * per symbol), so nothing lands; a bad query fails after collecting, and every collected bar is still there.
     */
    @Test
    void aBadReplayFileStopsTheRealJobWithExitOneAndLandsNothing() throws Exception {
        Path replay = Files.writeString(work.resolve("replay.ndjson"),
                GOOD + "\n" + "{\"high\": \"2.5\", \"low\": 1.25, \"ts\": \"2020-12-01 09:32:00-05:00\", \"name\": \"FB\"}\n");
        App app = new App(work.resolve("run")).set("finance.symbols", "FB").set("replay.file", replay.toString());
        int exit = app.run(Duration.ofMinutes(2));
        assertThat(exit).as(app.logText()).isEqualTo(1);
        assertThat(app.logText()).contains("Job FAILED")
                .contains("Replay file " + replay + " line 2: Not a bar record (field \"high\" must be a number");
        assertThat(LakeFiles.objects(app.lake())).isEmpty();
    }

    /**
     * The one-pass source (finance.source=replay-stream) parses and sends the file in chunks of 500 lines: a bad line
     * half-way fails its chunk naming the line, the job exits 1, and every other chunk's bars are in the lake.
     */
    @Test
    void aBadLineHalfWayFailsTheStreamingJobAndOnlyItsChunk() throws Exception {
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            good.add(BarJson.format(new Bar("S" + i % 5, DAY.atTime(9, 30).plusMinutes(i / 5)
                    .atOffset(java.time.ZoneOffset.ofHours(-5)), 2.5 + i, 1.5 + i)));
        }
        List<String> lines = new ArrayList<>(good.subList(0, 1200));
        lines.add("{\"high\": 2.5, \"low\": 1.25, \"ts\": \"2020-12-01 09:32\", \"name\": \"S0\"}");
        lines.addAll(good.subList(1200, 1500));
        Path replay = Files.write(work.resolve("replay.ndjson"), lines);
        App app = new App(work.resolve("run")).set("finance.source", "replay-stream")
                .set("finance.symbols", "S0,S1,S2,S3,S4").set("replay.file", replay.toString());

        int exit = app.run(Duration.ofMinutes(2));

        assertThat(exit).as(app.logText()).isEqualTo(1);
        assertThat(app.logText()).contains("Job FAILED").contains("Replay file " + replay + " line 1201: Not a bar "
                + "record (field \"ts\" must look like 2020-12-01 09:30:00-05:00");
        // lines 1001..1500 are the bad line's chunk: good bars 1000..1498; line 1501 (the last good bar) is the next
        List<String> landed = new ArrayList<>(good.subList(0, 1000));
        landed.add(good.get(1499));
        assertThat(LakeFiles.records(app.lake())).containsExactlyInAnyOrderElementsOf(landed);
    }

    @Test
    void aBadQueryStopsTheRealJobWithExitOneAndKeepsEveryCollectedBar() throws Exception {
        App app = new App(work.resolve("run")).set("finance.symbols", "NFLX")
                .set("athena.query", "SELEC name FROM bars");
        int exit = app.run(Duration.ofMinutes(2));
        assertThat(exit).as(app.logText()).isEqualTo(1);
        assertThat(app.logText()).contains("Job FAILED").contains("AthenaQueryFailedException")
                .contains("FAILED: line 1:1: mismatched input 'SELEC'").contains("query: SELEC name FROM bars");
        List<String> expected = new ArrayList<>();
        new ReplayFile("classpath:replay/2020-12-01/minute-bars.ndjson").bars("NFLX", DAY)
                .forEach(bar -> expected.add(BarJson.format(bar)));
        assertThat(LakeFiles.records(app.lake())).containsExactlyInAnyOrderElementsOf(expected);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Path land(Path lakeDir, String hourFolder, Path content) throws IOException {
        Lake lake = new Lake(lakeDir);
        Path file = lake.resolve("finance-stream-lake", "bars/" + hourFolder + "/finance-stream-bars-1-"
                + hourFolder.replace('/', '-') + "-00-00-" + java.util.UUID.randomUUID());
        Files.createDirectories(file.getParent());
        Files.copy(content, file);
        return file;
    }

    private static void crawl(Path lakeDir) {
        Crawler crawler = crawlAndWait(lakeDir);
        assertThat(crawler.lastCrawl().status()).as(crawler.lastCrawl().errorMessage()).isEqualTo(LastCrawlStatus.SUCCEEDED);
    }

    private static Crawler crawlAndWait(Path lakeDir) {
        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(new Lake(lakeDir), List.of(new CrawlerDefinition(
                "finance-stream-crawler", "finance_stream", "s3://finance-stream-lake/bars/")))) {
            glue.startCrawler(r -> r.name("finance-stream-crawler"));
            return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(
                    () -> glue.getCrawler(r -> r.name("finance-stream-crawler")).crawler(),
                    c -> c.state() == CrawlerState.READY && c.lastCrawl() != null);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
