package financestream.bars.yahoo;

import financestream.bars.Bar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Yahoo Finance's chart API ({@code GET /v8/finance/chart/{SYMBOL}?…}) as yfinance's {@code history()} uses it:
 * builds the request for one day and reads the answer into that day's regular-session bars. It does no HTTP
 * itself; a route sends the request (with a browser User-Agent) and hands the status and body to {@link #parse}.
 */
public class YahooChartApi {

    /** The path of the chart API on {@code https://query2.finance.yahoo.com}. */
    public static final String PATH_PREFIX = "/v8/finance/chart/";

    // What Yahoo symbols look like (FB, BRK-B, BARC.L, ^GSPC, EURUSD=X); anything else never reaches a URL.
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.^=-]{1,15}");
    private static final Set<String> INTERVALS =
            Set.of("1m", "2m", "5m", "15m", "30m", "60m", "90m", "1h", "1d", "5d", "1wk", "1mo", "3mo");

    /** {@code /v8/finance/chart/{SYMBOL}}, the symbol URL-encoded ({@code ^GSPC} → {@code %5EGSPC}). */
    public String path(String symbol) {
        return PATH_PREFIX + URLEncoder.encode(requireSymbol(symbol), StandardCharsets.UTF_8);
    }

    /**
     * The query string for one day, as yfinance sends it: from the start of {@code date} to the start of the next
     * day in the exchange's zone, regular session only, for example
     * {@code period1=1606798800&period2=1606885200&interval=1m&includePrePost=false&events=div%2Csplits}.
     */
    public String query(LocalDate date, String interval, ZoneId exchangeZone) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(exchangeZone, "exchangeZone");
        if (!INTERVALS.contains(interval)) {
            throw new IllegalArgumentException("Not a Yahoo chart interval: \"" + interval + "\" (one of " + INTERVALS + ")");
        }
        long period1 = date.atStartOfDay(exchangeZone).toEpochSecond();
        long period2 = date.plusDays(1).atStartOfDay(exchangeZone).toEpochSecond();
        return "period1=" + period1 + "&period2=" + period2 + "&interval=" + interval
                + "&includePrePost=false&events=div%2Csplits";
    }

    /**
     * The query string for the days {@code from}..{@code to} (inclusive) in one request: from the start of
     * {@code from} to the start of the day after {@code to} in the exchange's zone. A caller keeps the range within
     * what Yahoo serves per request ({@code YahooIntradayLimits.splitForRequests}).
     */
    public String rangeQuery(LocalDate from, LocalDate to, String interval, ZoneId exchangeZone) {
        Objects.requireNonNull(to, "to");
        String oneDay = query(from, interval, exchangeZone);
        long period2 = to.plusDays(1).atStartOfDay(exchangeZone).toEpochSecond();
        return oneDay.replaceFirst("period2=[0-9]+", "period2=" + period2);
    }

    /**
     * The regular-session bars of the trading {@code days} in the answer to a range request, in time order; see
     * {@link #parse(String, LocalDate, int, String)}.
     */
    public List<Bar> parseDays(String symbol, List<LocalDate> days, int httpStatus, String body) {
        Objects.requireNonNull(days, "days");
        return new ChartResponse(requireSymbol(symbol), days, httpStatus).bars(body);
    }

    /**
     * The regular-session bars of {@code date} in a chart answer, in time order, named {@code symbol}. Rows with a
     * null high or low are dropped; timestamps are shown in {@code meta.exchangeTimezoneName} with that instant's
     * offset. An empty day gives an empty list.
     *
     * @param httpStatus the HTTP status of the answer (Camel's {@code CamelHttpResponseCode} header)
     * @throws YahooChartException when Yahoo refused (naming its status, code and description), or the body is
     *                             not a chart (not JSON, truncated, no meta, …)
     */
    public List<Bar> parse(String symbol, LocalDate date, int httpStatus, String body) {
        Objects.requireNonNull(date, "date");
        return new ChartResponse(requireSymbol(symbol), date, httpStatus).bars(body);
    }

    /** @throws IllegalArgumentException when {@code symbol} is not 1–15 of {@code A-Z a-z 0-9 . ^ = -} */
    public static String requireSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            String shown = symbol == null ? "null" : "\"" + (symbol.length() > 40 ? symbol.substring(0, 40) + "…" : symbol) + "\"";
            throw new IllegalArgumentException("Not a Yahoo symbol: " + shown
                    + " (expected 1 to 15 letters, digits, '.', '^', '=' or '-')");
        }
        return symbol;
    }
}
