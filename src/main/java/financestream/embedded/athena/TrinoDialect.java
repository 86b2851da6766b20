package financestream.embedded.athena;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.ParsingOptions;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.SimpleGroupBy;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.NodeLocation;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.TableFunctionInvocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Athena's SQL on DuckDB: each query is first parsed by Trino's own parser (Athena engine version 3 runs Trino), so
 * what Athena would refuse is refused here too, with Athena's message; then the functions that DuckDB has under the
 * same name but with another meaning are pointed at macros with Trino's meaning ({@link #MACROS}), or refused with
 * the reason. What is translated and what is refused: docs/athena-dialect.md.
 */
final class TrinoDialect {

    /** The schema of the embedded database that holds the macros (outside every catalog a query can name). */
    static final String MACRO_SCHEMA = "memory.main";

    /**
     * Trino functions whose DuckDB namesake means something else, as macros with Trino's meaning: created once in
     * each DuckDB ({@link WarmDuckDb}), called by their qualified name so no query can shadow or drop them.
     */
    static final List<String> MACROS = List.of(
            // Trino: start 0, or a start beyond either end, gives ''; DuckDB counts from position 0 and clamps
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_substr(s, st) AS CASE WHEN st = 0 OR abs(st) > length(s) THEN ''"
                    + " ELSE substring(s, st) END,"
                    + " (s, st, n) AS CASE WHEN st = 0 OR abs(st) > length(s) OR n <= 0 THEN '' ELSE substring(s, st, n) END",
            // Trino: concat with a NULL argument is NULL; DuckDB's concat skips NULLs (its || does not)
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_concat(a, b) AS a || b, (a, b, c) AS a || b || c,"
                    + " (a, b, c, d) AS a || b || c || d, (a, b, c, d, e) AS a || b || c || d || e",
            // Trino: complete units elapsed; DuckDB's date_diff counts unit boundaries crossed, its date_sub elapsed units
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_date_diff(unit, a, b) AS date_sub(unit, a, b)",
            // Trino: ISO day of the week, Monday 1 to Sunday 7; DuckDB's dayofweek is Sunday 0 to Saturday 6
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_day_of_week(x) AS isodow(x)",
            // Trino functions DuckDB has under another name
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_to_unixtime(x) AS epoch(x)",
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_regexp_like(s, p) AS regexp_matches(s, p)",
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_array_join(a, sep) AS array_to_string(a, sep)",
            // both ends included, as DuckDB's generate_series (its range leaves out the stop)
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_sequence(a, b) AS generate_series(a, b),"
                    + " (a, b, step) AS generate_series(a, b, step)",
            "CREATE MACRO " + MACRO_SCHEMA + ".trino_from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)");

    /** Trino function name → the macro with its meaning. */
    private static final Map<String, String> TRANSLATED = Map.ofEntries(
            Map.entry("substr", "trino_substr"),
            Map.entry("substring", "trino_substr"),
            Map.entry("concat", "trino_concat"),
            Map.entry("date_diff", "trino_date_diff"),
            Map.entry("day_of_week", "trino_day_of_week"),
            Map.entry("dow", "trino_day_of_week"),
            Map.entry("to_unixtime", "trino_to_unixtime"),
            Map.entry("regexp_like", "trino_regexp_like"),
            Map.entry("from_iso8601_timestamp", "trino_from_iso8601_timestamp"),
            Map.entry("sequence", "trino_sequence"),
            Map.entry("array_join", "trino_array_join"));

