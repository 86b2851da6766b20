package financestream.bars;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
        try (InputStream in = open()) {
            long lineNumber = 0;
            for (byte[] bytes = readLine(in); bytes != null; bytes = readLine(in)) {
                lineNumber++;
                String line = decode(bytes, lineNumber);
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

    /** One line's bytes without its terminator ({@code \n} or {@code \r\n}); null at the end of the file. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    /**
     * Strict UTF-8: a byte UTF-8 does not allow would otherwise become U+FFFD inside a symbol name, an invented
     * value. NUL characters mean UTF-16 text without a byte-order mark.
     */
    private String decode(byte[] bytes, long lineNumber) {
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReplayFileException(location, lineNumber, "not UTF-8 text (" + e.getMessage()
                    + "): save the file as UTF-8", e);
        }
        if (line.indexOf('\0') >= 0) {
            throw new ReplayFileException(location, lineNumber, "the line holds NUL characters, as UTF-16 text does:"
                    + " save the file as UTF-8", null);
        }
        return line;
    }

    private Bar parse(String line, long lineNumber) {
        try {
            return BarJson.parse(line);
        } catch (BarFormatException e) {
            throw new ReplayFileException(location, lineNumber, e.getMessage(), e);
        }
    }

    /** The file's bytes after a UTF-8 byte-order mark, if any; a UTF-16 mark is refused by name. */
    private InputStream open() throws IOException {
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
        InputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(3);
        int b0 = buffered.read();
        int b1 = buffered.read();
        int b2 = buffered.read();
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            buffered.close();
            throw new ReplayFileException(location, 1, "it is UTF-16 text (byte-order mark "
                    + (b0 == 0xFF ? "FF FE" : "FE FF") + "): save the file as UTF-8", null);
        }
        if (!(b0 == 0xEF && b1 == 0xBB && b2 == 0xBF)) { // a UTF-8 byte-order mark (Windows editors) is skipped
            buffered.reset();
        }
        return buffered;
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
