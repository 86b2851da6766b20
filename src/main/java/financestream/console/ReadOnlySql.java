package financestream.console;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's gate: one SELECT (or WITH … SELECT, VALUES, a parenthesized query) and nothing else. Comments,
 * string literals and quoted names are blanked first, so a keyword inside them counts for nothing; then there
 * must be one statement (a trailing {@code ;} is dropped), starting with SELECT, WITH, VALUES or {@code (}, with
 * no statement keyword (INSERT, CREATE, COPY, SET, ATTACH, …) outside parentheses. Behind it, on the embedded
 * engine, the query runs in DuckDB's confinement (no file outside the lake, no network, settings locked, every
 * query rolled back) like every Athena query.
 */
public final class ReadOnlySql {

    private static final Pattern QUOTED = Pattern.compile("(?s)--[^\\n]*|/\\*.*?\\*/|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|[();]");
    private static final Set<String> FIRST = Set.of("SELECT", "WITH", "VALUES", "(");
    /** Words that start a statement other than a query, in Trino's (Athena's) grammar or DuckDB's. */
    private static final Set<String> STATEMENTS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "DROP",
            "ALTER", "TRUNCATE", "COPY", "ATTACH", "DETACH", "PRAGMA", "SET", "RESET", "CALL", "EXPORT", "IMPORT",
            "INSTALL", "LOAD", "VACUUM", "CHECKPOINT", "GRANT", "REVOKE", "DENY", "UNLOAD", "MSCK", "EXECUTE",
            "PREPARE", "DEALLOCATE", "USE", "BEGIN", "START", "COMMIT", "ROLLBACK", "ABORT", "ANALYZE", "EXPLAIN",
            "DESCRIBE", "SHOW", "SUMMARIZE", "REFRESH", "COMMENT");

    private ReadOnlySql() {
    }

    /**
     * @return the statement, without a trailing semicolon
     * @throws ConsoleRefusedException naming what is not allowed
     */
    public static String check(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new ConsoleRefusedException("the SQL is empty: send one SELECT statement as the request body");
        }
        String statement = sql.strip();
        String blanked = blank(statement);
        int end = blanked.length();
        while (end > 0 && (blanked.charAt(end - 1) == ';' || Character.isWhitespace(blanked.charAt(end - 1)))) {
            end--;
        }
        statement = statement.substring(0, end);
        Matcher words = WORD.matcher(blanked.substring(0, end));
        int depth = 0;
        boolean first = true;
        while (words.find()) {
            String word = words.group().toUpperCase(Locale.ROOT);
            if (first) {
                if (!FIRST.contains(word)) {
                    throw new ConsoleRefusedException("only a SELECT or WITH query may run here (read-only); "
                            + "this statement starts with " + word);
                }
                first = false;
            }
            switch (word) {
                case "(" -> depth++;
                case ")" -> depth--;
                case ";" -> throw new ConsoleRefusedException("one statement only: remove what follows the ';'");
                default -> {
                    if (depth == 0 && STATEMENTS.contains(word)) {
                        throw new ConsoleRefusedException("only a SELECT or WITH query may run here (read-only); "
                                + "found " + word);
                    }
                }
            }
        }
        if (first) {
            throw new ConsoleRefusedException("the SQL is empty: send one SELECT statement as the request body");
        }
        return statement;
    }

    /** Comments, literals and quoted names replaced by {@code #}, positions kept. */
    private static String blank(String sql) {
        Matcher quoted = QUOTED.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        int last = 0;
        while (quoted.find()) {
            // '#': neither a word, nor a blank that the trailing-';' trim would take
            out.append(sql, last, quoted.start()).append("#".repeat(quoted.end() - quoted.start()));
            last = quoted.end();
        }
        return out.append(sql.substring(last)).toString();
    }
}
