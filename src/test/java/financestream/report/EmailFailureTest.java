package financestream.report;

import financestream.App;
import financestream.JobTestSupport;
import financestream.CapturedLogs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;

import financestream.JobOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the mail server cannot be reached the job fails loudly — the user asked for the email — and says to whom,
 * through which server and why; the log table, the CSV and the HTML report are written all the same, and the
 * password appears nowhere in the log.
 */
class EmailFailureTest extends JobTestSupport {

    private static final String PASSWORD = "do-not-log-me-7f3a";
    private static final int CLOSED_PORT = closedPort();
    private static final CapturedLogs LOG = CapturedLogs.onRootLogger();

    @Override
    protected App configure(App app) {
        return app
                .set("results.sinks", "log,csv,html,email")
                .mailServer(CLOSED_PORT)
                .set("email.user", "reporter")
                .set("email.password", PASSWORD)
                .set("email.to", "analyst@example.org")
                .set("email.timeout-ms", "5000");
    }

    @Test
    void failsTheJobWithTheReasonAndKeepsTheReportFiles() throws Exception {
        JobOutcome outcome = awaitJob();
        assertThat(outcome.exitCode()).contains(1);
        assertThat(outcome.failures()).singleElement().asString()
                .startsWith("EmailFailedException: Could not email the report to analyst@example.org via smtp://127.0.0.1:"
                        + CLOSED_PORT + ": ")
                .containsIgnoringCase("connect");

        assertThat(csvRows()).hasSize(70);
        assertThat(Files.readString(result("highest-hourly-high-2020-12-01.html"))).contains("<img src=\"data:image/png;base64,");
        assertThat(LOG.all()).contains("Could not email the report").doesNotContain(PASSWORD);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
