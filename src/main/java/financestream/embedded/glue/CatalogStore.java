package financestream.embedded.glue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps the catalog in one JSON file, replaced atomically so a crash never leaves half a catalog. */
final class CatalogStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    CatalogStore(Path dir) {
        this.file = dir.resolve("catalog.json");
    }

    Path file() {
        return file;
    }

    CatalogState load() {
        if (!Files.exists(file)) {
            return CatalogState.empty();
        }
        try {
            return JSON.readValue(file.toFile(), CatalogState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Glue catalog " + file + ": " + e.getMessage(), e);
        }
    }

    void save(CatalogState state) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Glue catalog " + file + ": " + e.getMessage(), e);
        }
    }
}
