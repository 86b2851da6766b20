package financestream.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A lake holding the reference day as Firehose lands it (one object in its UTC hour folder), not yet crawled,
 * and the settings that point the app at it.
 */
public final class ReferenceLake {

    public static final Path REPLAY = Path.of("src/main/resources/replay/2020-12-01/minute-bars.ndjson");

    private ReferenceLake() {
    }

    /** Lands the reference day under {@code dir}/finance-stream-lake/bars/2020/12/01/14/. */
    public static Path land(Path dir) throws IOException {
        Path object = dir.resolve("finance-stream-lake/bars/2020/12/01/14/finance-stream-bars-1-2020-12-01-14-30-00-"
                + "6b1e6f0e-4a4b-4f57-9a39-3a0d0b0c0d0e");
        Files.createDirectories(object.getParent());
        Files.copy(REPLAY, object);
        return object;
    }

    /** The app's settings for a lake in {@code dir}. */
    public static Properties settings(Path dir) {
        Properties settings = new Properties();
        settings.put("lake.dir", dir.toString());
        return settings;
    }
}
