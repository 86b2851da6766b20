package financestream.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A directory the app can write in: created if need be, and tried, at start-up. */
public record WritableDirectory(Path path) {

    public static WritableDirectory parse(String value) {
        Path dir;
        try {
            dir = Path.of(value.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a directory path: " + e.getMessage());
        }
        try {
            Files.createDirectories(dir);
            // isWritable() says yes to root whatever the permissions: try it
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
            return new WritableDirectory(dir);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(
                    "cannot write in " + dir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