    /** Functions Athena has that the embedded engine cannot run with Athena's meaning, and why. */
    static final Map<String, String> REFUSED = Map.of(
            "date_parse", "its format uses MySQL specifiers (%i for minutes, %s for seconds) that DuckDB's strptime "
                    + "reads otherwise; use CAST(s AS timestamp) or date(s)",
            "date_format", "its format uses MySQL specifiers (%i for minutes) that DuckDB's strftime reads otherwise; "
                    + "use CAST, substr or extract",
            "format_datetime", "its format is Joda-Time's (HH:mm), which DuckDB does not read; use CAST, substr or "
                    + "extract",
            "parse_datetime", "its format is Joda-Time's (HH:mm), which DuckDB does not read; use CAST(s AS timestamp)",
            "approx_percentile", "Athena's t-digest and DuckDB's give different values; use min, max or an exact "
                    + "ranking (row_number) instead",
            "approx_distinct", "Athena's HyperLogLog and DuckDB's estimate differently (the 390 minutes of a session: "
                    + "Athena 389, DuckDB 386); use count(DISTINCT x)",
            "at_timezone", "the embedded engine keeps no time zone in a value; convert with AT TIME ZONE and read a "
                    + "field (hour(...)) or CAST to timestamp",
            "with_timezone", "the embedded engine keeps no time zone in a value",
            "to_iso8601", "DuckDB prints the value otherwise; use CAST(x AS varchar)");

    /** Not in SHOW FUNCTIONS, but function calls to Trino's parser and known to its analyzer. */
    private static final Set<String> SPECIAL_FORMS = Set.of("try");

    private static final Set<String> TRINO_FUNCTIONS = load("trino-476-functions.txt");
    private static final SqlParser PARSER = new SqlParser();
    private static final ParsingOptions OPTIONS = new ParsingOptions(ParsingOptions.DecimalLiteralTreatment.AS_DECIMAL);

    /** A query Athena would refuse, with the reason as Athena's GetQueryExecution gives it. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private TrinoDialect() {
    }

    /**
     * A query as DuckDB runs it with Trino's meaning, and the names Trino gives its result's columns ({@code _col0}
     * for an unnamed expression, where DuckDB would name it after the expression); empty names when the query says
     * {@code *} somewhere in its select list, or is no query.
     */
    record Translation(String sql, List<String> columnNames) {
    }

    /** The query as DuckDB runs it with Trino's meaning; {@link Refused} with Athena's reason when Athena would refuse it. */
    static Translation toDuckDb(String sql) throws Refused {
        Statement statement;
        try {
            statement = PARSER.createStatement(sql, OPTIONS);
        } catch (ParsingException e) {
            // what Athena answers for a query its parser rejects: "line 1:9: mismatched input ':'. Expecting: ..."
            throw new Refused(e.getMessage());
        } catch (RuntimeException e) {
            // the parser's stack overflow guard and the like
            throw new Refused("SYNTAX_ERROR: " + e.getMessage());
        }
        List<Rename> renames = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        new DefaultTraversalVisitor<Void>() {
            @Override
            protected Void visitFunctionCall(FunctionCall call, Void context) {
                String name = call.getName().toString().toLowerCase(Locale.ROOT);
                String at = call.getLocation().map(TrinoDialect::line).orElse("line 1:1");
                if (!TRINO_FUNCTIONS.contains(name) && !SPECIAL_FORMS.contains(name)) {
                    refusals.add("FUNCTION_NOT_FOUND: " + at + ": Function '" + name + "' not registered");
                } else if (REFUSED.containsKey(name)) {
                    refusals.add("NOT_SUPPORTED: " + at + ": the embedded Athena does not run " + name + "() as Athena "
                            + "does: " + REFUSED.get(name));
                } else if (TRANSLATED.containsKey(name) && call.getLocation().isPresent()) {
                    renames.add(new Rename(call.getLocation().get(), name, MACRO_SCHEMA + "." + TRANSLATED.get(name)));
                }
                return super.visitFunctionCall(call, context);
            }

            @Override
            protected Void visitSimpleGroupBy(SimpleGroupBy group, Void context) {
                // DuckDB's GROUP BY ALL; Trino reads ALL as a column name
                for (Expression expression : group.getExpressions()) {
                    if (expression instanceof Identifier identifier && !identifier.isDelimited()
                            && identifier.getValue().equalsIgnoreCase("all")) {
                        refusals.add("COLUMN_NOT_FOUND: " + identifier.getLocation().map(TrinoDialect::line)
                                .orElse("line 1:1") + ": Column 'all' cannot be resolved");
                    }
                }
                return super.visitSimpleGroupBy(group, context);
            }

            @Override
            protected Void visitTableFunctionInvocation(TableFunctionInvocation call, Void context) {
                // Athena has none that reads files; DuckDB's read_csv, range and the like must not run either
                refusals.add("FUNCTION_NOT_FOUND: " + call.getLocation().map(TrinoDialect::line).orElse("line 1:1")
                        + ": Table function '" + call.getName().toString().toLowerCase(Locale.ROOT) + "' not registered");
                return super.visitTableFunctionInvocation(call, context);
            }
        }.process(statement, null);
        if (!refusals.isEmpty()) {
            // Trino reports the first one it meets; the traversal meets them in the query's order
            throw new Refused(refusals.get(0));
        }
        return new Translation(rename(sql, renames), columnNames(statement));
    }

