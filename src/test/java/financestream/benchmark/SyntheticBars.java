package financestream.benchmark;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import financestream.bars.Bar;
import financestream.calendar.TradingCalendar;

/**
 * A deterministic market: {@code symbols} made-up tickers over {@code days} NYSE trading days of 1-minute bars
 * (09:30–15:59 New York), in the bundled file's order (by minute, then symbol). Prices are a geometric random walk
 * rounded to float32 as Yahoo's are; about 2% of ticker-minutes are missing, and some tickers miss whole stretches,
 * as thin stocks do. The same arguments always give the same bars.
 */
final class SyntheticBars {

    private static final ZoneId NEW_YORK = TradingCalendar.NEW_YORK;
    private static final int MINUTES = 390;

    private final List<String> names;
    private final List<LocalDate> dates;
    private final long seed;

    SyntheticBars(int symbols, int days, LocalDate firstDate, long seed) {
        this.names = names(symbols);
        this.dates = tradingDays(firstDate, days);
        this.seed = seed;
    }

    List<String> names() {
        return names;
    }

    LocalDate firstDate() {
        return dates.get(0);
    }

    LocalDate lastDate() {
        return dates.get(dates.size() - 1);
    }

    /** Hands every bar, in order, to {@code sink}; returns how many. */
    long forEach(Consumer<Bar> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] price = new double[names.size()];
        double[] volatility = new double[names.size()];
        for (int s = 0; s < names.size(); s++) {
            price[s] = 5 + random.nextDouble() * 495;
            volatility[s] = 0.0004 + random.nextDouble() * 0.0016;
        }
        long count = 0;
        for (LocalDate date : dates) {
            for (int minute = 0; minute < MINUTES; minute++) {
                OffsetDateTime ts = ZonedDateTime.of(date, LocalTime.of(9, 30).plusMinutes(minute), NEW_YORK)
                        .toOffsetDateTime();
                for (int s = 0; s < names.size(); s++) {
                    double open = price[s];
                    double close = open * Math.exp(volatility[s] * gaussian(random));
                    price[s] = close;
                    // a thin ticker (every 25th) trades only in the first and last two hours
                    boolean thinGap = s % 25 == 7 && minute >= 120 && minute < 270;
                    if (thinGap || random.nextDouble() < 0.02) {
                        continue;
                    }
                    double wick = Math.abs(gaussian(random)) * volatility[s] * 0.5;
                    double high = (float) (Math.max(open, close) * (1 + wick));
                    double low = (float) (Math.min(open, close) * (1 - wick));
                    sink.accept(new Bar(names.get(s), ts, high, low));
                    count++;
                }
            }
        }
        return count;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static List<String> names(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // AAAA, AAAB, ... : four letters like a NASDAQ ticker, spread over the alphabet
            int n = i * 7919 % (26 * 26 * 26 * 26);
            StringBuilder name = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                name.insert(0, (char) ('A' + n % 26));
                n /= 26;
            }
            names.add(name.toString());
        }
        return names;
    }

    private static List<LocalDate> tradingDays(LocalDate first, int count) {
        TradingCalendar calendar = new TradingCalendar();
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate date = first; days.size() < count; date = date.plusDays(1)) {
            if (calendar.isTradingDay(date)) {
                days.add(date);
            }
        }
        return days;
    }
}
