package financestream.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * The embedded Athena against Athena's own engine: real Trino 476 reads the very files the embedded Firehose landed
 * and the catalog the embedded Glue crawler wrote (NDJSON under Firehose's hour folders, and the Parquet layout), and
 * both engines answer the shipped query, {@code bars_once} and an analyst corpus: same column names, same types as
 * Athena's result metadata, same rows, each value the text Athena's GetQueryResults gives. What the embedded Athena
 * refuses, Trino refuses too, or Trino runs it and the embedded Athena says why it cannot (docs/athena-dialect.md).
 * One class, so that one Trino serves the whole suite.
 */
@ExtendWith(TrinoExtension.class)
class AthenaConformanceTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)(?::([^}]*))?}}");
    private static final Pattern NAMED_QUERY = Pattern.compile("(?m)^-- ([a-z0-9-]+): .*$");

    static TrinoServer trino;
    static Map<String, ConformanceLake> layouts = new LinkedHashMap<>();
    static Properties settings;

    static final AtomicInteger agreed = new AtomicInteger();
    static final AtomicInteger compared = new AtomicInteger();

    @BeforeAll
    static void buildTheLakesAndDeclareThemToTrino() throws Exception {
        settings = settings();
        // the lakes are built under the catalog's folder while Trino starts
        Path files = TrinoExtension.server().root();
        for (String layout : List.of("json", "parquet")) {
            Path dir = Files.createDirectories(files.resolve(layout + "-" + System.nanoTime()));
            layouts.put(layout, ConformanceLake.build(dir, layout));
        }
        trino = TrinoExtension.server();
        for (ConformanceLake lake : layouts.values()) {
            lake.declareTo(trino);
        }
    }

    @AfterAll
    static void closeTheLakes() {
        layouts.values().forEach(ConformanceLake::close);
        System.out.println("Athena conformance: " + agreed.get() + " of " + compared.get()
                + " queries (corpus, shipped query, bars_once; both layouts) answered alike by the embedded Athena and Trino "
                + TrinoExtension.VERSION);
    }

    @TestFactory
    Stream<DynamicTest> theShippedQueryAndBarsOnceAnswerAlike() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("athena.query", setting("athena.query"));
        queries.put("athena.bars-once", setting("athena.bars-once"));
        return sameAnswers(queries);
    }

    @TestFactory
    Stream<DynamicTest> theAnalystCorpusAnswersAlike() throws IOException {
        return sameAnswers(corpus("/conformance/corpus.sql"));
    }

    @TestFactory
    Stream<DynamicTest> whatAthenaRefusesTheEmbeddedAthenaRefusesWithTrinosMessage() throws IOException {
        ConformanceLake lake = layouts.get("json");
        return corpus("/conformance/refused-by-athena.sql").entrySet().stream().map(query -> DynamicTest.dynamicTest(
                query.getKey(), () -> {
                    TrinoServer.Answer onTrino = trino.query(query.getValue(), lake.trinoSchema);
                    assertThat(onTrino.failed()).as("Trino refuses " + query.getValue()).isTrue();
                    QueryExecution embedded = run(lake.athena, query.getValue());
                    assertThat(embedded.status().state()).isEqualTo(QueryExecutionState.FAILED);
                    String reason = embedded.status().stateChangeReason();
                    if (onTrino.errorName().equals("SYNTAX_ERROR")) {
                        // the same place and token; the list of what was expected there grows between versions
                        assertThat(reason).startsWith(onTrino.error().split("\\. Expecting")[0]);
                    } else {
                        assertThat(reason).isEqualTo(onTrino.errorName() + ": " + onTrino.error());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> whatTheEmbeddedAthenaCannotRunAsAthenaDoesItRefusesAndSaysWhy() throws IOException {
        ConformanceLake lake = layouts.get("json");
        return corpus("/conformance/refused-by-the-embedded-athena.sql").entrySet().stream().map(query ->
                DynamicTest.dynamicTest(query.getKey(), () -> {
                    TrinoServer.Answer onTrino = trino.query(query.getValue(), lake.trinoSchema);
                    assertThat(onTrino.error()).as("Athena runs it").isNull();
                    QueryExecution embedded = run(lake.athena, query.getValue());
                    assertThat(embedded.status().state()).isEqualTo(QueryExecutionState.FAILED);
                    assertThat(embedded.status().stateChangeReason()).startsWith("NOT_SUPPORTED: ")
                            .contains("embedded Athena");
                }));
    }

    /** The embedded Athena knows Athena's functions by the list Trino itself gives. */
    @Test
    void theFunctionListTheParserCheckUsesIsTrinos() throws Exception {
        TrinoServer.Answer functions = trino.execute("SHOW FUNCTIONS", "default");
        TreeSet<String> names = new TreeSet<>();
        functions.rows().forEach(row -> names.add(row.get(0).asText()));
        try (InputStream in = getClass().getResourceAsStream(
                "/financestream/embedded/athena/trino-" + TrinoExtension.VERSION + "-functions.txt")) {
            assertThat(in).isNotNull();
            TreeSet<String> listed = new TreeSet<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList());
            assertThat(listed).isEqualTo(names);
        }
    }

    private Stream<DynamicTest> sameAnswers(Map<String, String> queries) {
        return layouts.values().stream().flatMap(lake -> queries.entrySet().stream().map(query ->
                DynamicTest.dynamicTest(lake.layout + ": " + query.getKey(), () -> {
                    compared.incrementAndGet();
                    Result onTrino = onTrino(lake, query.getValue());
                    Result embedded = embedded(lake, query.getValue());
                    assertThat(onTrino.failure()).as("Trino's answer").isNull();
                    assertThat(embedded.failure()).as("the embedded Athena's answer").isNull();
                    assertThat(embedded.names()).as("column names").isEqualTo(onTrino.names());
                    assertThat(embedded.types()).as("column types").isEqualTo(onTrino.types());
                    assertThat(onTrino.rows()).as("Trino returns rows").isNotEmpty();
                    if (ordered(query.getValue())) {
                        assertThat(embedded.rows()).as("rows, in order").isEqualTo(onTrino.rows());
                    } else {
                        assertThat(sorted(embedded.rows())).as("rows").isEqualTo(sorted(onTrino.rows()));
                    }
                    agreed.incrementAndGet();
                })));
    }

    /** An answer as Athena's GetQueryResults gives it: column names, types, and each value's text. */
    record Result(List<String> names, List<String> types, List<List<String>> rows, String failure) {
    }

    private static Result onTrino(ConformanceLake lake, String sql) throws IOException, InterruptedException {
        TrinoServer.Answer answer = trino.query(sql, lake.trinoSchema);
        if (answer.failed()) {
            return new Result(List.of(), List.of(), List.of(), answer.errorName() + ": " + answer.error());
        }
        List<String> types = answer.types().stream().map(AthenaConformanceTest::athenaType).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<JsonNode> row : answer.rows()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(athenaText(row.get(i), types.get(i)));
            }
            rows.add(values);
        }
        return new Result(answer.names(), types, rows, null);
    }

    private static Result embedded(ConformanceLake lake, String sql) {
        QueryExecution execution = run(lake.athena, sql);
        if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
            return new Result(List.of(), List.of(), List.of(), execution.status().stateChangeReason());
        }
        List<ColumnInfo> columns = null;
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetQueryResultsResponse page = lake.athena.getQueryResults(r -> r.queryExecutionId(
                    execution.queryExecutionId()).nextToken(next));
            columns = page.resultSet().resultSetMetadata().columnInfo();
            page.resultSet().rows().forEach(row -> rows.add(row.data().stream().map(Datum::varCharValue).toList()));
            token = page.nextToken();
        } while (token != null);
        rows.remove(0); // the header row
        return new Result(columns.stream().map(ColumnInfo::name).toList(),
                columns.stream().map(ColumnInfo::type).toList(), rows, null);
    }

    static QueryExecution run(AthenaClient athena, String sql) {
        String id = athena.startQueryExecution(r -> r.queryString(sql)
                .queryExecutionContext(c -> c.database(ConformanceLake.DATABASE))
                .resultConfiguration(c -> c.outputLocation(ConformanceLake.RESULTS))).queryExecutionId();
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(
                () -> athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution(),
                q -> q.status().state() != QueryExecutionState.QUEUED && q.status().state() != QueryExecutionState.RUNNING);
    }

    /** Athena's ColumnInfo.type is Trino's type without its parameters: varchar(3) → varchar, decimal(10, 2) → decimal. */
    static String athenaType(String trinoType) {
        String type = trinoType;
        String previous;
        do {
            previous = type;
            type = type.replaceAll("\\([^()]*\\)", "");
        } while (!type.equals(previous));
        return type.strip();
    }

    /** The text Athena gives a value Trino's client protocol sends as JSON: a double as Java prints it. */
    static String athenaText(JsonNode value, String type) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (type) {
            case "double" -> value.isNumber() ? Double.toString(value.asDouble()) : value.asText();
            case "real" -> value.isNumber() ? Float.toString((float) value.asDouble()) : value.asText();
            default -> value.isContainerNode() ? value.toString() : value.asText();
        };
    }

    /** Compared in order when the query's last clause is an ORDER BY (with its LIMIT/OFFSET). */
    private static boolean ordered(String sql) {
        int orderBy = sql.toUpperCase().lastIndexOf("ORDER BY");
        return orderBy >= 0 && sql.indexOf(')', orderBy) < 0;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing(row -> String.join("\u0001",
                row.stream().map(v -> Objects.requireNonNullElse(v, "\u0000")).toList()))).toList();
    }

    /** Queries of a corpus file by name, with {{bars_once}} standing for the setting athena.bars-once. */
    private static Map<String, String> corpus(String resource) throws IOException {
        String text;
        try (InputStream in = AthenaConformanceTest.class.getResourceAsStream(resource)) {
            text = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        Matcher names = NAMED_QUERY.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        while (names.find()) {
            starts.add(new int[] {names.start(), names.end()});
            keys.add(names.group(1));
        }
        for (int i = 0; i < keys.size(); i++) {
            int end = i + 1 < keys.size() ? starts.get(i + 1)[0] : text.length();
            String sql = text.substring(starts.get(i)[1], end).strip()
                    .replace("{{bars_once}}", setting("athena.bars-once"));
            queries.put(keys.get(i), sql);
        }
        return queries;
    }

    /** application.properties as the application reads it, placeholders resolved. */
    private static Properties settings() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static String setting(String key) {
        String value = settings.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("application.properties has no " + key);
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String replacement = settings.containsKey(name) ? setting(name)
                    : Objects.requireNonNull(placeholder.group(2), "no setting " + name);
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }
}
