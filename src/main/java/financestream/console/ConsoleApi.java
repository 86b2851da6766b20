package financestream.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import financestream.analyze.AthenaResults.AthenaQueryFailedException;
import financestream.analyze.LatestOutcomes;
import financestream.analyze.ResultTable;
import financestream.query.AthenaSql;
import financestream.query.SqlPosition;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;

/**
 * What the console's routes (routes/console/) call: the read-only gate, the answers as Athena-style CSV or JSON,
 * the refusals as HTTP 400 with the reason, the latest answer and the lake's status.
 */
public class ConsoleApi {

    public static final String BEAN_NAME = "console";
    private static final String QUERY_ID = "CamelAwsAthenaQueryExecutionId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxRows;
    private final long timeoutMs;
    private final Duration refresh;
    private final LatestOutcomes outcomes;
    private final GlueClient glue;
    private final String crawler;
    private final Map<String, String> chart;
    private final Clock clock;

    private volatile ResultTable newestBars;
    private volatile Instant newestBarsAt;
    private volatile String newestBarsFault;

    public ConsoleApi(int maxRows, long timeoutMs, Duration refresh, LatestOutcomes outcomes, GlueClient glue,
                      String crawler, Map<String, String> chart, Clock clock) {
        this.maxRows = maxRows;
        this.timeoutMs = timeoutMs;
        this.refresh = refresh;
        this.outcomes = outcomes;
        this.glue = glue;
        this.crawler = crawler;
        this.chart = chart;
        this.clock = clock;
    }

    private static final String PAGE = page("console/index.html");

    private static String page(String resource) {
        try (var in = ConsoleApi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the console page " + resource + " is not in the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GET /: the page. */
    public void page(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getMessage().setBody(PAGE);
    }

    /** The request's SQL if the console may run it, with the row limit and the timeout for the Athena path. */
    public void readOnly(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof Map) {
            throw new ConsoleRefusedException("send the SQL as the request body with Content-Type: text/plain "
                    + "(a form's encoding changes '+' and '&'), e.g. curl --data-binary @q.sql -H 'Content-Type: text/plain'");
        }
        String sql = ReadOnlySql.check(exchange.getMessage().getBody(String.class));
        exchange.setProperty("consoleSql", sql);
        exchange.setProperty("consoleAccept", exchange.getMessage().getHeader("Accept", String.class));
        exchange.setProperty("athenaMaxRows", maxRows);
        exchange.setProperty("athenaWaitTimeout", timeoutMs);
        exchange.getMessage().setBody(sql);
    }

    /** The answer as Athena writes it (CSV with a header row), or JSON when the client accepts it. */
    public void answer(Exchange exchange) {
        String queryId = exchange.getMessage().getHeader(QUERY_ID, String.class);
        ResultTable table = exchange.getMessage().getBody(ResultTable.class);
        boolean truncated = table.size() > maxRows;
        if (truncated) {
            table = new ResultTable(table.columns(), table.rows().subList(0, maxRows));
        }
        if (wantsJson(exchange)) {
            Map<String, Object> body = table(table);
            body.put("truncated", truncated);
            body.put("maxRows", maxRows);
            json(exchange, 200, body);
        } else {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"answer.csv\"");
            exchange.getMessage().setBody(table.toCsv());
        }
        exchange.getMessage().setHeader("X-Row-Limit", String.valueOf(maxRows));
        exchange.getMessage().setHeader("X-Truncated", String.valueOf(truncated));
        queryIdHeader(exchange, queryId);
    }

    /** The Athena query execution id, to look the query up in Athena's history (or the embedded engine's). */
    private static void queryIdHeader(Exchange exchange, String queryId) {
        if (queryId != null) {
            exchange.getMessage().setHeader("X-Athena-Query-Execution-Id", queryId);
        }
    }

    /** HTTP 400 with the reason: a refused statement, the engine's failure (and where in the SQL), a timeout. */
    public void refused(Exchange exchange) {
        String queryId = exchange.getMessage().getHeader(QUERY_ID, String.class);
        Exception exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String sql = exchange.getProperty("consoleSql", "", String.class);
        String reason = reason(exchange, exception, sql);
        if (wantsJson(exchange)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", reason);
            json(exchange, 400, body);
        } else {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getMessage().setBody(reason + "\n");
        }
        queryIdHeader(exchange, queryId);
    }

    /** Camel's aws2-athena has no StopQueryExecution: a query that timed out is stopped with the client. */
    public void stopIfRunning(Exchange exchange) {
        String id = exchange.getMessage().getHeader(QUERY_ID, String.class);
        if (stillRunning(exchange) && id != null) {
            exchange.getContext().getRegistry().findSingleByType(AthenaClient.class)
                    .stopQueryExecution(r -> r.queryExecutionId(id));
        }
    }

