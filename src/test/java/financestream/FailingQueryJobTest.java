package financestream;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A query Athena rejects fails the job loudly: Athena's reason in the verdict, exit code 1, no answer file. */
class FailingQueryJobTest extends JobTestSupport {

    @Override
    protected App configure(App app) {
        return app
                .set("athena.query", "SELECT name, max(hgih) AS highest_high FROM bars GROUP BY name");
    }

    @Test
    void aFailedQueryFailsTheJobWithTheEnginesReason() {
        JobOutcome outcome = awaitJob();

        assertThat(outcome.exitCode()).contains(1);
        assertThat(outcome.failures()).singleElement().asString()
                .contains("AthenaQueryFailedException")
                .contains("FAILED")
                .contains("hgih");
        assertThat(Files.exists(work.resolve("results/highest-hourly-high-2020-12-01.csv"))).isFalse();
    }
}
