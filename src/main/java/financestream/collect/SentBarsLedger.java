package financestream.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import financestream.bars.Bar;
import financestream.bars.BarJson;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The bars already in the lake, for Camel's idempotent consumer: a key ({@code NAME yyyy-MM-dd HH:mm:ss±hh:mm}) is
 * <em>reserved</em> when a bar passes the consumer and <em>written</em> only once Firehose has accepted the record
 * (the deliver route's step that reads Firehose's answer calls {@link #commit}); a bar dead-lettered, or of a
 * request that failed, is {@link #release}d and sent by the next run or poll.
 *
 * <p>Guarantee: a bar is never marked sent before Firehose accepted it, so nothing is lost to a crash or a failed
 * batch. A crash between Firehose's acceptance and the write below (microseconds) can send those bars once more:
 * at-least-once at that point, like Firehose's own delivery.
 *
 * <p>Storage: one append-only file per trading day ({@code DIR/YYYY-MM-DD.keys}), loaded when a run first touches
 * that day. A year of ten symbols is about a million keys; Camel's FileIdempotentRepository would keep them all in
 * one file that it rewrites on every removal, scans for keys beyond its in-memory cache, and trims past its size
 * limit (forgetting keys, i.e. resending). Keys here are grouped by the day a run asks for, so a run reads only the
 * few days it collects, and memory stays at a few thousand keys per day touched.
 */
public class SentBarsLedger extends ServiceSupport implements IdempotentRepository {

    private final Path dir;
    private final Map<String, Set<String>> sentByDay = new HashMap<>();
    private final Set<String> reserved = new HashSet<>();

    public SentBarsLedger(Path dir) {
        this.dir = dir;
    }

    /** The idempotent consumer's key of a bar: its record's name and ts. */
    public static String key(Bar bar) {
        return bar.name() + " " + BarJson.TS_FORMAT.format(bar.ts());
    }

    @Override
    public synchronized boolean add(String key) {
        if (reserved.contains(key) || sent(key)) {
            return false;
        }
        reserved.add(key);
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return reserved.contains(key) || sent(key);
    }

    /** Called by the idempotent consumer when the bar's exchange failed: the bar is free to be sent again. */
    @Override
    public synchronized boolean remove(String key) {
        return reserved.remove(key);
    }

    /** Nothing to do: a key is written when Firehose accepted its record, not when the bar's exchange ends. */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Forgets the reservations (what is in the lake stays recorded). */
    @Override
    public synchronized void clear() {
        reserved.clear();
    }

    public synchronized boolean isSent(String key) {
        return sent(key);
    }

    /** Firehose accepted these records: write their keys, grouped by day, in one append per day. */
    public synchronized void commit(Collection<String> keys) {
        Map<String, StringBuilder> lines = new TreeMap<>();
        for (String key : keys) {
            reserved.remove(key);
            if (day(key).add(key)) {
                lines.computeIfAbsent(dayOf(key), d -> new StringBuilder()).append(key).append('\n');
            }
        }
        lines.forEach((day, text) -> append(file(day), text.toString()));
    }

    /** These records did not reach Firehose: free them for the next run or poll. */
    public synchronized void release(Collection<String> keys) {
        reserved.removeAll(keys);
    }

    /** Frees the bars of a symbol that failed before they reached Firehose (null: none were let through). */
    public void releaseBars(List<Bar> bars) {
        if (bars != null) {
            release(bars.stream().map(SentBarsLedger::key).toList());
        }
    }

    private boolean sent(String key) {
        return day(key).contains(key);
    }

    private Set<String> day(String key) {
        return sentByDay.computeIfAbsent(dayOf(key), this::load);
    }

    private Set<String> load(String day) {
        Path file = file(day);
        if (!Files.isRegularFile(file)) {
            return new HashSet<>();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            if (end < text.length()) {
                // a write cut short by a crash: that key was not complete, so its bar counts as not sent
                try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                    channel.truncate(text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
                }
            }
            Set<String> keys = new HashSet<>(List.of(text.substring(0, end).split("\n")));
            keys.remove("");
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sent-bars ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sent-bars ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String day) {
        return dir.resolve(day + ".keys");
    }

    /** The ts's local date: {@code NAME 2026-11-20 09:30:00-05:00} → {@code 2026-11-20}. */
    private static String dayOf(String key) {
        int space = key.indexOf(' ');
        if (space < 0 || key.length() < space + 11) {
            throw new IllegalArgumentException("Not a sent-bars key (NAME yyyy-MM-dd HH:mm:ss±hh:mm): '" + key + "'");
        }
        return key.substring(space + 1, space + 11);
    }
}