    /** Whether the failed query is still running on the engine (it timed out): the route then stops it. */
    public boolean stillRunning(Exchange exchange) {
        String state = exchange.getMessage().getHeader("CamelAwsAthenaQueryExecutionState", String.class);
        return "RUNNING".equals(state) || "QUEUED".equals(state);
    }

    private String reason(Exchange exchange, Exception exception, String sql) {
        if (exception instanceof ConsoleRefusedException) {
            return exception.getMessage();
        }
        if (stillRunning(exchange)) {
            return "the query did not finish within console.timeout-ms = " + timeoutMs + " ms and was stopped";
        }
        if (exception instanceof AthenaQueryFailedException) {
            String reason = exception.getMessage().replaceFirst("(?s)\\n  query: .*$", "");
            int linesAdded = exchange.getProperty(AthenaSql.LINES_ADDED, 0, Integer.class);
            return SqlPosition.in(reason, sql, linesAdded).map(p -> reason + "\n" + p.show(sql)).orElse(reason);
        }
        return exception == null ? "refused" : String.valueOf(exception.getMessage());
    }

    /** GET /api/answer: the latest answer of the analysis, its time and query, and the chart's columns. */
    public void latestAnswer(Exchange exchange) {
        Optional<LatestOutcomes.Answer> latest = outcomes.latestAnswer();
        Map<String, Object> body = new LinkedHashMap<>();
        if (latest.isEmpty()) {
            body.put("answer", null);
        } else {
            Map<String, Object> answer = table(latest.get().table());
            answer.put("at", latest.get().at().toString());
            answer.put("query", latest.get().query());
            answer.put("chart", chart);
            body.put("answer", answer);
        }
        json(exchange, 200, body);
    }

    /** Whether the newest-bars table is older than console.refresh-seconds (or an analysis answered since). */
    public boolean newestBarsStale() {
        Instant at = newestBarsAt;
        Instant answered = outcomes.latestAnswer().map(LatestOutcomes.Answer::at).orElse(Instant.MIN);
        return at == null || at.plus(refresh).isBefore(clock.instant()) || answered.isAfter(at);
    }

    public void newestBars(ResultTable table) {
        newestBars = table;
        newestBarsAt = clock.instant();
        newestBarsFault = null;
    }

    public void newestBarsFailed(Exception exception) {
        newestBarsAt = clock.instant();
        newestBarsFault = exception == null ? "failed" : exception.getMessage();
    }

    /** GET /api/status: each symbol's newest bar, the last collect, crawl and query outcomes, the clock. */
    public void status(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        ResultTable bars = newestBars;
        body.put("newestBars", bars == null ? List.of() : table(bars).get("rows"));
        body.put("newestBarsAt", newestBarsAt == null ? null : newestBarsAt.toString());
        body.put("newestBarsFault", newestBarsFault);
        Map<String, Object> steps = new LinkedHashMap<>();
        outcomes.outcomes().forEach((step, outcome) -> steps.put(step, Map.of("ok", outcome.ok(),
                "message", outcome.message(), "at", outcome.at().toString())));
        if (!steps.containsKey("crawl")) {
            lastCrawl().ifPresent(crawl -> steps.put("crawl", crawl));
        }
        body.put("outcomes", steps);
        json(exchange, 200, body);
    }

    /** The crawler's own last run, as Glue reports it (a crawl by another process, or before this one started). */
    private Optional<Map<String, Object>> lastCrawl() {
        try {
            LastCrawlInfo last = glue.getCrawler(r -> r.name(crawler)).crawler().lastCrawl();
            if (last == null) {
                return Optional.empty();
            }
            Map<String, Object> crawl = new LinkedHashMap<>();
            crawl.put("ok", "SUCCEEDED".equals(last.statusAsString()));
            crawl.put("message", "Glue: " + last.statusAsString()
                    + (last.errorMessage() == null ? "" : ": " + last.errorMessage()));
            crawl.put("at", last.startTime() == null ? null : last.startTime().toString());
            return Optional.of(crawl);
        } catch (RuntimeException e) {
            return Optional.of(Map.of("ok", false, "message", "Glue GetCrawler " + crawler + ": " + e.getMessage()));
        }
    }

    private static Map<String, Object> table(ResultTable table) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", table.columns());
        body.put("rows", new ArrayList<>(table.rows()));
        return body;
    }

    private static boolean wantsJson(Exchange exchange) {
        String accept = exchange.getProperty("consoleAccept", String.class);
        if (accept == null) {
            accept = exchange.getMessage().getHeader("Accept", String.class);
        }
        return accept != null && accept.contains("application/json");
    }

    private static void json(Exchange exchange, int status, Object body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
