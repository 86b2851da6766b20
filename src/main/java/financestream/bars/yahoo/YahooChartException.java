package financestream.bars.yahoo;

/**
 * Yahoo's chart API did not give usable bars for a symbol: it refused the request (HTTP status and Yahoo's
 * {@code chart.error} code), rate-limited it, or answered with something that is not a chart.
 * The status and code are kept so a route can retry 429/5xx and fail only that symbol on 404.
 */
public class YahooChartException extends RuntimeException {

    private final String symbol;
    private final int httpStatus;
    private final String yahooCode;
    private final String yahooDescription;

    public YahooChartException(String message, String symbol, int httpStatus, String yahooCode, String yahooDescription,
                               Throwable cause) {
        super(message, cause);
        this.symbol = symbol;
        this.httpStatus = httpStatus;
        this.yahooCode = yahooCode;
        this.yahooDescription = yahooDescription;
    }

    public String getSymbol() {
        return symbol;
    }

    /** The HTTP status Yahoo answered with (200 when the body, not the status, was wrong). */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** Yahoo's {@code chart.error.code}, such as {@code Not Found}; null when the body carried none. */
    public String getYahooCode() {
        return yahooCode;
    }

    /** Yahoo's {@code chart.error.description}; null when the body carried none. */
    public String getYahooDescription() {
        return yahooDescription;
    }

    /** Worth asking again later: rate limited (429) or a server-side failure (5xx). */
    public boolean isRetryable() {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
