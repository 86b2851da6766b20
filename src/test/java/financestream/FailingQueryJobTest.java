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

        // what the console shows: collect and crawl succeeded, the query failed with the engine's reason, no answer
        financestream.analyze.LatestOutcomes latest = context.getRegistry().lookupByNameAndType(
                financestream.analyze.LatestOutcomes.BEAN_NAME, financestream.analyze.LatestOutcomes.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> latest.outcomes().containsKey("query"));
        assertThat(latest.outcomes().get("collect").ok()).isTrue();
        assertThat(latest.outcomes().get("crawl").ok()).isTrue();
        assertThat(latest.outcomes().get("query").ok()).isFalse();
        assertThat(latest.outcomes().get("query").message()).contains("hgih");
        assertThat(latest.latestAnswer()).isEmpty();
    }
}
