package financestream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped query answers for the run that asked: after a ten-symbol run, a run of NFLX,DDOG over the same lake
 * prints 14 rows (two companies × seven hours), not the 70 the lake could give. Then a query edited without
 * touching report.chart.* still gets its HTML report.
 */
class RunThatAskedTest {

    @TempDir
    Path work;

    @Test
    void aTwoSymbolRunOverATenSymbolLakeAnswersForItsTwoSymbolsOnly() throws Exception {
        assertThat(runOnce(new Properties())).isZero();
        assertThat(csv()).hasSize(70);

        Properties two = new Properties();
        two.put("finance.symbols", "NFLX,DDOG");
        assertThat(runOnce(two)).isZero();
        List<String> rows = csv();
        assertThat(rows).hasSize(14);
        assertThat(rows).allSatisfy(row -> assertThat(row).matches("(NFLX|DDOG),(9|1[0-5]),[0-9.]+"));
    }

    @Test
    void anEditedQueryKeepsItsHtmlReportWithoutChartSettings() throws Exception {
        Properties edited = new Properties();
        edited.put("athena.query", "SELECT name, CAST(substr(ts, 12, 2) AS integer) AS hour, min(low) AS lowest_low "
                + "FROM bars WHERE name IN ('NFLX', 'DDOG') GROUP BY 1, 2 ORDER BY 1, 2");
        assertThat(runOnce(edited)).isZero();
        String html = Files.readString(work.resolve("results/highest-hourly-high-2020-12-01.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("lowest_low by hour, one panel per name", "<img src=\"data:image/png;base64,");
    }

    private int runOnce(Properties settings) {
        Properties overrides = new Properties();
        overrides.put("lake.dir", work.resolve("lake").toString());
        overrides.put("results.dir", work.resolve("results").toString());
        overrides.put("job.exit-when-done", "false");
        overrides.putAll(settings);
        Main main = new Main();
        main.configure().addConfiguration(FinanceStreamConfiguration.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(overrides);
        main.start();
        try {
            JobOutcome outcome = main.getCamelContext().getRegistry()
                    .lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
            await().atMost(2, TimeUnit.MINUTES).until(() -> outcome.exitCode().isPresent());
            return outcome.exitCode().get();
        } finally {
            main.stop();
        }
    }

    private List<String> csv() throws Exception {
        List<String> lines = Files.readAllLines(work.resolve("results/highest-hourly-high-2020-12-01.csv"),
                StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }
}
