package financestream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import financestream.pipeline.JobOutcome;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's first promise: the one-shot job replays 2020-12-01 through Firehose, the Glue crawler and Athena
 * on the embedded engines and answers with the highest hourly high of each of the ten companies.
 */
class ReferenceJobTest extends CamelMainTestSupport {

    private static final String DATA = "/replay/2020-12-01/minute-bars.ndjson";

    @TempDir
    static Path work;

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties overrides = new Properties();
        overrides.put("lake.dir", work.resolve("lake").toString());
        overrides.put("results.dir", work.resolve("results").toString());
        overrides.put("job.exit-when-done", "false");
        return overrides;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(FinanceStreamConfiguration.class);
    }

    @Test
    void answersTheHighestHourlyHighOfEachCompanyFromTheBundledDay() throws Exception {
        // the job's verdict is its exit code: set once collect, crawl and analyze have all run
        JobOutcome outcome = context.getRegistry().lookupByNameAndType(JobOutcome.BEAN_NAME, JobOutcome.class);
        await().atMost(2, TimeUnit.MINUTES).until(() -> outcome.exitCode().isPresent());
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.exitCode()).contains(0);

        Path csv = work.resolve("results/highest-hourly-high-2020-12-01.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("name,hour,highest_high");

        Map<String, Double> answered = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            answered.put(key(fields[0], Integer.parseInt(fields[1])), Double.parseDouble(fields[2]));
        }
        Map<String, Double> expected = highestHourlyHighFromTheDataFile();
        assertThat(expected).hasSize(70);
        // exact values: nothing re-rounded on the way through Firehose, the crawler, DuckDB and the CSV
        assertThat(answered).containsExactlyEntriesOf(expected);
        // and in the order the query asks for: by name, then hour
        List<String> order = lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",")).map(f -> key(f[0], Integer.parseInt(f[1]))).toList();
        assertThat(order).isEqualTo(List.copyOf(expected.keySet()));
    }

    /** Computed here, independently of the pipeline: group the bundled records by name and local hour. */
    private static Map<String, Double> highestHourlyHighFromTheDataFile() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Double> highest = new TreeMap<>();
        try (InputStream in = ReferenceJobTest.class.getResourceAsStream(DATA)) {
            List<String> records = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            for (String record : records) {
                JsonNode bar = json.readTree(record);
                String ts = bar.get("ts").asText();
                highest.merge(key(bar.get("name").asText(), Integer.parseInt(ts.substring(11, 13))),
                        bar.get("high").asDouble(), Math::max);
            }
        }
        return highest;
    }

    /** Sorts like the query's ORDER BY name, hour. */
    private static String key(String name, int hour) {
        return String.format("%s %02d", name, hour);
    }
}
