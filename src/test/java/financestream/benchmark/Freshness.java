package financestream.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import financestream.FinanceStreamConfiguration;
import financestream.bars.BarJson;
import financestream.collect.CollectBeans;
import org.apache.camel.main.Main;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * Freshness of the embedded engines in live mode: the app as a user runs it ({@code job.live}, application.properties,
 * routes/) replays a synthetic day as if it were today, on a clock that runs {@value #SPEED}× real time; quartz polls
 * every second (schedule.collect-cron); no crawl runs. A prober queries the lake through the app's own Athena client
 * back to back and records, for every bar, the delay from the end of its minute (in real time) to the completion
 * of the first query that counts it. Prints p50, p95 and max for each symbol count.
 * <pre>scripts/benchmark.sh freshness [--symbols 10,500] [--minutes 12]</pre>
 */
public final class Freshness {

    static final int SPEED = 6;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2020, 12, 1);
    private static final LocalTime FIRST_MEASURED = LocalTime.of(9, 32);

    public static void main(String... args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "12"));
        System.out.printf("finance-stream freshness: live replay, clock at %d× real time, quartz polling every 1 s, "
                + "no crawl, %d minutes measured, %d cores%n", SPEED, minutes, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-8s %8s %8s %8s %8s %10s%n", "symbols", "bars", "p50", "p95", "max", "queries");
        for (String count : options.getOrDefault("symbols", "10,500").split(",")) {
            Result result = measure(Integer.parseInt(count.trim()), minutes);
            System.out.printf(Locale.ROOT, "%-8d %8d %7.2fs %7.2fs %7.2fs %10d%n", result.symbols, result.delays.size(),
                    percentile(result.delays, 50), percentile(result.delays, 95), percentile(result.delays, 100),
                    result.queries);
        }
        System.exit(0);
    }

    record Result(int symbols, List<Double> delays, int queries) {
    }

    static Result measure(int symbols, int minutes) throws Exception {
        Path work = Files.createTempDirectory("freshness-" + symbols);
        SyntheticBars market = new SyntheticBars(symbols, 1, DAY, 42);
        LocalTime lastMinute = FIRST_MEASURED.plusMinutes(minutes - 1);
        // the recording up to the last measured minute (the live poll reads it per symbol)
        Map<String, Integer> expected = new TreeMap<>();
        Path replay = work.resolve("replay.ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(replay, StandardCharsets.UTF_8)) {
            market.forEach(bar -> {
                LocalTime minute = bar.ts().toLocalTime();
                if (minute.isAfter(lastMinute)) {
                    return;
                }
                try {
                    out.write(BarJson.format(bar));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!minute.isBefore(FIRST_MEASURED)) {
                    expected.merge(minute.toString(), 1, Integer::sum);
                }
            });
        }

        Instant marketStart = ZonedDateTime.of(DAY, FIRST_MEASURED, NEW_YORK).toInstant();
        Main main = new Main();
        try {
            main.configure().addConfiguration(FinanceStreamConfiguration.class);
            main.setDefaultPropertyPlaceholderLocation("file:application.properties");
            Properties settings = new Properties();
            settings.put("lake.dir", work.resolve("lake").toString());
            settings.put("results.dir", work.resolve("results").toString());
            settings.put("job.exit-when-done", "false");
            settings.put("job.run-once", "false");
            settings.put("job.live", "true");
            settings.put("finance.source", "replay");
            settings.put("replay.file", replay.toString());
            settings.put("finance.symbols", String.join(",", market.names()));
            settings.put("schedule.collect-cron", "* * * ? * *");
            settings.put("schedule.crawl-cron", "0 0 0 1 1 ? 2099");
            settings.put("schedule.analyze-cron", "0 0 0 1 1 ? 2099");
            main.setOverrideProperties(settings);
            AcceleratedClock clock = new AcceleratedClock(marketStart.minusSeconds(SPEED)); // 09:31:54
            main.bind(CollectBeans.CLOCK, clock);
            main.start();
            clock.restart(); // the market clock starts once the app is up
            AthenaClient athena = main.getCamelContext().getRegistry().findSingleByType(AthenaClient.class);

            Map<String, Integer> seen = new HashMap<>();
            List<Double> delays = new ArrayList<>();
            int queries = 0;
            Instant deadline = clock.realInstantOf(ZonedDateTime.of(DAY, lastMinute.plusMinutes(1), NEW_YORK).toInstant())
                    .plus(Duration.ofMinutes(3));
            while (!seen.equals(expected) && Instant.now().isBefore(deadline)) {
                Map<String, Integer> counts = countsByMinute(athena);
                Instant answered = Instant.now();
                queries++;
                for (Map.Entry<String, Integer> minute : counts.entrySet()) {
                    if (!expected.containsKey(minute.getKey())) {
                        continue;
                    }
                    int before = seen.getOrDefault(minute.getKey(), 0);
                    Instant end = clock.realInstantOf(ZonedDateTime.of(DAY, LocalTime.parse(minute.getKey()), NEW_YORK)
                            .plusMinutes(1).toInstant());
                    for (int bar = before; bar < minute.getValue(); bar++) {
                        delays.add(Duration.between(end, answered).toMillis() / 1000.0);
                    }
                    seen.put(minute.getKey(), Math.max(before, minute.getValue()));
                }
            }
            if (!seen.equals(expected)) {
                throw new IllegalStateException(symbols + " symbols: not every bar became visible: expected " + expected
                        + ", saw " + seen);
            }
            return new Result(symbols, delays, queries);
        } finally {
            main.stop();
        }
    }

    /** Bars per minute (HH:mm) of the measured day, as a user's query sees the lake now. */
    private static Map<String, Integer> countsByMinute(AthenaClient athena) throws InterruptedException {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT substr(ts, 12, 5) AS minute, count(DISTINCT name) "
                        + "FROM bars WHERE substr(ts, 1, 10) = '" + DAY + "' GROUP BY 1")
                .queryExecutionContext(c -> c.database("finance_stream"))
                .resultConfiguration(c -> c.outputLocation("s3://finance-stream-lake/athena-results/"))).queryExecutionId();
        while (true) {
            QueryExecutionState state = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                break;
            }
            if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                // no table yet (nothing landed): nothing visible
                return Map.of();
            }
            Thread.sleep(10);
        }
        Map<String, Integer> counts = new HashMap<>();
        List<Row> rows = athena.getQueryResults(r -> r.queryExecutionId(id)).resultSet().rows();
        for (Row row : rows.subList(1, rows.size())) {
            counts.put(row.data().get(0).varCharValue(), Integer.parseInt(row.data().get(1).varCharValue()));
        }
        return counts;
    }

    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The market's clock: from {@code start}, {@value #SPEED}× faster than real time. */
    static final class AcceleratedClock extends Clock {
        private final Instant start;
        private final ZoneId zone;
        private volatile Instant realStart = Instant.now();

        AcceleratedClock(Instant start) {
            this(start, java.time.ZoneOffset.UTC);
        }

        private AcceleratedClock(Instant start, ZoneId zone) {
            this.start = start;
            this.zone = zone;
        }

        void restart() {
            realStart = Instant.now();
        }

        /** When, in real time, the market clock reads {@code market}. */
        Instant realInstantOf(Instant market) {
            return realStart.plusNanos(Duration.between(start, market).toNanos() / SPEED);
        }

        @Override
        public Instant instant() {
            return start.plusNanos(Duration.between(realStart, Instant.now()).toNanos() * SPEED);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        /** The same clock (same start, same real start), read in another zone. */
        @Override
        public Clock withZone(ZoneId other) {
            AcceleratedClock parent = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return other;
                }

                @Override
                public Clock withZone(ZoneId again) {
                    return parent.withZone(again);
                }

                @Override
                public Instant instant() {
                    return parent.instant();
                }
            };
        }
    }
}
