package financestream.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;

/**
 * Makes {@code bars_once} (the setting {@code athena.bars-once}: each bar once, whatever Firehose delivered twice)
 * a name every query can use, on Athena and on the embedded engine alike, without a view in the catalog: a query
 * that names {@code bars_once} and does not define it gets {@code WITH bars_once AS (athena.bars-once)} on a line
 * of its own before it. The user's lines and columns keep their numbers past that line: {@link #LINES_ADDED}
 * tells the error report how many lines to take off the engine's positions.
 */
public class AthenaSql {

    /** Exchange property: how many lines {@link #withBarsOnce} put before the user's SQL. */
    public static final String LINES_ADDED = "financeStreamSqlLinesAdded";

    private static final Pattern NAMES_BARS_ONCE = Pattern.compile("(?i)\\bbars_once\\b");
    private static final Pattern DEFINES_BARS_ONCE = Pattern.compile("(?i)\\bbars_once\\s*(\\([^)]*\\)\\s*)?AS\\s*\\(");
    /** Blanks and comments before the first word, then that word if it is WITH. */
    private static final Pattern LEADING_WITH = Pattern.compile("(?is)^((?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*)(WITH)\\b");

    private final String barsOnce;

    public AthenaSql(String barsOnce) {
        this.barsOnce = barsOnce.strip();
    }

    /** The exchange's SQL, with bars_once defined if it names it without defining it. */
    public void withBarsOnce(Exchange exchange) {
        String sql = exchange.getMessage().getBody(String.class);
        exchange.setProperty(LINES_ADDED, 0);
        if (sql == null || !NAMES_BARS_ONCE.matcher(sql).find() || DEFINES_BARS_ONCE.matcher(sql).find()) {
            return;
        }
        exchange.getMessage().setBody(withBarsOnce(sql));
        exchange.setProperty(LINES_ADDED, 1);
    }

    String withBarsOnce(String sql) {
        String definition = "bars_once AS (" + barsOnce.replace('\n', ' ') + ")";
        Matcher with = LEADING_WITH.matcher(sql);
        if (with.find()) {
            // WITH a AS (…) SELECT … → WITH bars_once AS (…),\n     a AS (…) SELECT … (columns unchanged)
            return "WITH " + definition + ",\n" + with.group(1) + "    " + sql.substring(with.end(2));
        }
        return "WITH " + definition + "\n" + sql;
    }
}
