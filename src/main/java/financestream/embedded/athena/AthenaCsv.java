package financestream.embedded.athena;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Athena's result file: a header row, then one line per row; every value in double quotes (quotes inside
 * doubled), NULL as an empty unquoted field. Written beside the target and moved in place, so readers never
 * see half a file.
 */
final class AthenaCsv {

    private AthenaCsv() {
    }

    static void write(QueryResult result, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (result.header()) {
                writeLine(out, result.columns().stream().map(QueryResult.ResultColumn::name).toList());
            }
            for (List<String> row : result.rows()) {
                writeLine(out, row);
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeLine(BufferedWriter out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = values.get(i);
            if (value != null) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }
}
