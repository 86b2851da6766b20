package financestream.embedded.glue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Recognises one data format and samples a file's schema, as a Glue classifier does. Adding Parquet is one
 * more implementation; the crawler asks each classifier in turn.
 */
interface FileClassifier {

    /** True if this classifier claims the file (by name or by its first bytes). */
    boolean accepts(Path file) throws IOException;

    /** The schema of the file's sampled records; throws {@link UnreadableFileException} naming the fault. */
    FileSchema sample(Path file) throws IOException;

    /** A file a classifier claimed but could not read: the crawl fails loudly with this message. */
    final class UnreadableFileException extends IOException {
        UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
