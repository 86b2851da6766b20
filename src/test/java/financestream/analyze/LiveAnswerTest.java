package financestream.analyze;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import financestream.FinanceStreamConfiguration;
import financestream.SettableClock;
import financestream.collect.CollectBeans;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live mode keeps the answer up during the session: the bundled day replayed as if it were today, quartz firing
 * every second, the clock moved by the test. The first bar of a new hour lands in a new Firehose hour folder and
 * the next scheduled analysis answers with it — with no crawl ever run: the bars table's partition projection
 * shows the folder. The CSV and the latest answer (the console's) follow.
 */
class LiveAnswerTest {

    @TempDir
    Path work;

    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void theFirstBarOfANewHourIsInTheNextScheduledAnswerWithoutACrawl() throws Exception {
        // 09:59:05 in New York: the bars 09:30..09:58 are finished
        SettableClock clock = new SettableClock(Instant.parse("2020-12-01T14:59:05Z"));
        start(clock);
        LatestOutcomes latest = main.getCamelContext().getRegistry()
                .lookupByNameAndType(LatestOutcomes.BEAN_NAME, LatestOutcomes.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> hours(latest).containsAll(List.of("DDOG 9", "NFLX 9")));
        assertThat(hours(latest)).doesNotContain("DDOG 10", "NFLX 10");
        assertThat(work.resolve("lake/finance-stream-lake/bars/2020/12/01/14")).isDirectory();

        // 10:01:05: the 10:00 bars are finished; Firehose puts them in the new folder bars/2020/12/01/15/
        clock.set(Instant.parse("2020-12-01T15:01:05Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> hours(latest).containsAll(List.of("DDOG 10", "NFLX 10")));
        assertThat(work.resolve("lake/finance-stream-lake/bars/2020/12/01/15")).isDirectory();
        assertThat(latest.outcomes()).containsKeys("collect", "query").doesNotContainKey("crawl");
        assertThat(latest.outcomes().get("query").ok()).isTrue();
        GlueClient glue = main.getCamelContext().getRegistry().findSingleByType(GlueClient.class);
        assertThat(glue.getCrawler(r -> r.name("finance-stream-crawler")).crawler().lastCrawl())
                .as("no crawl ran").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(
                work.resolve("results/highest-hourly-high-2020-12-01.csv"), StandardCharsets.UTF_8).contains("DDOG,10,"));
    }

    /** "NAME HOUR" of each row of the latest answer. */
    private static List<String> hours(LatestOutcomes latest) {
        return latest.latestAnswer().map(answer -> answer.table().rows().stream()
                .map(row -> row.get(0) + " " + row.get(1)).toList()).orElse(List.of());
    }

    private void start(SettableClock clock) {
        Properties settings = new Properties();
        settings.put("lake.dir", work.resolve("lake").toString());
        settings.put("results.dir", work.resolve("results").toString());
        settings.put("job.exit-when-done", "false");
        settings.put("job.run-once", "false");
        settings.put("job.live", "true");
        settings.put("finance.symbols", "NFLX,DDOG");
        settings.put("schedule.collect-cron", "* * * ? * *");
        settings.put("schedule.analyze-cron", "* * * ? * *");
        settings.put("schedule.crawl-cron", "0 0 0 1 1 ? 2099");
        main = new Main();
        main.configure().addConfiguration(FinanceStreamConfiguration.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(settings);
        main.bind(CollectBeans.CLOCK, clock);
        main.start();
    }
}
