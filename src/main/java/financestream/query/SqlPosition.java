package financestream.query;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the SQL a query went wrong, read from the engine's reason: Athena (Trino) starts it with
 * {@code line 1:8: …}; DuckDB ends it with {@code LINE 1: <the line>} and a caret under the spot.
 */
public record SqlPosition(int line, int column) {

    private static final Pattern TRINO = Pattern.compile("(?m)\\bline (\\d+):(\\d+): ");
    private static final Pattern DUCKDB = Pattern.compile("(?m)^LINE (\\d+): (.*)\\R( *)\\^");

    /**
     * The position in the user's SQL, if the reason names one.
     *
     * @param linesAdded lines the query route put before the user's SQL (bars_once), taken off the engine's line
     */
    public static Optional<SqlPosition> in(String reason, String userSql, int linesAdded) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher trino = TRINO.matcher(reason);
        if (trino.find()) {
            return of(Integer.parseInt(trino.group(1)) - linesAdded, Integer.parseInt(trino.group(2)));
        }
        Matcher duckdb = DUCKDB.matcher(reason);
        if (duckdb.find()) {
            int line = Integer.parseInt(duckdb.group(1)) - linesAdded;
            String shown = duckdb.group(2);
            int caret = duckdb.group(3).length() - ("LINE " + duckdb.group(1) + ": ").length();
            // DuckDB shows long lines cut around the spot, with "..." before: find the shown text in the line
            List<String> lines = userSql.lines().toList();
            if (line >= 1 && line <= lines.size()) {
                String text = lines.get(line - 1);
                String shownText = shown.startsWith("...") ? shown.substring(3) : shown;
                int shift = shown.startsWith("...") ? 3 : 0;
                if (shownText.endsWith("...")) {
                    shownText = shownText.substring(0, shownText.length() - 3);
                }
                int at = text.indexOf(shownText);
                if (at >= 0) {
                    return of(line, at + caret - shift + 1);
                }
            }
            return of(line, caret + 1);
        }
        return Optional.empty();
    }

    private static Optional<SqlPosition> of(int line, int column) {
        return line >= 1 && column >= 1 ? Optional.of(new SqlPosition(line, column)) : Optional.empty();
    }

    /** "line 2, column 8:", the line, and a caret under the column. */
    public String show(String userSql) {
        List<String> lines = userSql.lines().toList();
        StringBuilder text = new StringBuilder("at line " + line + ", column " + column);
        if (line <= lines.size()) {
            String shown = lines.get(line - 1);
            text.append(":\n  ").append(shown).append("\n  ")
                    .append(" ".repeat(Math.max(0, Math.min(column - 1, shown.length())))).append('^');
        }
        return text.toString();
    }
}
