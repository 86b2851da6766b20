package financestream.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import financestream.JobOutcome;
import financestream.bars.Bar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a collect run did, per symbol: bars fetched, sent (accepted by Firehose), skipped as already sent, failed
 * (the request failed, or bars were dead-lettered). Logged as a table at the end of each run; a failed symbol is
 * also reported to {@link JobOutcome}, so a one-shot run exits non-zero while the other symbols still land and the
 * answer is still printed. A fault that a retry recovered leaves no trace here.
 */
public class CollectSummary {

    private static final Logger LOG = LoggerFactory.getLogger(CollectSummary.class);

    /** One symbol's figures in a run. */
    public static final class Counts {
        long fetched;
        long sent;
        long duplicates;
        final List<String> errors = new ArrayList<>();

        public long fetched() {
            return fetched;
        }

        public long sent() {
            return sent;
        }

        public long duplicates() {
            return duplicates;
        }

        public List<String> errors() {
            return List.copyOf(errors);
        }

        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    private final JobOutcome outcome;
    private final Map<String, Counts> bySymbol = new LinkedHashMap<>();
    private long runs;

    public CollectSummary(JobOutcome outcome) {
        this.outcome = outcome;
    }

    /** A new run over these requests: the figures start from zero. */
    public synchronized List<BarRequest> start(List<BarRequest> requests) {
        bySymbol.clear();
        requests.forEach(request -> counts(request.symbol()));
        return requests;
    }

    /** A streaming replay starts: its rows appear as its bars are sent. */
    public synchronized void startStreaming() {
        bySymbol.clear();
    }

    public synchronized void fetched(String symbol, int bars) {
        counts(symbol).fetched += bars;
    }

    public synchronized void duplicate(String symbol) {
        counts(symbol).duplicates++;
    }

    /** Firehose accepted these bars. */
    public void sent(List<Bar> bars) {
        Map<String, Long> perName = new HashMap<>();
        bars.forEach(bar -> perName.merge(bar.name(), 1L, Long::sum));
        synchronized (this) {
            perName.forEach((name, count) -> counts(name).sent += count);
        }
    }

    /** Bars of this symbol (or of the streaming replay) went to the dead-letter file. */
    public synchronized void deadLettered(String symbol, String message) {
        counts(symbol).errors.add(message);
    }

    /** The symbol's request failed (Yahoo refused it, or its answer was not a chart): nothing of it was sent. */
    public synchronized void failed(String symbol, String what, Exception exception) {
        String message = exception == null ? "failed" : exception.getMessage();
        counts(symbol).errors.add(what + ": " + message);
    }

    /** Logs the run's table and reports the failed symbols; returns the table. */
    public synchronized String report(String run) {
        runs++;
        StringBuilder table = new StringBuilder(String.format("%-10s %8s %8s %10s %7s  %s%n",
                "symbol", "fetched", "sent", "duplicate", "failed", "error"));
        long failedSymbols = 0;
        for (Map.Entry<String, Counts> entry : bySymbol.entrySet()) {
            Counts c = entry.getValue();
            String error = String.join("; ", c.errors);
            table.append(String.format("%-10s %8d %8d %10d %7s  %s%n", entry.getKey(), c.fetched, c.sent,
                    c.duplicates, c.failed() ? "FAILED" : "-", error));
            if (c.failed()) {
                failedSymbols++;
                outcome.recordFailure(entry.getKey() + " (" + run + "): " + error);
            }
        }
        String text = table.toString();
        if (failedSymbols > 0) {
            LOG.error("Collect {}: {} of {} symbol(s) FAILED\n{}", run, failedSymbols, bySymbol.size(), text);
        } else {
            LOG.info("Collect {}: {} symbol(s) OK\n{}", run, bySymbol.size(), text);
        }
        return text;
    }

    public synchronized Map<String, Counts> counts() {
        return Map.copyOf(bySymbol);
    }

    /** How many runs have reported so far (live mode: one per poll that found the market open). */
    public synchronized long runs() {
        return runs;
    }

    private Counts counts(String symbol) {
        return bySymbol.computeIfAbsent(symbol, s -> new Counts());
    }
}
