package financestream.bars;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A recorded day (or more) of bars in the record format, one per line, replayed instead of asking Yahoo.
 * The location is {@code classpath:replay/2020-12-01/minute-bars.ndjson} or a file path. The file is read
 * line by line and only the requested bars are kept, so a recording of any size is never held in memory:
 * {@link #stream} reads it once for all symbols and hands out one bar at a time.
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
        try (Bars stream = new Bars(new Selection(Set.of(symbol), date, date))) {
            stream.forEachRemaining(bars::add);
        }
        return bars;
    }

    /**
     * The bars of the comma-separated {@code symbols} (trimmed, upper-cased, as the collect route names them) whose
     * local date is in {@code from..to}, in file order, read lazily: the file is read once, one line ahead of the
     * caller, so memory does not grow with the recording. Close the iterator (Camel's streaming split does) to
     * release the file early.
     *
     * @throws ReplayFileException (from the iterator) naming the file, the line number and the fault
     */
    public Bars stream(String symbols, LocalDate from, LocalDate to) {
        return new Bars(selection(symbols, from, to));
    }

    private Selection selection(String symbols, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(from, "from");
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw new IllegalArgumentException("The replay's last date " + last + " is before its first date " + from);
        }
        Set<String> wanted = Arrays.stream(symbols.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("The replay needs at least one symbol; finance.symbols is '" + symbols + "'");
        }
        return new Selection(wanted, from, last);
    }

    /** What one pass over the file keeps: the bars of these symbols dated {@code from..to}. */
    private record Selection(Set<String> symbols, LocalDate from, LocalDate to) {
        boolean selects(Bar bar) {
            LocalDate date = bar.ts().toLocalDate();
            return symbols.contains(bar.name()) && !date.isBefore(from) && !date.isAfter(to);
        }

        String describe(long kept, long lines, String location) {
            return kept + " bars of " + symbols.size() + " symbol(s) " + from + (to.equals(from) ? "" : ".." + to)
                    + " from " + lines + " lines of " + location;
        }
    }

    /**
     * The recording's lines in consecutive chunks of at most {@code size} lines, read once and lazily, each parsed
     * and filtered by its own {@link Chunk#bars()} — so that one thread reads while others parse. Never more than
     * the chunks in hand are in memory. {@link Chunks#toString()} says how many bars were kept of how many lines.
     */
    public Chunks chunks(String symbols, LocalDate from, LocalDate to, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A replay chunk holds at least one line, not " + size);
        }
        return new Chunks(selection(symbols, from, to), size);
    }

    /**
     * One lazy pass over the file, one item ahead of the caller: numbers the lines, closes the file at the end or on
     * the first failure, and turns a read error into a {@link ReplayFileException} naming the line.
     */
    private abstract class Pass<T> implements Iterator<T>, Closeable {
        final Selection selection;
        private final StrictUtf8Lines lines;
        /** Lines read so far. */
        long lineNumber;
        private T next;
        private boolean done;

        Pass(Selection selection) {
            this.selection = selection;
            this.lines = openLines();
        }

        /** The next item, read with {@link #readLine()}; null at the end of the file. */
        abstract T read() throws IOException;

        final String readLine() throws IOException {
            String line = lines.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = readOrClose();
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more lines in " + location);
            }
            T item = next;
            next = null;
            return item;
        }

        private T readOrClose() {
            T item;
            try {
                item = read();
            } catch (IOException e) {
                close();
                throw new ReplayFileException(location, lineNumber, "cannot read it: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            if (item == null) {
                close();
            }
            return item;
        }

        @Override
        public void close() {
            done = true;
            closeLines(lines);
        }
    }

    /** Consecutive chunks of the file's lines; {@link #toString()} says how many bars were read and kept. */
    public final class Chunks extends Pass<Chunk> {
        private final int size;
        private final AtomicLong kept = new AtomicLong();

        private Chunks(Selection selection, int size) {
            super(selection);
            this.size = size;
        }

        @Override
        Chunk read() throws IOException {
            List<String> chunk = new ArrayList<>(size);
            long first = lineNumber + 1;
            for (String line = readLine(); line != null; line = readLine()) {
                chunk.add(line);
                if (chunk.size() == size) {
                    break;
                }
            }
            return chunk.isEmpty() ? null : new Chunk(this, first, chunk);
        }

        @Override
        public String toString() {
            return selection.describe(kept.get(), lineNumber, location);
        }
    }

    /** Lines of the file, numbered from {@code firstLineNumber}, not yet parsed. */
    public final class Chunk {
        private final Chunks chunks;
        private final long firstLineNumber;
        private final List<String> lines;

        private Chunk(Chunks chunks, long firstLineNumber, List<String> lines) {
            this.chunks = chunks;
            this.firstLineNumber = firstLineNumber;
            this.lines = lines;
        }

        /**
         * The selected bars of these lines, in file order (possibly none).
         *
         * @throws ReplayFileException naming the file, the line number and the fault of the first bad line
         */
        public List<Bar> bars() {
            List<Bar> bars = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Bar bar = selectedBar(chunks.selection, lines.get(i), firstLineNumber + i);
                if (bar != null) {
                    bars.add(bar);
                }
            }
            chunks.kept.addAndGet(bars.size());
            return bars;
        }

        @Override
        public String toString() {
            return "lines " + firstLineNumber + ".." + (firstLineNumber + lines.size() - 1) + " of " + location;
        }
    }

    /** The selected bars of one pass over the file; {@link #toString()} says how many were read and kept. */
    public final class Bars extends Pass<Bar> {
        private long kept;

        private Bars(Selection selection) {
            super(selection);
        }

        @Override
        Bar read() throws IOException {
            for (String line = readLine(); line != null; line = readLine()) {
                Bar bar = selectedBar(selection, line, lineNumber);
                if (bar != null) {
                    return bar;
                }
            }
            return null;
        }

        @Override
        public Bar next() {
            Bar bar = super.next();
            kept++;
            return bar;
        }

        /** Bars handed out so far. */
        public long count() {
            return kept;
        }

        @Override
        public String toString() {
            return selection.describe(kept, lineNumber, location);
        }
    }

    /** The line's bar if the selection keeps it; null for a blank line or a bar it does not keep. */
    private Bar selectedBar(Selection selection, String line, long lineNumber) {
        if (line.isBlank()) {
            return null;
        }
        Bar bar = parse(line, lineNumber);
        return selection.selects(bar) ? bar : null;
    }

    private Bar parse(String line, long lineNumber) {
        try {
            return BarJson.parse(line);
        } catch (BarFormatException e) {
            throw new ReplayFileException(location, lineNumber, e.getMessage(), e);
        }
    }

    private StrictUtf8Lines openLines() {
        try {
            return open();
        } catch (IOException e) {
            throw new ReplayFileException(location, 0, "cannot read it: " + e.getMessage(), e);
        }
    }

    private void closeLines(StrictUtf8Lines lines) {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close replay file " + location, e);
        }
    }

    private StrictUtf8Lines open() throws IOException {
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
        return new StrictUtf8Lines(buffered);
    }

    /**
     * Lines decoded as strict UTF-8, one at a time, so a fault is reported on its own line: a byte UTF-8 does not
     * allow would otherwise become U+FFFD inside a symbol name (an invented value), and NUL characters mean UTF-16
     * text without a byte-order mark.
     */
    private final class StrictUtf8Lines implements Closeable {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private byte[] line = new byte[256];
        /** True while a line that began in an earlier buffer has not ended yet (it may be empty so far). */
        private boolean partial;
        private long number;

        StrictUtf8Lines(InputStream in) {
            this.in = in;
        }

        /** The next line without its terminator ({@code \n} or {@code \r\n}); null at the end of the file. */
        String readLine() throws IOException {
            int length = 0; // bytes of this line carried over from earlier buffers
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (length == 0 && !partial) {
                            return null;
                        }
                        partial = false;
                        return text(line, 0, length);
                    }
                }
                int end = indexOfNewline(position);
                if (end >= 0 && length == 0 && !partial) {
                    // the usual case: the whole line is in the buffer
                    int start = position;
                    position = end + 1;
                    return text(buffer, start, end - start);
                }
                int chunk = (end >= 0 ? end : limit) - position;
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, position, line, length, chunk);
                length += chunk;
                partial = true;
                if (end >= 0) {
                    position = end + 1;
                    partial = false;
                    return text(line, 0, length);
                }
                position = limit;
            }
        }

        private int indexOfNewline(int from) {
            for (int i = from; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** The line's bytes as text: plain ASCII as it is, anything else through the strict UTF-8 decoder. */
        private String text(byte[] bytes, int offset, int length) {
            number++;
            if (length > 0 && bytes[offset + length - 1] == '\r') {
                length--;
            }
            boolean ascii = true;
            for (int i = offset; i < offset + length; i++) {
                byte b = bytes[i];
                if (b == 0) {
                    throw new ReplayFileException(location, number, "the line holds NUL characters, as UTF-16 text "
                            + "does: save the file as UTF-8", null);
                }
                ascii &= b > 0;
            }
            if (ascii) {
                return new String(bytes, offset, length, StandardCharsets.US_ASCII);
            }
            try {
                return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            } catch (CharacterCodingException e) {
                throw new ReplayFileException(location, number, "not UTF-8 text (" + e.getMessage()
                        + "): save the file as UTF-8", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
