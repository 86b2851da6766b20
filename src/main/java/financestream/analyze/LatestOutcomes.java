package financestream.analyze;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the app last did, for whoever shows it (the console): the latest answer of the scheduled analysis, and the
 * last outcome of each step (collect, crawl, query). Written by steps in routes/ (3-analyze, 4-schedule), read by
 * any thread.
 */
public final class LatestOutcomes {

    public static final String BEAN_NAME = "latestOutcomes";

    /** The latest answer, when it was answered, and the SQL that asked. */
    public record Answer(ResultTable table, Instant at, String query) {
    }

    /** A step's last run: whether it succeeded, its message (the failure's reason), and when it ended. */
    public record Outcome(String step, boolean ok, String message, Instant at) {
    }

    private final Clock clock;
    private volatile Answer answer;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    public LatestOutcomes(Clock clock) {
        this.clock = clock;
    }

    /** Records the analysis' answer. */
    public void answer(ResultTable table, String query) {
        answer = new Answer(table, clock.instant(), query);
    }

    /** Records the analysis' answer (the query unknown). */
    public void answer(ResultTable table) {
        answer(table, null);
    }

    public void succeeded(String step) {
        outcomes.put(step, new Outcome(step, true, "succeeded", clock.instant()));
    }

    public void failed(String step, Exception exception) {
        String reason = exception == null ? "failed"
                : exception.getMessage() == null ? exception.toString() : exception.getMessage();
        outcomes.put(step, new Outcome(step, false, reason, clock.instant()));
    }

    public Optional<Answer> latestAnswer() {
        return Optional.ofNullable(answer);
    }

    /** The last outcome of each step that has run, by step name. */
    public Map<String, Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }
}
