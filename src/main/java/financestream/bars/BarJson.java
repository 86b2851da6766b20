package financestream.bars;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BarJson() {
    }

    /** The record of one bar, without a line terminator. */
    public static String format(Bar bar) {
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
