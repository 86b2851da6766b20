package financestream.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import financestream.bars.BarJson;

/**
 * The {@code query} command's time from JVM start to answer (the process's exit, the answer printed), as a user
 * runs it: {@code java -jar target/finance-stream.jar query "…"} in a directory holding a crawled lake. On the
 * reference lake (the bundled day, 3,788 bars) and on a lake of 1M bars (500 symbols × 5 days through the real
 * pipeline). Prints the median and the best of N runs, and the machine's load.
 * <p>
 * {@code scripts/benchmark.sh query [--runs 7]} (target: ≤ 1.5 s on the reference lake).
 */
public final class QueryCommandTiming {

    private static final String QUERY = "SELECT name, CAST(substr(ts, 12, 2) AS integer) AS hour, max(high) AS highest_high "
            + "FROM bars_once WHERE substr(ts, 1, 10) = '2020-12-01' GROUP BY 1, 2 ORDER BY 1, 2";

    public static void main(String... args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 7;
        Path project = Path.of(".").toAbsolutePath().normalize();
        Path jar = project.resolve("target/finance-stream.jar");
        Path work = project.resolve("target/benchmark-query");
        deleteTree(work);
        List<String> jvm = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
        System.out.printf("query command timing: %d runs each, %d cores, load %s, %s%n", runs,
                Runtime.getRuntime().availableProcessors(), load(), System.getProperty("java.version"));

        Path reference = work.resolve("reference");
        prepare(project, reference);
        run(reference, concat(jvm, List.of("-jar", jar.toString())), "the reference job");
        time("reference lake (3,788 bars)", reference, jvm, jar, runs);

        Path million = work.resolve("1m");
        prepare(project, million);
        SyntheticBars market = new SyntheticBars(500, 5, LocalDate.of(2020, 12, 1), 42);
        Path replay = million.resolve("replay.ndjson");
        long bars;
        try (BufferedWriter out = Files.newBufferedWriter(replay, StandardCharsets.UTF_8)) {
            bars = market.forEach(bar -> {
                try {
                    out.write(BarJson.format(bar));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        run(million, concat(jvm, List.of("-Xmx256m", "-Dfinance.symbols=" + String.join(",", market.names()),
                "-Dfinance.date=" + market.firstDate(), "-Dreplay.last-date=" + market.lastDate(),
                "-Dreplay.file=" + replay, "-Dfinance.source=replay-stream", "-Dresults.sinks=csv", "-jar", jar.toString())),
                "the 1M-bar pipeline");
        Files.delete(replay);
        time(String.format(Locale.ROOT, "1M-bar lake (%,d bars)", bars), million, jvm, jar, runs);
    }

    private static void time(String label, Path dir, List<String> jvm, Path jar, int runs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        String answer = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            double cpuBefore = childCpuSeconds();
            answer = run(dir, concat(jvm, List.of("-jar", jar.toString(), "query", "--format", "csv", QUERY)), "the query");
            seconds.add((System.nanoTime() - start) / 1e9);
            cpu.add(childCpuSeconds() - cpuBefore);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        List<Double> sortedCpu = cpu.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "  %-32s wall median %.2f s, best %.2f s (target ≤ 1.5 s); CPU median %.2f s; "
                        + "%d answer rows; wall runs %s; load %s%n",
                label, sorted.get(sorted.size() / 2), sorted.get(0), sortedCpu.get(sortedCpu.size() / 2),
                answer.lines().count() - 1,
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(", ")), load());
    }

    /** CPU seconds (user + system) of this JVM's finished children: cutime + cstime of /proc/self/stat. */
    private static double childCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }

    private static String run(Path dir, List<String> command, String what) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "):\n" + output);
        }
        return output;
    }

    private static void prepare(Path project, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("routes"));
        Files.copy(project.resolve("application.properties"), dir.resolve("application.properties"));
        try (Stream<Path> routes = Files.list(project.resolve("routes"))) {
            for (Path route : routes.filter(Files::isRegularFile).toList()) {
                Files.copy(route, dir.resolve("routes").resolve(route.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
