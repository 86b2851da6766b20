package financestream.aws.contract;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import financestream.App;
import financestream.analyze.LatestOutcomes;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live mode on the aws profile answers during the session from Athena alone: the scheduled analysis starts a query
 * on each firing and never calls Glue — no crawl, no partition of its own. New hour folders are the bars table's
 * partition projection's to find (infra/finance-stream.cfn.yaml), so an answer is as fresh as the stream's buffer
 * interval. The query asks for the run's own symbols and date.
 */
class LiveAnalysisContractTest extends AwsProfileTestSupport {

    @Override
    protected App configure(App app) {
        return super.configure(app)
                .set("job.live", "true")
                .set("finance.symbols", "NFLX,DDOG")
                // 10:00 in New York on the bundled day: inside the session, so the analysis window is open
                .set("finance.clock", "2020-12-01T10:00:00-05:00")
                .set("schedule.analyze-cron", "* * * ? * *")
                .set("schedule.collect-cron", "0 0 0 1 1 ? 2099")
                .set("schedule.crawl-cron", "0 0 0 1 1 ? 2099");
    }

    @Test
    void theScheduledAnalysisQueriesAthenaOnEachFiringAndNeverCallsGlue() throws Exception {
        aws.resultRows = fake -> List.of(List.of("DDOG", "9", "98.8"), List.of("NFLX", "9", "490.5"));
        await().atMost(Duration.ofSeconds(30)).until(() -> requests("AmazonAthena.StartQueryExecution").size() >= 2);

        List<LoggedRequest> all = aws.server.findAll(postRequestedFor(urlPathMatching("/.*")));
        assertThat(all).extracting(r -> r.getHeader("X-Amz-Target")).noneMatch(target -> target.startsWith("AWSGlue."));
        assertThat(requests("AmazonAthena.StartQueryExecution")).allSatisfy(start -> assertThat(start.getBodyAsString())
                .contains("WHERE substr(ts, 1, 10) = '2020-12-01'")
                .contains("contains(split(replace('NFLX,DDOG', ' ', ''), ','), name)"));
        LatestOutcomes latest = context.getRegistry().lookupByNameAndType(LatestOutcomes.BEAN_NAME, LatestOutcomes.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> latest.latestAnswer().isPresent());
        assertThat(latest.latestAnswer().get().table().rows()).hasSize(2);
    }

    private static List<LoggedRequest> requests(String target) {
        return aws.server.findAll(postRequestedFor(urlPathMatching("/.*"))
                .withHeader("X-Amz-Target", com.github.tomakehurst.wiremock.client.WireMock.equalTo(target)));
    }
}
