package financestream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first promise: the one-shot job replays 2020-12-01 through Firehose, the Glue crawler and Athena
 * on the embedded engines and answers with the highest hourly high of each of the ten companies.
 */
class ReferenceJobTest extends JobTestSupport {

    private static final String DATA = "/replay/2020-12-01/minute-bars.ndjson";

    @Test
    void answersTheHighestHourlyHighOfEachCompanyFromTheBundledDay() throws Exception {
        // the job's verdict is its exit code: set once collect, crawl and analyze have all run
        JobOutcome outcome = awaitJob();
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
