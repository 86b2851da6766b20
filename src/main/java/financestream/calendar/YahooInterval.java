package financestream.calendar;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Yahoo chart intervals and how far back / how wide a request Yahoo accepts for each. Yahoo publishes none of this;
 * the figures are what its HTTP 422 errors say:
 * <ul>
 *   <li>1m: "The requested range must be within the last 30 days" (yfinance issue #383) and "Only 8 days worth of
 *       1m granularity data are allowed to be fetched per request" (wording seen in 2026; 7 days before);</li>
 *   <li>2m..90m: "must be within the last 60 days" (yfinance issues #1389 for 5m, #1533 for 15m; 2m, 30m and 90m
 *       grouped with them as yfinance does);</li>
 *   <li>60m/1h: "must be within the last 730 days" (yfinance issue #636);</li>
 *   <li>1d and longer: whole history, no per-request cap.</li>
 * </ul>
 * Only 1m has a per-request cap narrower than its history window.
 */
public enum YahooInterval {
    ONE_MINUTE("1m", 30, 8),
    TWO_MINUTES("2m", 60, 60),
    FIVE_MINUTES("5m", 60, 60),
    FIFTEEN_MINUTES("15m", 60, 60),
    THIRTY_MINUTES("30m", 60, 60),
    NINETY_MINUTES("90m", 60, 60),
    SIXTY_MINUTES("60m", 730, 730),
    ONE_HOUR("1h", 730, 730),
    ONE_DAY("1d", 0, 0),
    FIVE_DAYS("5d", 0, 0),
    ONE_WEEK("1wk", 0, 0),
    ONE_MONTH("1mo", 0, 0),
    THREE_MONTHS("3mo", 0, 0);

    private final String code;
    private final int historyDays;
    private final int maxDaysPerRequest;

    YahooInterval(String code, int historyDays, int maxDaysPerRequest) {
        this.code = code;
        this.historyDays = historyDays;
        this.maxDaysPerRequest = maxDaysPerRequest;
    }

    /** The interval for Yahoo's {@code interval=} parameter, e.g. "1m"; anything else is refused here, not by Yahoo. */
    public static YahooInterval fromCode(String code) {
        return Arrays.stream(values())
                .filter(i -> i.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("interval '" + code + "' is not one Yahoo serves; use one of "
                        + Arrays.stream(values()).map(YahooInterval::code).collect(Collectors.joining(", "))));
    }

    /** The setting {@code finance.interval}, refused at start-up in the words of the chart API's own check. */
    public static YahooInterval parse(String code) {
        try {
            return fromCode(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a Yahoo chart interval: " + e.getMessage());
        }
    }

    public String code() {
        return code;
    }

    public boolean hasHistoryLimit() {
        return historyDays > 0;
    }

    /** How many days back from now Yahoo serves this interval; only meaningful when {@link #hasHistoryLimit()}. */
    public int historyDays() {
        return historyDays;
    }

    public boolean hasRequestLimit() {
        return maxDaysPerRequest > 0;
    }

    /** The widest period2 - period1 Yahoo accepts, in days; only meaningful when {@link #hasRequestLimit()}. */
    public int maxDaysPerRequest() {
        return maxDaysPerRequest;
    }
}
