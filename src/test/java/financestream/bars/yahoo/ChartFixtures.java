package financestream.bars.yahoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The chart answers under src/test/resources/yahoo/ (real) and yahoo/built/ (made up, see its README). */
final class ChartFixtures {

    private ChartFixtures() {
    }

    static String read(String name) {
        try (InputStream in = ChartFixtures.class.getResourceAsStream("/yahoo/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test fixture yahoo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
