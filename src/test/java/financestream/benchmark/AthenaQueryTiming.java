package financestream.benchmark;

import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.CrawlerState;

/**
 * The embedded Athena's time for the shipped hourly-high query on a Parquet lake, beside DuckDB querying the
 * same files on a warm connection: the query figure of {@link Benchmark} without the pipeline in front of it.
 * A few seconds, not a test. Generates {@code symbols × days × 390} bars with DuckDB, partitioned by dt as the
 * compaction writes them, crawls them, then times best-of-N as the benchmark does (start, poll every 2 ms),
 * alternating with DuckDB.
 * {@code warmup} untimed queries first (each side) stand for what the benchmark's JVM has run before its Parquet
 * figure (the NDJSON figure's queries): without them the Java side of the engine is timed before the JIT compiled it.
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     financestream.benchmark.AthenaQueryTiming [symbols=100] [days=52] [runs=3] [warmup=0]
 * </pre>
 */
public final class AthenaQueryTiming {

    private static final String BUCKET = "finance-stream-lake";
    private static final String PREFIX = "curated/bars/";
    private static final String DATABASE = "finance_stream_parquet";

    private AthenaQueryTiming() {
    }

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 52;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("athena-query-timing");
        Lake lake = new Lake(dir.resolve("lake"));
        Path table = lake.resolve("s3://" + BUCKET + "/" + PREFIX);
        long rows = generate(table, symbols, days);
        String query = shippedQuery("2020-12-01");
        System.out.printf("%,d bars, %d symbols × %d days under %s; %d untimed queries first%n", rows, symbols, days,
                table, warmup);

        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(lake,
                new CrawlerDefinition("timing-crawler", DATABASE, "s3://" + BUCKET + "/" + PREFIX));
             EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue, "s3://" + BUCKET + "/athena-results/")) {
            glue.startCrawler(r -> r.name("timing-crawler"));
            while (glue.getCrawler(r -> r.name("timing-crawler")).crawler().state() != CrawlerState.READY) {
                Thread.sleep(5);
            }
            String floor = query.replaceFirst("(?i)\\bFROM\\s+bars\\b",
                    "FROM read_parquet('" + table + "/*/*.parquet', hive_partitioning = true)");
            List<Double> athenaTimes = new ArrayList<>();
            List<Double> floorTimes = new ArrayList<>();
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = duckdb.createStatement()) {
                // one of each in turn: on a shared machine both sides then see the same load
                for (int i = 0; i < warmup + runs; i++) {
                    double athenaMillis = timeAthena(athena, query);
                    double floorMillis = timeDuckDb(statement, floor);
                    if (i >= warmup) {
                        athenaTimes.add(athenaMillis);
                        floorTimes.add(floorMillis);
                    }
                }
            }
            double best = athenaTimes.stream().min(Double::compare).orElseThrow();
            double bestFloor = floorTimes.stream().min(Double::compare).orElseThrow();
            System.out.printf("embedded Athena: %s ms, best %.1f ms%n", format(athenaTimes), best);
            System.out.printf("DuckDB direct:   %s ms, best %.1f ms%n", format(floorTimes), bestFloor);
            System.out.printf("ratio %.2f×%n", best / bestFloor);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long generate(Path table, int symbols, int days) throws Exception {
        Files.createDirectories(table);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            // the columns and text formats the compaction writes; a weekday calendar is enough here
            return sql.executeLargeUpdate("COPY (WITH day AS (SELECT d::DATE AS dt FROM range(DATE '2020-12-01', "
                    + "DATE '2030-01-01', INTERVAL 1 DAY) t(d) WHERE dayofweek(d) BETWEEN 1 AND 5 LIMIT " + days + ") "
                    + "SELECT (100 + hash(s, dt, m) % 1000 / 100.0 + 0.5)::FLOAT::DOUBLE AS high, "
                    + "(100 + hash(s, dt, m) % 1000 / 100.0)::FLOAT::DOUBLE AS low, "
                    + "strftime(dt + INTERVAL 570 MINUTE + m * INTERVAL 1 MINUTE, '%Y-%m-%d %H:%M:%S') || '-05:00' AS ts, "
                    + "'SYM' || s AS name, strftime(dt, '%Y-%m-%d') AS dt "
                    + "FROM day, range(" + symbols + ") a(s), range(390) b(m)) "
                    + "TO '" + table + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt))");
        }
    }

    /** athena.query from application.properties, as the job sends it. */
    private static String shippedQuery(String date) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("athena.query")
                .replace("{{athena.bars-once}}", properties.getProperty("athena.bars-once"))
                .replace("{{finance.date}}", date);
    }

    private static double timeAthena(EmbeddedAthenaClient athena, String query) throws InterruptedException {
        long start = System.nanoTime();
        String id = athena.startQueryExecution(r -> r.queryString(query)
                .queryExecutionContext(c -> c.database(DATABASE))).queryExecutionId();
        QueryExecution execution;
        do {
            Thread.sleep(2);
            execution = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
        } while (execution.status().state() == QueryExecutionState.RUNNING
                || execution.status().state() == QueryExecutionState.QUEUED);
        if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
            throw new IllegalStateException("query " + execution.status().state() + ": "
                    + execution.status().stateChangeReason());
        }
        return millis(start);
    }

    private static double timeDuckDb(Statement statement, String sql) throws java.sql.SQLException {
        long start = System.nanoTime();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
        return millis(start);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String format(List<Double> times) {
        return times.stream().map(t -> String.format("%.1f", t)).toList().toString();
    }
}
