package financestream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot job's verdict, from what happened to its bars and its query: a symbol that failed or bars
 * dead-lettered (the collect summary reports them here), or a step of the job that failed for good (the query, the
 * crawl, an email not sent: the job's exchange ends with that exception). A fault a retry recovered is no failure.
 * Turned into the process exit code when the job finishes.
 */
public class JobOutcome {

    public static final String BEAN_NAME = "jobOutcome";
    private static final Logger LOG = LoggerFactory.getLogger(JobOutcome.class);
    private static final int MAX_REMEMBERED = 20;

    private final Runnable shutdown;
    private final List<String> failures = new ArrayList<>();
    private volatile Integer exitCode;

    /** @param shutdown ends the application once the one-shot job has finished (camel-main's completion). */
    public JobOutcome(Runnable shutdown) {
        this.shutdown = shutdown;
    }

    /** Something the job was asked for did not happen: a symbol not collected, bars not delivered. */
    public void recordFailure(String description) {
        remember(description);
    }

    /**
     * Called when the one-shot job's exchange is complete: log the verdict and end the run.
     *
     * @param failure what failed the job's exchange, null when it completed (an exception a redelivery recovered
     *                stays behind on the exchange, so it is not read from there)
     */
    public void finish(Exception failure) {
        if (failure != null) {
            remember(describe(failure));
        }
        List<String> seen = failures();
        if (seen.isEmpty()) {
            LOG.info("Job finished: OK");
            exitCode = 0;
        } else {
            LOG.error("Job FAILED ({} failure(s)):\n  - {}", seen.size(), String.join("\n  - ", seen));
            exitCode = 1;
        }
        shutdown.run();
    }

    /** The exit code once the job has finished; empty while it runs (or in live mode). */
    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private void remember(String failure) {
        synchronized (failures) {
            if (failures.size() < MAX_REMEMBERED && !failures.contains(failure)) {
                failures.add(failure);
            }
        }
    }

    private static String describe(Throwable e) {
        // The outermost exception usually wraps the cause in Camel's words; the innermost says what went wrong.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        return root.getClass().getSimpleName() + ": " + message;
    }
}