    private static List<String> columnNames(Statement statement) {
        if (!(statement instanceof Query query)) {
            return List.of();
        }
        QueryBody body = query.getQueryBody();
        while (!(body instanceof QuerySpecification)) {
            if (body instanceof SetOperation set && set.getRelations().get(0) instanceof QueryBody first) {
                body = first;
            } else if (body instanceof TableSubquery subquery) {
                body = subquery.getQuery().getQueryBody();
            } else {
                return List.of();
            }
        }
        List<String> names = new ArrayList<>();
        for (SelectItem item : ((QuerySpecification) body).getSelect().getSelectItems()) {
            if (!(item instanceof SingleColumn column)) {
                return List.of();
            }
            Expression expression = column.getExpression();
            if (column.getAlias().isPresent()) {
                names.add(column.getAlias().get().getValue());
            } else if (expression instanceof Identifier identifier) {
                names.add(identifier.getValue());
            } else if (expression instanceof DereferenceExpression dereference && dereference.getField().isPresent()) {
                names.add(dereference.getField().get().getValue());
            } else {
                names.add("_col" + names.size());
            }
        }
        return names;
    }

    private record Rename(NodeLocation location, String name, String replacement) {
    }

    /** Replaces each call's function name in the text, last first so earlier offsets stay right. */
    private static String rename(String sql, List<Rename> renames) throws Refused {
        StringBuilder out = new StringBuilder(sql);
        List<int[]> lineStarts = lineStarts(sql);
        for (Rename rename : renames.stream()
                .sorted(Comparator.comparingInt((Rename r) -> r.location().getLineNumber())
                        .thenComparingInt(r -> r.location().getColumnNumber()).reversed()).toList()) {
            int start = lineStarts.get(rename.location().getLineNumber() - 1)[0]
                    + rename.location().getColumnNumber() - 1;
            int end = nameEnd(sql, start);
            String written = sql.substring(start, end);
            String unquoted = written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                    : written;
            boolean call = unquoted.equalsIgnoreCase(rename.name()) && sql.substring(end).stripLeading().startsWith("(");
            if (!call && rename.name().equals("concat")) {
                // a || b, which the parser reads as concat(a, b): DuckDB's || already gives NULL for a NULL
                continue;
            }
            if (!call) {
                // SUBSTRING(s FROM a FOR b) and other special syntax: no plain call to rename
                throw new Refused("NOT_SUPPORTED: " + line(rename.location()) + ": the embedded Athena runs "
                        + rename.name() + " as Athena does only when written " + rename.name() + "(a, b, ...)");
            }
            out.replace(start, end, rename.replacement());
        }
        return out.toString();
    }

    private static int nameEnd(String sql, int start) {
        int i = start;
        if (i < sql.length() && sql.charAt(i) == '"') {
            i++;
            while (i < sql.length()) {
                if (sql.charAt(i) == '"' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '"')) {
                    return i + 1;
                }
                i += sql.charAt(i) == '"' ? 2 : 1;
            }
            return i;
        }
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static List<int[]> lineStarts(String sql) {
        List<int[]> starts = new ArrayList<>();
        starts.add(new int[] {0});
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                starts.add(new int[] {i + 1});
            }
        }
        return starts;
    }

    private static String line(NodeLocation location) {
        return "line " + location.getLineNumber() + ":" + location.getColumnNumber();
    }

    /** The names of the functions Trino 476 has (its SHOW FUNCTIONS, checked by the conformance suite). */
    static Set<String> trinoFunctions() {
        return TRINO_FUNCTIONS;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = TrinoDialect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
