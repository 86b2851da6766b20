package financestream.collect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Chart answers in the shape of Yahoo's real ones (see src/test/resources/yahoo/chart-1m-meta-NFLX-2025-12-05.json
 * for meta, built/ for the arrays): meta with exchangeTimezoneName and one tradingPeriods entry per day, then
 * timestamp[] and indicators.quote[0].{open,high,low,close,volume}[]. Prices are made up but distinct per symbol
 * and minute, so a test can tell every bar apart.
 */
final class YahooDays {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();

    private YahooDays() {
    }

    /** The bar starts of a day's session from 09:30 up to (excluding) {@code until} local time. */
    static List<ZonedDateTime> minutes(LocalDate day, LocalTime until) {
        List<ZonedDateTime> starts = new ArrayList<>();
        for (LocalTime t = LocalTime.of(9, 30); t.isBefore(until); t = t.plusMinutes(1)) {
            starts.add(ZonedDateTime.of(day, t, NEW_YORK));
        }
        return starts;
    }

    static double high(String symbol, ZonedDateTime start) {
        return 100 + Math.abs(symbol.hashCode() % 50) + start.toLocalTime().toSecondOfDay() / 60 / 1000.0 + 0.5;
    }

    static double low(String symbol, ZonedDateTime start) {
        return high(symbol, start) - 1.25;
    }

    /**
     * An answer holding {@code bars} of {@code symbol}, sessions 09:30–{@code close} for each day in {@code days}.
     */
    static String chart(String symbol, List<LocalDate> days, LocalTime close, List<ZonedDateTime> bars) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode result = root.putObject("chart").putArray("result").addObject();
        root.with("chart").putNull("error");
        ObjectNode meta = result.putObject("meta");
        meta.put("currency", "USD").put("symbol", symbol).put("exchangeName", "NMS")
                .put("instrumentType", "EQUITY").put("exchangeTimezoneName", "America/New_York")
                .put("dataGranularity", "1m");
        ZonedDateTime lastOpen = ZonedDateTime.of(days.get(days.size() - 1), LocalTime.of(9, 30), NEW_YORK);
        meta.put("gmtoffset", lastOpen.getOffset().getTotalSeconds())
                .put("timezone", lastOpen.getOffset().getTotalSeconds() == -18000 ? "EST" : "EDT");
        ObjectNode regular = meta.putObject("currentTradingPeriod").putObject("regular");
        period(regular, days.get(days.size() - 1), close);
        ArrayNode tradingPeriods = meta.putArray("tradingPeriods");
        for (LocalDate day : days) {
            period(tradingPeriods.addArray().addObject(), day, close);
        }
        ArrayNode timestamps = result.putArray("timestamp");
        ObjectNode quote = result.putObject("indicators").putArray("quote").addObject();
        Map<String, ArrayNode> arrays = new LinkedHashMap<>();
        for (String field : List.of("open", "high", "low", "close", "volume")) {
            arrays.put(field, quote.putArray(field));
        }
        for (ZonedDateTime start : bars) {
            timestamps.add(start.toEpochSecond());
            double high = high(symbol, start);
            double low = low(symbol, start);
            arrays.get("open").add(low + 0.25);
            arrays.get("high").add(high);
            arrays.get("low").add(low);
            arrays.get("close").add(high - 0.25);
            arrays.get("volume").add(1000 + start.getMinute());
        }
        return root.toString();
    }

    private static void period(ObjectNode node, LocalDate day, LocalTime close) {
        ZonedDateTime open = ZonedDateTime.of(day, LocalTime.of(9, 30), NEW_YORK);
        node.put("timezone", open.getOffset().getTotalSeconds() == -18000 ? "EST" : "EDT")
                .put("start", open.toEpochSecond())
                .put("end", ZonedDateTime.of(day, close, NEW_YORK).toEpochSecond())
                .put("gmtoffset", open.getOffset().getTotalSeconds());
    }

    static Instant at(LocalDate day, int hour, int minute, int second) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute, second), NEW_YORK).toInstant();
    }
}
