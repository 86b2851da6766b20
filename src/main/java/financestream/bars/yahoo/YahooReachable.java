package financestream.bars.yahoo;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Yahoo can be reached, as the collect routes learn it (routes/1-collect-sources.camel.yaml): an unknown
 * host or a refused connection is said once, as one line naming Yahoo's address and why, and for the next
 * {@code pause} every symbol fails at once without a request ({@link #notAsked}) — a circuit breaker that opens at
 * the first such failure. A live run asks again after the pause. Other failures (429, 5xx) never get here.
 */
public class YahooReachable {

    private static final Logger LOG = LoggerFactory.getLogger("financestream.yahoo");

    private final Duration pause;
    private final AtomicReference<Failure> unreachable = new AtomicReference<>();

    public YahooReachable(Duration pause) {
        this.pause = pause;
    }

    private record Failure(String why, long atNanos) {
    }

    /** Remembers why Yahoo could not be reached (the symbol's own request fails with the exception itself). */
    public void rememberFailure(Exception caught, String baseUrl) {
        String why = why(caught);
        if (why == null) {
            return;
        }
        Failure before = unreachable.getAndSet(new Failure(why, System.nanoTime()));
        if (before == null || !before.why().equals(why)) {
            LOG.error("Yahoo could not be reached at {}: {}. The other symbols are not asked.", baseUrl, why);
        }
    }

    /** True while the last failure to reach Yahoo is more recent than the pause. */
    public boolean isUnreachable() {
        Failure failure = unreachable.get();
        return failure != null && System.nanoTime() - failure.atNanos() < pause.toNanos();
    }

    /** The symbol fails without asking Yahoo. */
    public void notAsked() {
        Failure failure = unreachable.get();
        throw new YahooUnreachableException("not asked: Yahoo could not be reached"
                + (failure == null ? "" : " (" + failure.why() + ")"));
    }

    /** Why Yahoo cannot be reached, or null when the failure is of another kind. */
    static String why(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "the host does not resolve (" + cause.getMessage() + "): no network, or no DNS?";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "connection refused (" + cause.getMessage() + ")";
            }
        }
        return null;
    }

    /** Yahoo could not be reached: the symbol was not asked. */
    public static final class YahooUnreachableException extends RuntimeException {
        YahooUnreachableException(String message) {
            super(message, null, false, false);
        }
    }
}
