package financestream.bars;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recorded day (or more) of bars in the record format, one per line, replayed instead of asking Yahoo.
 * The location is {@code classpath:replay/2020-12-01/minute-bars.ndjson} or a file path. The file is read
 * line by line on each call and only the requested bars are kept, so a large recording is never held in memory.
 */
public class ReplayFile {

    private static final String CLASSPATH = "classpath:";

    private final String location;

    /** @throws ReplayFileException when there is no such file or resource */
    public ReplayFile(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A replay file needs a location (classpath:… or a file path)");
        }
        this.location = location.strip();
        // Fail at configuration time, not at the first trigger hours later.
        if (isClasspath() ? classpathResource() == null : !Files.isRegularFile(filePath())) {
            throw new ReplayFileException(this.location, 0, "no such file", null);
        }
    }

    public String getLocation() {
        return location;
    }

    /**
     * The bars of {@code symbol} (matched exactly, as recorded) whose local date is {@code date}, in file order.
     * Blank lines are skipped; any other line that is not a record fails the whole call.
     *
     * @throws ReplayFileException naming the file, the line number and the fault
     */
    public List<Bar> bars(String symbol, LocalDate date) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader lines = open()) {
            long lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Bar bar = parse(line, lineNumber);
                if (bar.name().equals(symbol) && bar.ts().toLocalDate().equals(date)) {
                    bars.add(bar);
                }
            }
        } catch (IOException e) {
            throw new ReplayFileException(location, 0, "cannot read it: " + e.getMessage(), e);
        }
        return bars;
    }

    private Bar parse(String line, long lineNumber) {
        try {
            return BarJson.parse(line);
        } catch (BarFormatException e) {
            throw new ReplayFileException(location, lineNumber, e.getMessage(), e);
        }
    }

    private BufferedReader open() throws IOException {
        InputStream in;
        if (isClasspath()) {
            URL resource = classpathResource();
            if (resource == null) {
                throw new ReplayFileException(location, 0, "no such file", null);
            }
            in = resource.openStream();
        } else {
            if (!Files.isRegularFile(filePath())) {
                throw new ReplayFileException(location, 0, "no such file", null);
            }
            in = Files.newInputStream(filePath());
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private boolean isClasspath() {
        return location.startsWith(CLASSPATH);
    }

    private URL classpathResource() {
        String name = location.substring(CLASSPATH.length());
        name = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader != null ? loader : ReplayFile.class.getClassLoader()).getResource(name);
    }

    private Path filePath() {
        return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    }

    @Override
    public String toString() {
        return "ReplayFile[" + location + "]";
    }
}
