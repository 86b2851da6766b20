package financestream.bars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarJsonTest {

    private static final OffsetDateTime OPEN_2020_12_01 = OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5));

    @Test
    void everyRecordOfTheBundledRecordingIsReproducedByteForByte() throws IOException {
        List<String> lines = bundledRecording();

        assertThat(lines).hasSize(3788);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(BarJson.format(BarJson.parse(line))).as("line %d", i + 1).isEqualTo(line);
        }
    }

    @Test
    void writesTheRecordInThePythonCollectorsLayout() {
        Bar bar = new Bar("DDOG", OPEN_2020_12_01, 67.5, 64.61);

        assertThat(BarJson.format(bar))
                .isEqualTo("{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}");
    }

    @Test
    void writesFloat32WidenedPricesUnroundedAndWholePricesWithPointZero() {
        Bar bar = new Bar("BYND", OPEN_2020_12_01, 140.7772979736328, 279.0);

        assertThat(BarJson.format(bar)).startsWith("{\"high\": 140.7772979736328, \"low\": 279.0, ");
    }

    @Test
    void writesTheSummerOffsetOfTheBarsDate() {
        Bar bar = new Bar("NFLX", OffsetDateTime.of(2025, 6, 16, 15, 59, 0, 0, ZoneOffset.ofHours(-4)), 1220.5, 1219.25);

        assertThat(BarJson.format(bar))
                .isEqualTo("{\"high\": 1220.5, \"low\": 1219.25, \"ts\": \"2025-06-16 15:59:00-04:00\", \"name\": \"NFLX\"}");
    }

    @Test
    void writesUtcAsPlusZeroNotZ() {
        Bar bar = new Bar("BARC.L", OffsetDateTime.of(2017, 11, 16, 12, 32, 0, 0, ZoneOffset.UTC), 185.65020751953125, 185.65020751953125);

        assertThat(BarJson.format(bar)).contains("\"ts\": \"2017-11-16 12:32:00+00:00\"");
    }

    /** Expected values are Python's repr() of the same doubles. */
    @ParameterizedTest
    @CsvSource({
            "1e-05, 1e-05", "0.00012, 0.00012", "0.001, 0.001", "12345678.0, 12345678.0", "1e16, 1e+16",
            "1.5e16, 1.5e+16", "123456789012345.6, 123456789012345.6", "0.1, 0.1", "-2.5, -2.5",
            "5e-324, 5e-324", "1e-300, 1e-300", "1.7976931348623157e308, 1.7976931348623157e+308", "2.0000000000000004, 2.0000000000000004",
            "0.0, 0.0", "-0.0, -0.0"})
    void writesPricesExactlyAsPythonReprDoes(double price, String python) {
        assertThat(PythonFloatRepr.of(price)).isEqualTo(python);
    }

    /** Expected text is Python's json.dumps of the same name (ensure_ascii, lower-case hex, DEL escaped). */
    @Test
    void escapesNamesExactlyAsJsonDumpsDoes() {
        Bar bar = new Bar("A\"B\\\u00e9\u007f\u0001\n\ud834\udd1e", OPEN_2020_12_01, 1.0, 1.0);

        String record = BarJson.format(bar);

        assertThat(record).endsWith("\"name\": \"A\\\"B\\\\\\u00e9\\u007f\\u0001\\n\\ud834\\udd1e\"}");
        assertThat(BarJson.parse(record)).isEqualTo(bar);
    }

    @Test
    void readsARecordBackToTheSameBar() {
        Bar bar = BarJson.parse("{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}\n");

        assertThat(bar).isEqualTo(new Bar("DDOG", OPEN_2020_12_01, 67.5, 64.61));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\"}                   | missing field \"name\"",
            "{\"high\": 67.5, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}              | missing field \"low\"",
            "{\"high\": \"67.5\", \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"} | field \"high\" must be a number but is string",
            "{\"high\": 67.5, \"low\": null, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}  | field \"low\" must be a number but is null",
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": 1606833000, \"name\": \"DDOG\"}                   | field \"ts\" must be a string but is number",
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01T09:30:00Z\", \"name\": \"DDOG\"}     | field \"ts\" must look like 2020-12-01 09:30:00-05:00",
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \" \"}   | A bar needs a name",
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"X\", \"vol\": 1} | unexpected field \"vol\"",
            "[67.5, 64.61]                                                                              | it is JSON but not an object",
    })
    void namesTheFaultOfARecordThatIsWrong(String line, String fault) {
        assertThatThrownBy(() -> BarJson.parse(line))
                .isInstanceOf(BarFormatException.class)
                .hasMessageContaining(fault);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"",
            "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}}",
            "{\"high\": 67.5, \"high\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}",
            "high=67.5"})
    void reportsMalformedJson(String line) {
        assertThatThrownBy(() -> BarJson.parse(line))
                .isInstanceOf(BarFormatException.class)
                .hasMessageStartingWith("Not a bar record (malformed JSON: ");
    }

    /**
     * The direct writer and reader (every usual record) against Jackson's generator and tree (the reference): the
     * same text and the same bar back, over prices of every magnitude, offsets of every sign and plain or odd names.
     */
    @Test
    void theFastPathsWriteAndReadExactlyWhatTheReferencePathsDo() {
        java.util.Random random = new java.util.Random(7);
        String[] names = {"DDOG", "BRK.B", "^GSPC", "EURUSD=X", "A\"B", "caf\u00e9", "X Y"};
        OffsetDateTime previous = null;
        for (int i = 0; i < 20_000; i++) {
            double high = switch (i % 4) {
                case 0 -> (float) (random.nextDouble() * 2000); // float32 widened, as Yahoo's prices
                case 1 -> Math.pow(10, random.nextInt(40) - 20) * random.nextDouble();
                case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                default -> -random.nextDouble() * 1e8;
            };
            OffsetDateTime ts = i % 3 != 0 && previous != null ? previous : OffsetDateTime.of(1000 + random.nextInt(9000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), 0,
                    ZoneOffset.ofTotalSeconds((random.nextInt(57) - 28) * 30 * 60));
            previous = ts;
            Bar bar = new Bar(names[i % names.length], ts, high, high / 2);

            String record = BarJson.format(bar);

            assertThat(record).as("bar %s", bar).isEqualTo(BarJson.formatWithJackson(bar));
            assertThat(BarJson.formatLine(bar)).isEqualTo((record + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(BarJson.parse(record)).isEqualTo(bar);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2020-02-30 09:30:00-05:00 | 2020-02-29T09:30-05:00",
            "2020-12-01 09:30:00-00:00 | 2020-12-01T09:30Z",
            "2020-12-01 09:30:00+05:45 | 2020-12-01T09:30+05:45"})
    void readsUnusualTimestampsAsTheFormatterResolvesThem(String ts, String expected) {
        Bar bar = BarJson.parse("{\"high\": 2, \"low\": 1, \"ts\": \"" + ts + "\", \"name\": \"X\"}");
        assertThat(bar.ts()).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void refusesAnEmptyLine() {
        assertThatThrownBy(() -> BarJson.parse("  ")).isInstanceOf(BarFormatException.class).hasMessageContaining("empty");
    }

    static List<String> bundledRecording() throws IOException {
        try (InputStream in = BarJsonTest.class.getResourceAsStream("/replay/2020-12-01/minute-bars.ndjson")) {
            assertThat(in).as("bundled recording on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
