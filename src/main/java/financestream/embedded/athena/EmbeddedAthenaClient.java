package financestream.embedded.athena;

import financestream.embedded.Lake;
import financestream.embedded.glue.CatalogNames;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.ColumnNullable;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.EngineVersion;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionContext;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Athena over the {@link Lake}: tables come from the Glue Data Catalog (read through the {@link GlueClient} API
 * only), DuckDB runs the SQL, results are paged as GetQueryResults pages them and written as
 * {@code <outputLocation>/<id>.csv}. Queries run on worker threads, each with a DuckDB of its own kept warm
 * between queries ({@link WarmDuckDb}) and closed when the worker ends (after a minute idle, or when the client is
 * closed); callers poll {@link #getQueryExecution}. Query executions are kept in memory for the life of the client.
 */
public final class EmbeddedAthenaClient implements AthenaClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAthenaClient.class);
    private static final int MAX_RESULTS = 1000;
    private static final String DEFAULT_DATABASE = "default";
    private static final String DEFAULT_WORK_GROUP = "primary";
    private static final Pattern TOKEN = Pattern.compile("(\\d+)");

    private final Lake lake;
    private final boolean athenaDialect;
    private final CatalogViews catalog;
    private final String defaultOutputLocation;
    private final Map<String, QueryRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ThreadLocal<WarmDuckDb> workerDatabase = new ThreadLocal<>();

    /** Every query must name its output location, as with a work group that sets none. */
    public EmbeddedAthenaClient(Lake lake, GlueClient glue) {
        this(lake, glue, null);
    }

    /**
     * @param defaultOutputLocation used when a query names none, as a work group's result location would be;
     *                              {@code null} for none
     */
    public EmbeddedAthenaClient(Lake lake, GlueClient glue, String defaultOutputLocation) {
        this(lake, glue, defaultOutputLocation, true);
    }

    /**
     * @param athenaDialect whether each query must pass Athena's parser and function check first ({@link TrinoDialect});
     *                      false only for tests that hold a query inside DuckDB with DuckDB's own functions
     */
    EmbeddedAthenaClient(Lake lake, GlueClient glue, String defaultOutputLocation, boolean athenaDialect) {
        this.athenaDialect = athenaDialect;
        this.lake = lake;
        this.catalog = new CatalogViews(lake, glue);
        if (defaultOutputLocation != null) {
            lake.resolve(defaultOutputLocation);
        }
        this.defaultOutputLocation = defaultOutputLocation;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        // a fork-join pool wakes the worker that went idle last (a thread pool the one idle longest): queries in
        // sequence keep to one worker, whose DuckDB is warm, and a second worker starts only for a concurrent query.
        // asyncMode: queries start in the order they were submitted
        this.workers = new ForkJoinPool(threads, QueryWorker::new, null, true);
        // DuckDB's first connection in a JVM unpacks and loads its native library (seconds on a busy machine):
        // do it now, in the background, rather than in the first query of a job that has just collected
        workers.execute(this::openDuckDb);
    }

    /** A worker thread that closes its warm DuckDB when it ends: idle for a minute, or the client closed. */
    private final class QueryWorker extends ForkJoinWorkerThread {

        QueryWorker(ForkJoinPool pool) {
            super(pool);
            setName("embedded-athena-query");
        }

        @Override
        protected void onTermination(Throwable exception) {
            try {
                closeWorkerDatabase();
            } finally {
                super.onTermination(exception);
            }
        }
    }

    private void openDuckDb() {
        try {
            workerDatabase();
            LOG.debug("DuckDB loaded");
        } catch (SQLException e) {
            // the first query reports it, as its own failure
            LOG.debug("DuckDB did not load: {}", e.getMessage());
        }
    }

    /** This worker's warm DuckDB, opened on its first query or again if the last one left it unusable. */
    private WarmDuckDb workerDatabase() throws SQLException {
        WarmDuckDb database = workerDatabase.get();
        if (database != null && database.usable()) {
            return database;
        }
        closeWorkerDatabase();
        database = new WarmDuckDb(lake.root().toString());
        workerDatabase.set(database);
        return database;
    }

    private void closeWorkerDatabase() {
        WarmDuckDb database = workerDatabase.get();
        workerDatabase.remove();
        if (database != null) {
            try {
                database.close();
            } catch (SQLException e) {
                LOG.debug("Closing a worker's DuckDB: {}", e.getMessage());
            }
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Stops the running queries; each worker closes its DuckDB as it ends. */
    @Override
    public void close() {
        runs.values().forEach(QueryRun::cancel);
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
        if (request.queryString() == null || request.queryString().isBlank()) {
            throw AthenaErrors.invalidRequest("QueryString must not be empty");
        }
        String output = request.resultConfiguration() == null ? null : request.resultConfiguration().outputLocation();
        if (output == null || output.isBlank()) {
            output = defaultOutputLocation;
        }
        if (output == null) {
            throw AthenaErrors.invalidRequest("No output location provided. An output location is required either "
                    + "through the Workgroup result configuration setting or as an API input.");
        }
        try {
            lake.resolve(output);
        } catch (IllegalArgumentException e) {
            throw AthenaErrors.invalidRequest("outputLocation is not a valid S3 path: " + output);
        }
        String database = request.queryExecutionContext() == null || request.queryExecutionContext().database() == null
                ? DEFAULT_DATABASE : request.queryExecutionContext().database().toLowerCase(Locale.ROOT);
        if (!CatalogNames.isValid(database)) {
            throw AthenaErrors.invalidRequest("Invalid database name: " + database);
        }
        String workGroup = request.workGroup() == null ? DEFAULT_WORK_GROUP : request.workGroup();

        String id = UUID.randomUUID().toString();
        String csv = (output.endsWith("/") ? output : output + "/") + id + ".csv";
        QueryRun run = new QueryRun(id, request.queryString(), database, workGroup, csv);
        runs.put(id, run);
        workers.execute(() -> execute(run));
        return StartQueryExecutionResponse.builder().queryExecutionId(id).build();
    }

    private void execute(QueryRun run) {
        TrinoDialect.Translation translation;
        try {
            translation = athenaDialect ? TrinoDialect.toDuckDb(run.query)
                    : new TrinoDialect.Translation(run.query, List.of());
        } catch (TrinoDialect.Refused refused) {
            // Athena refuses it before running it: FAILED without having started
            if (run.start(new DuckDbQuery(run.query))) {
                run.fail(refused.getMessage());
                LOG.info("Query {} {}: {}", run.id, run.state(), refused.getMessage());
            }
            return;
        }
        DuckDbQuery query = new DuckDbQuery(translation.sql(), translation.columnNames());
        if (!run.start(query)) {
            return;
        }
        try {
            CatalogViews.Definitions views = catalog.define();
            QueryResult result = workerDatabase().run(query, views, run.database);
            AthenaCsv.write(result, lake.resolve(run.outputLocation));
            run.succeed(result, scannedBytes(views, run.query));
            LOG.debug("Query {} succeeded with {} row(s)", run.id, result.rows().size());
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            run.fail(reason);
            LOG.info("Query {} {}: {}", run.id, run.state(), reason);
        }
    }

    /** Roughly what Athena bills: the bytes of every table the query names (no pruning is modelled). */
    private static long scannedBytes(CatalogViews.Definitions views, String query) {
        String sql = query.toLowerCase(Locale.ROOT);
        return views.bytesByTable().entrySet().stream()
                .filter(table -> Pattern.compile("\\b" + Pattern.quote(table.getKey()) + "\\b").matcher(sql).find())
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
        run(request.queryExecutionId()).cancel();
        return StopQueryExecutionResponse.builder().build();
    }

    @Override
    public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
        QueryRun run = run(request.queryExecutionId());
        QueryExecutionState state = run.state();
        Instant started = run.started();
        Instant completed = run.completed();
        Instant end = completed == null ? Instant.now() : completed;
        QueryExecutionStatistics.Builder statistics = QueryExecutionStatistics.builder()
                .dataScannedInBytes(run.dataScannedBytes())
                .totalExecutionTimeInMillis(Duration.between(run.submitted, end).toMillis())
                .queryQueueTimeInMillis(Duration.between(run.submitted, started == null ? end : started).toMillis())
                .engineExecutionTimeInMillis(started == null ? 0L : Duration.between(started, end).toMillis());
        QueryExecution execution = QueryExecution.builder()
                .queryExecutionId(run.id)
                .query(run.query)
                .statementType(StatementType.DML)
                .resultConfiguration(ResultConfiguration.builder().outputLocation(run.outputLocation).build())
                .queryExecutionContext(QueryExecutionContext.builder().database(run.database)
                        .catalog("awsdatacatalog").build())
                .status(QueryExecutionStatus.builder()
                        .state(state)
                        .stateChangeReason(run.stateChangeReason())
                        .submissionDateTime(run.submitted)
                        .completionDateTime(completed)
                        .build())
                .statistics(statistics.build())
                .workGroup(run.workGroup)
                .engineVersion(EngineVersion.builder().selectedEngineVersion("AUTO")
                        .effectiveEngineVersion("Athena engine version 3").build())
                .build();
        return GetQueryExecutionResponse.builder().queryExecution(execution).build();
    }

    /**
     * One page of results. As on Athena, a SELECT's header row is the first row of the result stream, so it is
     * the first row of the first page and counts towards {@code maxResults}.
     */
    @Override
    public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
        int maxResults = request.maxResults() == null ? MAX_RESULTS : request.maxResults();
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw AthenaErrors.invalidRequest("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to "
                    + MAX_RESULTS + " and greater than or equal to 1");
        }
        QueryRun run = run(request.queryExecutionId());
        QueryExecutionState state = run.state();
        if (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING) {
            throw AthenaErrors.invalidRequest("Query has not yet finished. Current state: " + state);
        }
        if (state != QueryExecutionState.SUCCEEDED) {
            throw AthenaErrors.invalidRequest(run.stateChangeReason());
        }
        QueryResult result = run.result();
        List<Row> stream = new ArrayList<>();
        int total = result.rows().size() + (result.header() ? 1 : 0);
        int from = offset(request.nextToken(), total);
        int to = Math.min(from + maxResults, total);
        for (int i = from; i < to; i++) {
            stream.add(row(result, i));
        }
        List<ColumnInfo> columns = result.columns().stream().map(column -> ColumnInfo.builder()
                .catalogName("hive").schemaName("").tableName("")
                .name(column.name()).label(column.name()).type(column.type())
                .precision(column.precision()).scale(column.scale())
                .nullable(ColumnNullable.UNKNOWN).caseSensitive("varchar".equals(column.type()))
                .build()).toList();
        return GetQueryResultsResponse.builder()
                .resultSet(ResultSet.builder().rows(stream)
                        .resultSetMetadata(ResultSetMetadata.builder().columnInfo(columns).build()).build())
                .nextToken(to < total ? Integer.toString(to) : null)
                .updateCount(0L)
                .build();
    }

    private static Row row(QueryResult result, int streamIndex) {
        List<String> values;
        if (result.header()) {
            values = streamIndex == 0
                    ? result.columns().stream().map(QueryResult.ResultColumn::name).toList()
                    : result.rows().get(streamIndex - 1);
        } else {
            values = result.rows().get(streamIndex);
        }
        List<Datum> data = new ArrayList<>(values.size());
        for (String value : values) {
            data.add(value == null ? Datum.builder().build() : Datum.builder().varCharValue(value).build());
        }
        return Row.builder().data(data).build();
    }

    private static int offset(String token, int total) {
        if (token == null) {
            return 0;
        }
        if (!TOKEN.matcher(token).matches() || Long.parseLong(token) >= total) {
            throw AthenaErrors.invalidRequest("Invalid nextToken: " + token);
        }
        return Integer.parseInt(token);
    }

    private QueryRun run(String id) {
        QueryRun run = id == null ? null : runs.get(id);
        if (run == null) {
            throw AthenaErrors.invalidRequest("QueryExecution " + id + " was not found");
        }
        return run;
    }
}
