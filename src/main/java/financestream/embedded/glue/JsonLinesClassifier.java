package financestream.embedded.glue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Newline-delimited JSON objects, such as Firehose writes them (object keys have no extension). Like Glue it
 * samples only the start of each file: the first {@value #SAMPLE_BYTES} bytes, without a cut-off last line.
 */
final class JsonLinesClassifier implements FileClassifier {

    static final int SAMPLE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

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
            JsonNode record = parse(line, i + 1);
            Map<String, String> recordColumns = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                recordColumns.put(field.getKey(), glueType(field.getValue()));
            }
            FileSchema.mergeInto(columns, recordColumns);
            records++;
        }
        if (records == 0) {
            throw new UnreadableFileException("no JSON record found", null);
        }
        return new FileSchema("json", columns, records);
    }

    private static JsonNode parse(String line, int lineNumber) throws UnreadableFileException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException("line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableFileException("line " + lineNumber + " is not a JSON object", null);
        }
        return node;
    }

    /** Glue's type for a JSON value; null means "only nulls so far". */
    private static String glueType(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return "bigint";
        }
        if (value.isNumber()) {
            return "double";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        // Strings stay strings (ts is not parsed as a timestamp); nested objects and arrays are kept as their
        // JSON text: the embedded engine does not model Glue's struct/array types.
        return "string";
    }
}
