package financestream.query;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import financestream.analyze.AthenaResults.AthenaQueryFailedException;
import financestream.analyze.ResultTable;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.support.DefaultExchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code finance-stream query "SELECT …"}: one query through the same Athena path as the analyze step (the
 * embedded DuckDB, or Athena with {@code CAMEL_MAIN_PROFILE=aws}), on the lake as it is (no collect; no crawl
 * unless {@code --crawl}). Exit 0 with the answer, 1 if the query failed (the engine's reason and where in the
 * SQL), 2 for empty SQL or an unreadable file.
 */
public final class QueryRunner {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** What the command was asked. */
    public record Request(String sql, Path file, ResultFormat format, Path output, boolean crawl) {
    }

    private final PrintStream out;
    private final PrintStream err;

    public QueryRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Reads the SQL (argument or file), runs it, prints or writes the answer; returns the exit code. */
    public int run(Request request, Properties overrides) {
        String sql;
        try {
            sql = request.file() != null ? Files.readString(request.file(), StandardCharsets.UTF_8) : request.sql();
        } catch (IOException e) {
            err.println("finance-stream query: cannot read " + request.file() + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
            return BAD_INPUT;
        }
        if (sql == null || sql.isBlank()) {
            err.println("finance-stream query: the SQL is empty" + (request.file() != null ? " (" + request.file() + ")"
                    : "; give it as an argument, e.g. query \"SELECT count(*) FROM bars\", or with --file q.sql"));
            return BAD_INPUT;
        }
        // the answer is the output: Camel's start-up lines would be in its way (faults still print)
        Configurator.setRootLevel(Level.ERROR);
        Main main = LakeApp.create(overrides, request.crawl()
                ? LakeApp.QUERY_ROUTES + "," + LakeApp.CRAWL_ROUTES : LakeApp.QUERY_ROUTES);
        try {
            main.start();
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            if (request.crawl()) {
                Exchange crawl = template.send("direct:crawl", new DefaultExchange(main.getCamelContext()));
                if (crawl.getException() != null) {
                    err.println("finance-stream query: the crawl failed: " + crawl.getException().getMessage());
                    return FAILED;
                }
            }
            Exchange exchange = new DefaultExchange(main.getCamelContext());
            exchange.getMessage().setBody(sql);
            template.send("direct:athena-query", exchange);
            if (exchange.getException() != null) {
                err.println(failure(exchange.getException(), sql,
                        exchange.getProperty(AthenaSql.LINES_ADDED, 0, Integer.class)));
                return FAILED;
            }
            String answer = request.format().format(exchange.getMessage().getBody(ResultTable.class));
            if (request.output() != null) {
                Files.writeString(request.output(), answer, StandardCharsets.UTF_8);
            } else {
                out.print(answer);
                out.flush();
            }
            return OK;
        } catch (IOException e) {
            err.println("finance-stream query: cannot write " + request.output() + ": " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println("finance-stream query: " + rootMessage(e));
            return FAILED;
        } finally {
            main.stop();
        }
    }

    /** The engine's reason, and where in the user's SQL it went wrong when the engine says. */
    static String failure(Exception exception, String sql, int linesAdded) {
        String reason = exception instanceof AthenaQueryFailedException
                ? exception.getMessage().replaceFirst("(?s)\\n  query: .*$", "") : rootMessage(exception);
        StringBuilder text = new StringBuilder("finance-stream query: ").append(reason);
        SqlPosition.in(reason, sql, linesAdded).ifPresent(position -> text.append("\n").append(position.show(sql)));
        return text.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
