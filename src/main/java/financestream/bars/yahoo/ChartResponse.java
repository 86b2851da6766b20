package financestream.bars.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import financestream.bars.Bar;
import financestream.bars.JsonFault;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;

/** One answer of {@code /v8/finance/chart/{symbol}} read into the bars of one day, with yfinance's rules. */
final class ChartResponse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT_LENGTH = 120;

    private final String symbol;
    private final Set<LocalDate> days;
    private final int httpStatus;

    ChartResponse(String symbol, LocalDate date, int httpStatus) {
        this(symbol, List.of(date), httpStatus);
    }

    /** An answer covering several days (one request of a range): bars of {@code days} only. */
    ChartResponse(String symbol, List<LocalDate> days, int httpStatus) {
        this.symbol = symbol;
        this.days = new TreeSet<>(days);
        this.httpStatus = httpStatus;
    }

    List<Bar> bars(String body) {
        JsonNode chart = readJson(body).path("chart");
        JsonNode error = chart.path("error");
        if (error.isObject()) {
            throw refused(error.path("code").asText(null), error.path("description").asText(null));
        }
        if (httpStatus < 200 || httpStatus > 299) {
            throw fault("has no chart.error to explain it: " + excerpt(body), null);
        }
        JsonNode result = chart.path("result").path(0);
        if (!result.isObject()) {
            throw fault("has no chart.result", null);
        }
        JsonNode meta = result.path("meta");
        if (!meta.isObject()) {
            throw fault("has a chart.result without meta", null);
        }
        JsonNode timestamps = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        // Yahoo's ways of saying "no bars that day": no timestamp, empty arrays, or quote:[{}].
        if (timestamps.isEmpty() || quote.isEmpty()) {
            return List.of();
        }
        return sessionBars(meta, timestamps, array(quote, "high", timestamps.size()), array(quote, "low", timestamps.size()));
    }

    private List<Bar> sessionBars(JsonNode meta, JsonNode timestamps, JsonNode highs, JsonNode lows) {
        ZoneId zone = exchangeZone(meta);
        Map<LocalDate, RegularSession> sessions = new HashMap<>();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            JsonNode high = highs.get(i);
            JsonNode low = lows.get(i);
            if (high.isNull() || low.isNull()) {
                continue; // Yahoo had no trade in that minute; a missing bar stays missing
            }
            long start = epochSecond(timestamps.get(i), i);
            ZonedDateTime ts = Instant.ofEpochSecond(start).atZone(zone);
            LocalDate day = ts.toLocalDate();
            if (days.contains(day) && sessions.computeIfAbsent(day, d -> session(meta, zone, d)).contains(start)) {
                bars.add(new Bar(symbol, ts.toOffsetDateTime(), price(high, "high", i), price(low, "low", i)));
            }
        }
        return bars;
    }

    private JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw fault("has an empty body", null);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonEOFException e) {
            throw fault("is truncated JSON (" + JsonFault.describe(e) + ")", e);
        } catch (JsonProcessingException e) {
            throw fault("is not JSON: " + excerpt(body), e);
        }
    }

    private ZoneId exchangeZone(JsonNode meta) {
        String name = meta.path("exchangeTimezoneName").asText("");
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw fault("has no usable meta.exchangeTimezoneName (\"" + name + "\")", e);
        }
    }

    private RegularSession session(JsonNode meta, ZoneId zone, LocalDate date) {
        try {
            return RegularSession.of(meta, zone, date);
        } catch (IllegalArgumentException e) {
            throw fault("cannot tell the regular session: " + e.getMessage(), e);
        }
    }

    private JsonNode array(JsonNode quote, String field, int expectedSize) {
        JsonNode values = quote.path(field);
        if (!values.isArray()) {
            throw fault("has no indicators.quote[0]." + field + " array", null);
        }
        if (values.size() != expectedSize) {
            throw fault("has " + values.size() + " " + field + " values for " + expectedSize + " timestamps", null);
        }
        return values;
    }

    private long epochSecond(JsonNode value, int index) {
        if (!value.isIntegralNumber()) {
            throw fault("has timestamp[" + index + "] that is not epoch seconds: " + value, null);
        }
        return value.longValue();
    }

    private double price(JsonNode value, String field, int index) {
        if (!value.isNumber()) {
            throw fault("has " + field + "[" + index + "] that is not a number: " + value, null);
        }
        return value.doubleValue();
    }

    private YahooChartException refused(String code, String description) {
        String message = "Yahoo chart API refused " + symbol + ": HTTP " + httpStatus + " " + code + " — " + description;
        return new YahooChartException(message, symbol, httpStatus, code, description, null);
    }

    private YahooChartException fault(String what, Throwable cause) {
        String message = "Yahoo chart API answer for " + symbol + " (HTTP " + httpStatus + ") " + what;
        return new YahooChartException(message, symbol, httpStatus, null, null, cause);
    }

    private static String excerpt(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH) + "…";
    }
}
