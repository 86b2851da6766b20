package financestream.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import financestream.bars.BarJson;
import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import financestream.crawl.ParquetCompaction;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.CrawlerState;

/**
 * The scale benchmark: a synthetic replay file of N symbols × D days of 1-minute bars through the real
 * application (the shaded jar, in a child JVM, on the embedded engines), each figure printed beside its floor:
 * (a) a bare loop that writes the same records with the same Jackson writer to one file, and (b) DuckDB querying
 * the landed files directly. Then the lake is compacted to Parquet by event date and queried again.
 * <p>
 * Run with {@code scripts/benchmark.sh [--symbols 500] [--days 5] [--heap 256m]} (see the README).
 */
public final class Benchmark {

    private static final String BUCKET = "finance-stream-lake";
    /** Best of this many runs, each side: a query of tens of milliseconds on a shared machine varies by a third. */
    private static final int QUERY_REPEATS = 10;
    /** Queries over NDJSON take seconds at 10M bars: fewer runs. */
    private static final int SLOW_QUERY_REPEATS = 3;
    private static final String JSON_PREFIX = "bars/";
    private static final String PARQUET_PREFIX = "curated/bars/";
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) ");
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path project;
    private final Path work;
    private final Path jar;
    private final int symbols;
    private final int days;
    private final String heap;
    private final int bufferIntervalSeconds;
    private final int bufferSizeMib;
    private final int runs;
    private final List<String> jvmOptions;
    private final List<String[]> rows = new ArrayList<>();
    private long expectedRows;

    private Benchmark(Map<String, String> options) {
        this.project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        this.work = project.resolve(options.getOrDefault("dir", "target/benchmark"));
        this.jar = project.resolve(options.getOrDefault("jar", "target/finance-stream.jar"));
        this.symbols = Integer.parseInt(options.getOrDefault("symbols", "500"));
        this.days = Integer.parseInt(options.getOrDefault("days", "5"));
        this.heap = options.getOrDefault("heap", "256m");
        this.bufferIntervalSeconds = Integer.parseInt(options.getOrDefault("buffer-interval-seconds", "0"));
        this.bufferSizeMib = Integer.parseInt(options.getOrDefault("buffer-size-mib", "5"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        // a one-shot job is short: C1 alone compiles enough, C2 would spend more CPU compiling than running
        this.jvmOptions = List.of(options.getOrDefault("jvm", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").split(" +"));
    }

    public static void main(String... args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: Benchmark [--symbols N] [--days D] [--runs 3] [--heap 256m] "
                        + "[--buffer-interval-seconds 0] [--buffer-size-mib 5] [--jvm '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'] "
                        + "[--dir target/benchmark]; bad: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        new Benchmark(options).run();
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first (./mvnw -q package -DskipTests)");
        }
        deleteTree(work);
        Files.createDirectories(work);
        System.out.printf("finance-stream benchmark: %d symbols × %d days, child JVM -Xmx%s, %d cores, %s%n",
                symbols, days, heap, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        referenceDay();

        SyntheticBars market = new SyntheticBars(symbols, days, LocalDate.of(2020, 12, 1), 42);
        Path replay = work.resolve("replay.ndjson");
        long start = System.nanoTime();
        long bars = writeRecords(market, replay);
        expectedRows = bars;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double generate = seconds(start);
        System.out.printf("generated %,d bars (%,d bytes) in %.2f s: %s%n", bars, Files.size(replay), generate, replay);

        // Each pipeline run beside floors measured just before it (a shared machine's speed drifts by the minute):
        // (a) the same records serialized with Jackson's generator into one file, no pipeline; (a') the same with
        // the pipeline's own record writer, which is faster than Jackson's. Best of two each. The run with the
        // median collect ratio is reported; every run is listed.
        List<Child> children = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path floorFile = work.resolve("floor-a.ndjson");
            double floorA = Double.MAX_VALUE;
            double floorCpu = Double.MAX_VALUE;
            double floorOwnWriter = Double.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                writeRecords(market, floorFile, BarJson::formatWithJackson);
                floorA = Math.min(floorA, seconds(start));
                floorCpu = Math.min(floorCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                start = System.nanoTime();
                writeRecords(market, floorFile, BarJson::format);
                floorOwnWriter = Math.min(floorOwnWriter, seconds(start));
            }
            Files.delete(floorFile);
            Child child = runPipeline(market, replay, work.resolve("run-" + run)).withFloors(floorA, floorCpu, floorOwnWriter);
            System.out.printf("  run %d: collect %.2f s [floor (a) %.2f s] = %.2f×, %,.0f bars/s, load %s%n", run,
                    child.collectSeconds, floorA, child.collectSeconds / floorA, bars / child.collectSeconds, loadAverage());
            children.add(child);
        }
        List<Child> byRatio = children.stream()
                .sorted(java.util.Comparator.comparingDouble(c -> c.collectSeconds / c.floorA)).toList();
        Child child = byRatio.get(byRatio.size() / 2);
        double floorA = child.floorA;
        double floorCpu = child.floorCpu;
        double floorOwnWriter = child.floorOwnWriter;
        if (runs > 1) {
            row("collect ratio, each of " + runs + " runs", "", "", "", children.stream()
                    .map(c -> String.format(Locale.ROOT, "%.2f×", c.collectSeconds / c.floorA))
                    .collect(java.util.stream.Collectors.joining(", ")) + " (the median run below)");
        }
        double barsPerSecond = bars / child.collectSeconds;
        double floorPerSecond = bars / floorA;
        row("one-shot job, wall (JVM start to exit)", fmt(child.wallSeconds, "s"), "", "",
                "CPU " + fmt(child.cpuSeconds, "s") + ", load " + loadAverage());
        row("collect: source → lake", fmt(child.collectSeconds, "s"), fmt(floorA, "s"),
                ratio(child.collectSeconds, floorA), "wall");
        row("collect: CPU (all threads)", fmt(child.collectCpuSeconds, "s"), fmt(floorCpu, "s"),
                ratio(child.collectCpuSeconds, floorCpu), String.format("%,.0f bars per CPU-second",
                        bars / child.collectCpuSeconds));
        row("bars/s source → lake", String.format("%,.0f", barsPerSecond), String.format("%,.0f", floorPerSecond),
                ratio(floorPerSecond, barsPerSecond), "≥ 200,000 and ≤ 3×");
        row("  floor (a'): the pipeline's own writer", "", fmt(floorOwnWriter, "s"),
                ratio(child.collectSeconds, floorOwnWriter), "for comparison: faster than Jackson's generator");
        row("peak RSS (VmHWM)", mib(child.peakRssBytes), "", "", "≤ 512 MiB");
        row("peak heap used / committed", child.peakHeapUsedMib + " / " + child.peakHeapCommittedMib + " MiB", "", "", "");
        row("objects written / bytes", child.objects + " / " + mib(child.objectBytes), "", "", "");
        row("crawl", fmt(child.crawlSeconds, "s"), "", "", "");
        row("analyze step (query + CSV)", fmt(child.analyzeSeconds, "s"), "", "", "");

        Path lakeDir = child.dir.resolve("lake");
        String query = child.query;
        queryFigures("NDJSON", lakeDir, query, "finance-stream-crawler", JSON_PREFIX,
                "SELECT count(*) FROM read_json('" + lakeDir.resolve(BUCKET).resolve(JSON_PREFIX) + "/**', "
                        + "format = 'newline_delimited', columns = {high: 'DOUBLE', low: 'DOUBLE', ts: 'VARCHAR', name: 'VARCHAR'})",
                floorQuery(query, "read_json('" + lakeDir.resolve(BUCKET).resolve(JSON_PREFIX) + "/**', "
                        + "format = 'newline_delimited', columns = {high: 'DOUBLE', low: 'DOUBLE', ts: 'VARCHAR', name: 'VARCHAR'})"));

        // the scale layout: Parquet by event date, then the same question
        Lake lake = new Lake(lakeDir);
        start = System.nanoTime();
        ParquetCompaction.Result compacted = new ParquetCompaction(lake, "s3://" + BUCKET + "/" + JSON_PREFIX,
                "s3://" + BUCKET + "/" + PARQUET_PREFIX, "s3://" + BUCKET + "/compacted/bars/").compact();
        double compactSeconds = seconds(start);
        row("compact NDJSON → Parquet by dt", fmt(compactSeconds, "s"), "", "",
                compacted.sourceObjects() + " objects → " + compacted.parquetFiles() + " files");
        String parquetGlob = lakeDir.resolve(BUCKET).resolve(PARQUET_PREFIX) + "/*/*.parquet";
        queryFigures("Parquet", lakeDir, query, "finance-stream-parquet-crawler", PARQUET_PREFIX,
                "SELECT count(*) FROM read_parquet('" + parquetGlob + "')",
                floorQuery(query, "read_parquet('" + parquetGlob + "', hive_partitioning = true)"));
        // the partition filter on the table itself (inside bars_once), as an Athena user writes it to scan one day
        String pruned = query.replaceFirst("(?i)\\bFROM\\s+bars\\s+GROUP\\b",
                "FROM bars WHERE dt = '" + market.firstDate() + "' GROUP");
        if (pruned.equals(query)) {
            throw new IllegalStateException("Cannot add a partition filter to the query: " + query);
        }
        queryFigures("Parquet, WHERE dt =", lakeDir, pruned, "finance-stream-parquet-crawler", PARQUET_PREFIX, null,
                floorQuery(pruned, "read_parquet('" + parquetGlob + "', hive_partitioning = true)"));
        // Athena bills the partitions a query reads; the embedded engine reports the whole table
        try (Stream<Path> day = Files.list(lakeDir.resolve(BUCKET).resolve(PARQUET_PREFIX).resolve("dt=" + market.firstDate()))) {
            row("  bytes in the partition dt=" + market.firstDate(), mib(day.mapToLong(Benchmark::size).sum()), "", "",
                    "what Athena would scan with WHERE dt =");
        }

        print();
    }

    /**
     * The bundled day, as a user runs it: java -jar in a fresh directory, JVM start to exit; then again with a
     * class-data-sharing archive of the classes the job loads (made by a first, untimed run), which saves the JVM
     * most of its class loading.
     */
    private void referenceDay() throws Exception {
        Path archive = work.resolve("finance-stream.jsa");
        referenceRun("reference-cds-dump", List.of("-XX:ArchiveClassesAtExit=" + archive));
        referenceRuns("reference", List.of(), "java " + String.join(" ", jvmOptions) + " -jar");
        referenceRuns("reference-cds", List.of("-XX:SharedArchiveFile=" + archive),
                "same, -XX:SharedArchiveFile=finance-stream.jsa");
    }

    /** The reference job {@code runs} times: the median run's figures, and every run's wall time. */
    private void referenceRuns(String name, List<String> extraOptions, String label) throws Exception {
        List<double[]> results = new ArrayList<>(); // wall, CPU, RSS
        for (int run = 1; run <= runs; run++) {
            long peak = referenceRun(name + "-" + run, extraOptions);
            results.add(new double[] {lastWallSeconds, lastCpuSeconds, peak});
        }
        List<double[]> sorted = results.stream().sorted(java.util.Comparator.comparingDouble(r -> r[0])).toList();
        double[] median = sorted.get(sorted.size() / 2);
        row("reference day: " + label, fmt(median[0], "s"), "", "", "< 5 s; CPU " + fmt(median[1], "s") + ", RSS "
                + mib((long) median[2]) + ", load " + loadAverage() + (runs > 1 ? "; runs " + results.stream()
                .map(r -> fmt(r[0], "s")).collect(java.util.stream.Collectors.joining(", ")) : ""));
    }

    private double lastWallSeconds;

    /** One run of the reference job; returns its peak RSS (wall time in {@link #lastWallSeconds}). */
    private long referenceRun(String name, List<String> extraOptions) throws Exception {
        Path dir = work.resolve(name);
        prepare(dir);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", jar.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        long peak = watchRss(process);
        lastWallSeconds = seconds(start);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("The reference job failed: see " + dir.resolve("out.log"));
        }
        return peak;
    }

    private long writeRecords(SyntheticBars market, Path file) throws IOException {
        return writeRecords(market, file, BarJson::format);
    }

    private long writeRecords(SyntheticBars market, Path file, java.util.function.Function<financestream.bars.Bar, String> writer)
            throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return market.forEach(bar -> {
                try {
                    out.write(writer.apply(bar));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private record Child(Path dir, double wallSeconds, double collectSeconds, double crawlSeconds, double analyzeSeconds,
                         long peakRssBytes, long peakHeapUsedMib, long peakHeapCommittedMib, long objects,
                         long objectBytes, String query, double cpuSeconds, double collectCpuSeconds,
                         double floorA, double floorCpu, double floorOwnWriter) {

        Child withFloors(double a, double aCpu, double ownWriter) {
            return new Child(dir, wallSeconds, collectSeconds, crawlSeconds, analyzeSeconds, peakRssBytes, peakHeapUsedMib,
                    peakHeapCommittedMib, objects, objectBytes, query, cpuSeconds, collectCpuSeconds, a, aCpu, ownWriter);
        }
    }

    private Child runPipeline(SyntheticBars market, Path replay, Path dir) throws Exception {
        prepare(dir);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xmx" + heap, "-Xlog:gc:file=gc.log",
                "-Dfinance.symbols=" + String.join(",", market.names()),
                "-Dfinance.date=" + market.firstDate(),
                "-Dreplay.last-date=" + market.lastDate(),
                "-Dreplay.file=" + replay,
                "-Dfinance.source=replay-stream",
                "-Dfirehose.buffer-interval-seconds=" + bufferIntervalSeconds,
                "-Dfirehose.buffer-size-mib=" + bufferSizeMib,
                "-jar", jar.toString()));
        System.out.printf("pipeline: java " + String.join(" ", jvmOptions) + " -Xmx%s -Dfirehose.buffer-interval-seconds=%d -Dfirehose.buffer-size-mib=%d "
                + "-Dfinance.symbols=<%d> -Dfinance.date=%s -Dreplay.last-date=%s -Dreplay.file=%s -jar %s%n", heap,
                bufferIntervalSeconds, bufferSizeMib, symbols, market.firstDate(), market.lastDate(), replay, jar);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        long peakRss = watchRss(process);
        double wall = seconds(start);
        List<String> log = Files.readAllLines(dir.resolve("out.log"));
        if (process.exitValue() != 0) {
            throw new IllegalStateException("The pipeline failed (exit " + process.exitValue() + "): see "
                    + dir.resolve("out.log"));
        }
        double collect = between(log, "replay: streaming", "replay: ", true);
        double collectCpu = cpuBetween(log, "replay: streaming", "replay: ");
        double crawl = between(log, "Started Glue crawler", "Glue: crawler", false);
        double analyze = between(log, "Glue: crawler", "Wrote ", false);
        long[] heapPeaks = gcPeaks(dir.resolve("gc.log"));
        Path objectsDir = dir.resolve("lake").resolve(BUCKET).resolve(JSON_PREFIX);
        long objects;
        long bytes;
        try (Stream<Path> files = Files.walk(objectsDir)) {
            List<Path> list = files.filter(Files::isRegularFile).toList();
            objects = list.size();
            bytes = list.stream().mapToLong(Benchmark::size).sum();
        }
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("application.properties"))) {
            settings.load(in);
        }
        settings.setProperty("finance.date", market.firstDate().toString());
        String query = resolvePlaceholders(settings.getProperty("athena.query"), settings);
        return new Child(dir, wall, collect, crawl, analyze, peakRss, heapPeaks[0], heapPeaks[1], objects, bytes, query,
                lastCpuSeconds, collectCpu, 0, 0, 0);
    }

    /**
     * The shipped query through the embedded Athena (catalog views over the crawled table) and DuckDB on the files
     * directly (floor b): best of {@value #QUERY_REPEATS} runs each ({@value #SLOW_QUERY_REPEATS} over NDJSON), and the
     * bytes Athena reports scanned.
     */
    private void queryFigures(String layout, Path lakeDir, String query, String crawler, String prefix,
                              String countSql, String floorSql) throws Exception {
        Lake lake = new Lake(lakeDir);
        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(lake, List.of(
                new CrawlerDefinition("finance-stream-crawler", "finance_stream", List.of("s3://" + BUCKET + "/" + JSON_PREFIX)),
                new CrawlerDefinition("finance-stream-parquet-crawler", "finance_stream_parquet",
                        List.of("s3://" + BUCKET + "/" + PARQUET_PREFIX))));
             EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue, "s3://" + BUCKET + "/athena-results/")) {
            String database = crawler.equals("finance-stream-crawler") ? "finance_stream" : "finance_stream_parquet";
            if (!crawler.equals("finance-stream-crawler") && !layout.contains("WHERE")) {
                long start = System.nanoTime();
                glue.startCrawler(r -> r.name(crawler));
                while (glue.getCrawler(r -> r.name(crawler)).crawler().state() != CrawlerState.READY) {
                    Thread.sleep(5);
                }
                row("crawl " + layout, fmt(seconds(start), "s"), "", "",
                        String.valueOf(glue.getCrawler(r -> r.name(crawler)).crawler().lastCrawl().status()));
            }
            double best = Double.MAX_VALUE;
            QueryExecution execution = null;
            int repeats = layout.startsWith("NDJSON") ? SLOW_QUERY_REPEATS : QUERY_REPEATS;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                String id = athena.startQueryExecution(r -> r.queryString(query)
                        .queryExecutionContext(c -> c.database(database))).queryExecutionId();
                do {
                    Thread.sleep(2);
                    execution = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
                } while (execution.status().state() == QueryExecutionState.RUNNING
                        || execution.status().state() == QueryExecutionState.QUEUED);
                if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
                    throw new IllegalStateException(layout + " query " + execution.status().state() + ": "
                            + execution.status().stateChangeReason());
                }
                best = Math.min(best, seconds(start));
            }
            double floor = Double.MAX_VALUE;
            long rowsInLake = -1;
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = duckdb.createStatement()) {
                for (int i = 0; i < repeats; i++) {
                    long start = System.nanoTime();
                    try (ResultSet rs = statement.executeQuery(floorSql)) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    floor = Math.min(floor, seconds(start));
                }
                if (countSql != null) {
                    try (ResultSet rs = statement.executeQuery(countSql)) {
                        rs.next();
                        rowsInLake = rs.getLong(1);
                    }
                }
            }
            if (countSql != null && rowsInLake != expectedRows) {
                throw new IllegalStateException(layout + ": the lake holds " + rowsInLake + " bars, the replay "
                        + expectedRows + ": bars were lost or duplicated");
            }
            String rowsNote = rowsInLake >= 0 ? String.format("%,d rows", rowsInLake) : "";
            row("query " + layout + " (Athena, embedded)", fmt(best, "s"), fmt(floor, "s"), ratio(best, floor),
                    "≤ 2 s and ≤ 1.5× " + rowsNote);
            row("  bytes scanned (Athena statistics)", mib(execution.statistics().dataScannedInBytes()), "", "", "");
        }
    }

    /** The setting with its {@code {{name}}} placeholders replaced by those settings, as Camel resolves them. */
    private static String resolvePlaceholders(String value, Properties settings) {
        Matcher placeholder = Pattern.compile("\\{\\{([^{}]+)}}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String replacement = settings.getProperty(name);
            if (replacement == null) {
                throw new IllegalStateException("The query's placeholder {{" + name + "}} is not a setting");
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(resolvePlaceholders(replacement, settings)));
        }
        return placeholder.appendTail(resolved).toString();
    }

    /** The shipped query with its table replaced by a DuckDB table function over the files. */
    private static String floorQuery(String query, String source) {
        return query.replaceFirst("(?i)\\bFROM\\s+bars\\b", "FROM " + source);
    }

    private void prepare(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("routes"));
        Files.copy(project.resolve("application.properties"), dir.resolve("application.properties"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> routes = Files.list(project.resolve("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, dir.resolve("routes").resolve(route.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** CPU seconds (user + system) of the last process {@link #watchRss} watched, sampled until it exited. */
    private double lastCpuSeconds;
    /** Its CPU ticks over time, to tell the CPU spent in one step. */
    private final java.util.TreeMap<LocalTime, Long> cpuTicks = new java.util.TreeMap<>();

    /** Waits for the process, sampling its VmHWM (peak resident set) and CPU time until it exits. */
    private long watchRss(Process process) throws InterruptedException {
        cpuTicks.clear();
        Path status = Path.of("/proc/" + process.pid() + "/status");
        Path stat = Path.of("/proc/" + process.pid() + "/stat");
        long peak = 0;
        long ticks = 0;
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                    }
                }
                // fields 14 and 15 of /proc/PID/stat, after the ')' that ends the command name
                String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
                ticks = Math.max(ticks, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                cpuTicks.put(LocalTime.now(), ticks);
            } catch (IOException | UncheckedIOException | StringIndexOutOfBoundsException e) {
                // exited between isAlive and the read
            }
            Thread.sleep(10);
        }
        process.waitFor();
        lastCpuSeconds = ticks / 100.0; // USER_HZ
        return peak;
    }

    /** Seconds between the first log line containing {@code from} and the last (or first) containing {@code to}. */
    private static double between(List<String> log, String from, String to, boolean lastTo) {
        LocalTime start = null;
        LocalTime end = null;
        for (String line : log) {
            Matcher time = LOG_TIME.matcher(line);
            if (!time.find()) {
                continue;
            }
            if (start == null && line.contains(from)) {
                start = LocalTime.parse(time.group(1));
            } else if (start != null && line.contains(to) && (lastTo || end == null)) {
                end = LocalTime.parse(time.group(1));
            }
        }
        if (start == null || end == null) {
            throw new IllegalStateException("No '" + from + "' … '" + to + "' in the pipeline's log");
        }
        return Duration.between(start, end).toNanos() / 1e9;
    }

    /** CPU seconds the child spent between two log lines (its clock and ours are the same machine's). */
    private double cpuBetween(List<String> log, String from, String to) {
        LocalTime start = null;
        LocalTime end = null;
        for (String line : log) {
            Matcher time = LOG_TIME.matcher(line);
            if (time.find() && start == null && line.contains(from)) {
                start = LocalTime.parse(time.group(1));
            } else if (time.find(0) && start != null && line.contains(to)) {
                end = LocalTime.parse(time.group(1));
            }
        }
        var before = cpuTicks.floorEntry(start);
        var after = cpuTicks.ceilingEntry(end);
        if (before == null || after == null) {
            return Double.NaN;
        }
        return (after.getValue() - before.getValue()) / 100.0;
    }

    /** The largest heap before a GC and the largest committed heap, in MiB, from -Xlog:gc. */
    private static long[] gcPeaks(Path gcLog) throws IOException {
        long used = 0;
        long committed = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                used = Math.max(used, Long.parseLong(m.group(1)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new long[] {used, committed};
    }

    private void row(String... cells) {
        rows.add(cells);
        System.out.printf("  %-44s %14s %10s %7s  %s%n", (Object[]) cells);
    }

    private void print() {
        System.out.println();
        System.out.printf("| %s | %s | %s | %s | %s |%n", "figure", "pipeline", "floor", "ratio", "target / note");
        System.out.println("|---|---:|---:|---:|---|");
        for (String[] row : rows) {
            System.out.printf("| %s | %s | %s | %s | %s |%n", (Object[]) row);
        }
    }

    /** Other work on the machine skews every wall-clock figure: print the 1-minute load beside them. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String fmt(double value, String unit) {
        return String.format(Locale.ROOT, "%.2f %s", value, unit);
    }

    private static String ratio(double value, double floor) {
        return String.format(Locale.ROOT, "%.2f×", value / floor);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, bytes < 10L << 20 ? "%.1f MiB" : "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
