package financestream.embedded.glue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Newline-delimited JSON objects, such as Firehose writes them (object keys have no extension). Like Glue it
 * samples only the start of each file: the first {@value #SAMPLE_BYTES} bytes, without a cut-off last line.
 */
final class JsonLinesClassifier implements FileClassifier {

    static final int SAMPLE_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public boolean accepts(Path file) throws IOException {
        // Every non-Parquet file is offered to the JSON classifier; sample() says loudly if it is not JSON.
        return true;
    }

    @Override
    public FileSchema sample(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES + 1);
        }
        boolean truncated = head.length > SAMPLE_BYTES;
        String text = new String(head, 0, Math.min(head.length, SAMPLE_BYTES), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int usable = truncated ? lines.length - 1 : lines.length;

        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        long records = 0;
        for (int i = 0; i < usable; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Map<String, String> recordColumns = columnsOf(line, i + 1);
            FileSchema.mergeInto(columns, recordColumns);
            records++;
        }
        if (records == 0) {
            throw new UnreadableFileException("no JSON record found", null);
        }
        return new FileSchema("json", columns, records);
    }

    /** The record's top-level fields and their Glue types, read token by token (no tree: the crawl reads every line). */
    private static Map<String, String> columnsOf(String line, int lineNumber) throws UnreadableFileException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableFileException("line " + lineNumber + " is not a JSON object", null);
            }
            for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
                if (token == null) { // Jackson reports a cut-off object itself; this is only a guard
                    throw new UnreadableFileException("line " + lineNumber + " is not valid JSON: it ends inside an object", null);
                }
                String field = json.currentName();
                JsonToken value = json.nextToken();
                // nested objects and arrays are kept as their JSON text: the engine does not model structs/arrays
                json.skipChildren();
                columns.put(field, glueType(value));
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException("line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableFileException("line " + lineNumber + " cannot be read: " + e.getMessage(), e);
        }
        return columns;
    }

    /** Glue's type for a JSON value; null means "only nulls so far". */
    private static String glueType(JsonToken value) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> "bigint";
            case VALUE_NUMBER_FLOAT -> "double";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            // Strings stay strings (ts is not parsed as a timestamp); nested objects and arrays are kept as their
            // JSON text: the embedded engine does not model Glue's struct/array types.
            default -> "string";
        };
    }
}
