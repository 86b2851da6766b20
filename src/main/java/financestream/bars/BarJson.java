package financestream.bars;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * The pipeline's record format, one bar per line, byte for byte as the Python collector wrote it with
 * {@code json.dumps}: {@code {"high": 67.5, "low": 64.61, "ts": "2020-12-01 09:30:00-05:00", "name": "DDOG"}}.
 * Athena queries and the recorded replay files depend on this exact text, so it is written field by field.
 */
public final class BarJson {

    /** {@code 2020-12-01 09:30:00-05:00}: local exchange time and that date's offset ({@code +00:00}, never {@code Z}). */
    public static final DateTimeFormatter TS_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxxx");

    private static final Set<String> FIELDS = Set.of("high", "low", "ts", "name");
    private static final int EXCERPT_LENGTH = 200;

    // json.dumps' default ensure_ascii: everything outside printable ASCII as a lower-case \\uxxxx escape.
    private static final JsonFactory WRITER = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .characterEscapes(new PythonAsciiEscapes())
            .build();
    /** For the fast path, which finds repeated fields itself: no duplicate detector per record. */
    private static final JsonFactory FAST_READER = new JsonFactoryBuilder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // correctly rounded like Double.parseDouble, several times faster (FastDoubleParser)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BarJson() {
    }

    /** The record of one bar, without a line terminator. */
    public static String format(Bar bar) {
        StringBuilder record = writeDirectly(bar);
        return record != null ? record.toString() : formatWithJackson(bar);
    }

    /**
     * The record of one bar and a newline, as the bytes Firehose receives: ASCII, since json.dumps escapes every
     * other character.
     */
    public static byte[] formatLine(Bar bar) {
        StringBuilder record = writeDirectly(bar);
        String line = record != null ? record.append('\n').toString() : formatWithJackson(bar) + "\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    /** The common case (a name needing no escapes, a 4-digit year), written directly; null otherwise. */
    private static StringBuilder writeDirectly(Bar bar) {
        String name = bar.name();
        OffsetDateTime ts = bar.ts();
        if (!needsNoEscaping(name) || ts.getYear() < 1000 || ts.getYear() > 9999 || ts.getOffset().getTotalSeconds() % 60 != 0) {
            return null;
        }
        // a generator per bar cost more than the bar's whole trip to the lake: scripts/benchmark.sh's floors wrote
        // 941,070 records in 1.36 s this way and in 3.02 s with Jackson's generator (2026-12-02, load 16 on 2 cores)
        StringBuilder out = new StringBuilder(112);
        out.append("{\"high\": ").append(PythonFloatRepr.of(bar.high()))
                .append(", \"low\": ").append(PythonFloatRepr.of(bar.low()))
                .append(", \"ts\": \"").append(timestampText(ts))
                .append("\", \"name\": \"").append(name).append("\"}");
        return out;
    }

    /** The bars of a file or a batch come minute by minute: each thread keeps the last ts it wrote, and its text. */
    private static final ThreadLocal<Object[]> LAST_TS_WRITTEN = ThreadLocal.withInitial(() -> new Object[2]);

    private static String timestampText(OffsetDateTime ts) {
        Object[] last = LAST_TS_WRITTEN.get();
        if (!ts.equals(last[0])) {
            StringBuilder text = new StringBuilder(25);
            appendTimestamp(text, ts);
            last[0] = ts;
            last[1] = text.toString();
        }
        return (String) last[1];
    }

    /**
     * {@link #format}, through Jackson's generator with Python's escapes: the same text, for names that need escaping
     * and odd years (and the benchmark's floor: the same records written with Jackson).
     */
    public static String formatWithJackson(Bar bar) {
        StringWriter out = new StringWriter(112);
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.setPrettyPrinter(PythonSeparators.INSTANCE);
            json.writeStartObject();
            json.writeFieldName("high");
            json.writeNumber(PythonFloatRepr.of(bar.high()));
            json.writeFieldName("low");
            json.writeNumber(PythonFloatRepr.of(bar.low()));
            json.writeStringField("ts", TS_FORMAT.format(bar.ts()));
            json.writeStringField("name", bar.name());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the record of " + bar, e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Reads one record (surrounding whitespace, such as the line terminator, is ignored).
     *
     * @throws BarFormatException naming the fault: malformed JSON, a missing or unexpected field, a wrong type
     */
    public static Bar parse(String line) {
        if (line == null || line.isBlank()) {
            throw new BarFormatException("Not a bar record: the line is empty");
        }
        Bar bar = parseWellFormed(line);
        // anything unusual takes the thorough path, which accepts the same records and names the fault of the rest
        return bar != null ? bar : parseThoroughly(line);
    }

    private static Bar parseWellFormed(String line) {
        try (JsonParser json = FAST_READER.createParser(line)) {
            return parseWellFormed(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The fast path for a record with exactly the four fields, each of its type, read token by token: null for
     * anything else (a missing, extra or repeated field, a wrong type, an odd ts, malformed JSON). It keeps the
     * streaming replay's pace: 941,070 lines of the benchmark's file took 1.95 s here against 10.9 s through
     * Jackson's tree and OffsetDateTime.parse (warm third round, 2026-12-02, shared 2-core machine).
     */
    private static Bar parseWellFormed(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        double high = 0;
        double low = 0;
        OffsetDateTime start = null;
        String name = null;
        int seen = 0;
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            int bit;
            switch (field) {
                case "high" -> {
                    bit = 1;
                    high = value.isNumeric() ? json.getDoubleValue() : Double.NaN;
                }
                case "low" -> {
                    bit = 2;
                    low = value.isNumeric() ? json.getDoubleValue() : Double.NaN;
                }
                case "ts" -> {
                    bit = 4;
                    start = value == JsonToken.VALUE_STRING ? parseTimestamp(json.getTextCharacters(),
                            json.getTextOffset(), json.getTextLength()) : null;
                }
                case "name" -> {
                    bit = 8;
                    name = value == JsonToken.VALUE_STRING ? json.getText() : null;
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (token != JsonToken.END_OBJECT || seen != 15 || json.nextToken() != null || start == null
                || name == null || !Double.isFinite(high) || !Double.isFinite(low) || name.isBlank()) {
            return null;
        }
        return new Bar(name, start, high, low);
    }

    /**
     * {@code 2020-12-01 09:30:00-05:00} read field by field from {@code ts[at, at+length)}, or null if it is not
     * exactly that shape and valid.
     */
    private static OffsetDateTime parseTimestamp(char[] ts, int at, int length) {
        LastTimestamp last = LAST_TS_READ.get();
        if (last.value != null && length == 25 && Arrays.equals(ts, at, at + 25, last.text, 0, 25)) {
            return last.value;
        }
        OffsetDateTime value = parseTimestampText(ts, at, length);
        if (value != null) {
            System.arraycopy(ts, at, last.text, 0, 25);
            last.value = value;
        }
        return value;
    }

    /** The last ts a thread read, as text and value: consecutive records of a file mostly share their minute. */
    private static final class LastTimestamp {
        final char[] text = new char[25];
        OffsetDateTime value;
    }

    private static final ThreadLocal<LastTimestamp> LAST_TS_READ = ThreadLocal.withInitial(LastTimestamp::new);

    private static OffsetDateTime parseTimestampText(char[] ts, int at, int length) {
        if (length != 25 || ts[at + 4] != '-' || ts[at + 7] != '-' || ts[at + 10] != ' ' || ts[at + 13] != ':'
                || ts[at + 16] != ':' || ts[at + 22] != ':' || (ts[at + 19] != '+' && ts[at + 19] != '-')) {
            return null;
        }
        int year = digits(ts, at, 4);
        int month = digits(ts, at + 5, 2);
        int day = digits(ts, at + 8, 2);
        int hour = digits(ts, at + 11, 2);
        int minute = digits(ts, at + 14, 2);
        int second = digits(ts, at + 17, 2);
        int offsetHours = digits(ts, at + 20, 2);
        int offsetMinutes = digits(ts, at + 23, 2);
        if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        int sign = ts[at + 19] == '-' ? -1 : 1;
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second),
                    ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
        } catch (DateTimeException e) {
            return null; // e.g. 2020-02-30: the formatter's resolver decides, on the thorough path
        }
    }

    /** The decimal number in {@code text[from, from+count)}, or -1 if a character is not a digit. */
    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void appendTimestamp(StringBuilder out, OffsetDateTime ts) {
        out.append(ts.getYear()).append('-');
        twoDigits(out, ts.getMonthValue()).append('-');
        twoDigits(out, ts.getDayOfMonth()).append(' ');
        twoDigits(out, ts.getHour()).append(':');
        twoDigits(out, ts.getMinute()).append(':');
        twoDigits(out, ts.getSecond());
        int offsetMinutes = ts.getOffset().getTotalSeconds() / 60;
        out.append(offsetMinutes < 0 ? '-' : '+');
        twoDigits(out, Math.abs(offsetMinutes) / 60).append(':');
        twoDigits(out, Math.abs(offsetMinutes) % 60);
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** True if json.dumps writes the name as it is: printable ASCII without a quote or backslash. */
    private static boolean needsNoEscaping(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static Bar parseThoroughly(String line) {
        JsonNode record = readJson(line);
        if (!record.isObject()) {
            throw fault("it is JSON but not an object", line);
        }
        rejectUnexpectedFields(record, line);
        double high = price(record, "high", line);
        double low = price(record, "low", line);
        OffsetDateTime ts = timestamp(record, line);
        String name = text(record, "name", line);
        try {
            return new Bar(name, ts, high, low);
        } catch (IllegalArgumentException e) {
            throw fault(e.getMessage(), line);
        }
    }

    private static JsonNode readJson(String line) {
        try {
            return READER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BarFormatException("Not a bar record (malformed JSON: " + JsonFault.describe(e) + "): " + excerpt(line), e);
        }
    }

    private static void rejectUnexpectedFields(JsonNode record, String line) {
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw fault("unexpected field \"" + field + "\"", line);
            }
        }
    }

    private static double price(JsonNode record, String field, String line) {
        JsonNode value = required(record, field, line);
        if (!value.isNumber()) {
            throw fault("field \"" + field + "\" must be a number but is " + describe(value), line);
        }
        return value.doubleValue();
    }

    private static OffsetDateTime timestamp(JsonNode record, String line) {
        String ts = text(record, "ts", line);
        try {
            return OffsetDateTime.parse(ts, TS_FORMAT);
        } catch (DateTimeParseException e) {
            throw fault("field \"ts\" must look like 2020-12-01 09:30:00-05:00 but is \"" + ts + "\"", line);
        }
    }

    private static String text(JsonNode record, String field, String line) {
        JsonNode value = required(record, field, line);
        if (!value.isTextual()) {
            throw fault("field \"" + field + "\" must be a string but is " + describe(value), line);
        }
        return value.textValue();
    }

    private static JsonNode required(JsonNode record, String field, String line) {
        JsonNode value = record.get(field);
        if (value == null) {
            throw fault("missing field \"" + field + "\"", line);
        }
        return value;
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase() + " " + value;
    }

    private static BarFormatException fault(String what, String line) {
        return new BarFormatException("Not a bar record (" + what + "): " + excerpt(line));
    }

    private static String excerpt(String line) {
        String trimmed = line.strip();
        return trimmed.length() <= EXCERPT_LENGTH ? trimmed : trimmed.substring(0, EXCERPT_LENGTH) + "…";
    }

    /** Jackson's standard escapes, plus DEL (0x7F), which Python's ensure_ascii escapes too. */
    private static final class PythonAsciiEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        PythonAsciiEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only standard escapes
        }
    }

    /** Python's default separators: {@code ": "} after a key and {@code ", "} between fields, no other space. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        static final PythonSeparators INSTANCE = new PythonSeparators();

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
