package financestream.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import financestream.bars.Bar;
import financestream.bars.BarJson;

/**
 * A replay file for 2020-12-01 with many symbols and every minute of the session (390 bars each), prices from a
 * seeded generator: large enough that collecting it takes seconds, so a test can stop the app in the middle.
 */
final class SyntheticDay {

    static final LocalDate DATE = LocalDate.of(2020, 12, 1);
    static final int MINUTES = 390;

    final List<String> symbols;
    final List<String> records = new ArrayList<>();

    SyntheticDay(int symbolCount, long seed) {
        symbols = IntStream.range(0, symbolCount).mapToObj(i -> String.format("S%03d", i)).toList();
        Random random = new Random(seed);
        for (String symbol : symbols) {
            double price = 20 + random.nextDouble() * 300;
            for (int minute = 0; minute < MINUTES; minute++) {
                OffsetDateTime ts = OffsetDateTime.of(DATE, LocalTime.of(9, 30).plusMinutes(minute), ZoneOffset.ofHours(-5));
                price = Math.max(1, price + random.nextGaussian());
                double low = price - random.nextDouble();
                double high = price + random.nextDouble();
                records.add(BarJson.format(new Bar(symbol, ts, high, low)));
            }
        }
    }

    String symbolsSetting() {
        return String.join(",", symbols);
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, records, StandardCharsets.UTF_8);
        return file;
    }

    /** The answer, computed here from the records: "NAME,HOUR,HIGHEST_HIGH" lines ordered by name, hour. */
    List<String> hourlyHighs() {
        Map<String, Double> highest = new TreeMap<>();
        for (String record : records) {
            Bar bar = BarJson.parse(record);
            highest.merge(String.format("%s,%02d", bar.name(), bar.ts().getHour()), bar.high(), Math::max);
        }
        // sorted as ORDER BY name, hour (zero-padded for the sort, printed as the integer it is)
        return highest.entrySet().stream().map(e -> e.getKey().replace(",0", ",") + "," + e.getValue())
                .collect(Collectors.toList());
    }
}
