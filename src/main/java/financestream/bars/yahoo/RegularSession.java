package financestream.bars.yahoo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The regular trading session(s) a chart's {@code meta} describes, as yfinance reads them: {@code tradingPeriods}
 * when present, else {@code currentTradingPeriod.regular} when it is the requested day, else that period's local
 * opening and closing times applied to the requested day. A bar belongs to the session when start ≤ t < end, so
 * the 16:00 bar Yahoo appends after the close (volume 0) is left out.
 */
final class RegularSession {

    private record Period(long start, long end) {
        boolean contains(long epochSecond) {
            return start <= epochSecond && epochSecond < end;
        }
    }

    private final List<Period> periods;

    private RegularSession(List<Period> periods) {
        this.periods = periods;
    }

    /** @throws IllegalArgumentException when meta names no trading period at all */
    static RegularSession of(JsonNode meta, ZoneId zone, LocalDate date) {
        List<Period> fromTradingPeriods = new ArrayList<>();
        JsonNode tradingPeriods = meta.path("tradingPeriods");
        // With includePrePost=true Yahoo sends {"pre":…, "regular":…, "post":…} instead of a list of days.
        collect(tradingPeriods.isObject() ? tradingPeriods.path("regular") : tradingPeriods, fromTradingPeriods);
        if (!fromTradingPeriods.isEmpty()) {
            return new RegularSession(fromTradingPeriods);
        }
        JsonNode current = meta.path("currentTradingPeriod").path("regular");
        if (!isPeriod(current)) {
            throw new IllegalArgumentException("meta has neither tradingPeriods nor currentTradingPeriod.regular");
        }
        ZonedDateTime opens = Instant.ofEpochSecond(current.get("start").longValue()).atZone(zone);
        ZonedDateTime closes = Instant.ofEpochSecond(current.get("end").longValue()).atZone(zone);
        if (opens.toLocalDate().equals(date)) {
            return new RegularSession(List.of(new Period(opens.toEpochSecond(), closes.toEpochSecond())));
        }
        // The current period is another day's (data fetched later): keep its hours, move them to the requested day.
        return new RegularSession(List.of(localHoursOn(date, opens.toLocalTime(), closes.toLocalTime(), zone)));
    }

    boolean contains(long epochSecond) {
        return periods.stream().anyMatch(period -> period.contains(epochSecond));
    }

    private static Period localHoursOn(LocalDate date, LocalTime opens, LocalTime closes, ZoneId zone) {
        return new Period(date.atTime(opens).atZone(zone).toEpochSecond(), date.atTime(closes).atZone(zone).toEpochSecond());
    }

    private static void collect(JsonNode node, List<Period> into) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, into)); // a list of days, each a list of periods
        } else if (isPeriod(node)) {
            into.add(new Period(node.get("start").longValue(), node.get("end").longValue()));
        }
    }

    private static boolean isPeriod(JsonNode node) {
        return node.path("start").isIntegralNumber() && node.path("end").isIntegralNumber();
    }
}
