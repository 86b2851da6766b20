package financestream.embedded.athena;

import java.time.Instant;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/** One query execution's lifecycle: QUEUED → RUNNING → SUCCEEDED / FAILED / CANCELLED. Thread-safe. */
final class QueryRun {

    final String id;
    final String query;
    final String database;
    final String workGroup;
    final String outputLocation;
    final Instant submitted = Instant.now();

    private QueryExecutionState state = QueryExecutionState.QUEUED;
    private String stateChangeReason;
    private Instant started;
    private Instant completed;
    private long dataScannedBytes;
    private QueryResult result;
    private DuckDbQuery engine;

    QueryRun(String id, String query, String database, String workGroup, String outputLocation) {
        this.id = id;
        this.query = query;
        this.database = database;
        this.workGroup = workGroup;
        this.outputLocation = outputLocation;
    }

    /** False if the query was cancelled while queued. */
    synchronized boolean start(DuckDbQuery engine) {
        if (state != QueryExecutionState.QUEUED) {
            return false;
        }
        this.engine = engine;
        state = QueryExecutionState.RUNNING;
        started = Instant.now();
        return true;
    }

    synchronized void succeed(QueryResult result, long dataScannedBytes) {
        finish(QueryExecutionState.SUCCEEDED, null);
        this.result = result;
        this.dataScannedBytes = dataScannedBytes;
    }

    synchronized void fail(String reason) {
        finish(engine != null && engine.isCancelled() ? QueryExecutionState.CANCELLED : QueryExecutionState.FAILED,
                engine != null && engine.isCancelled() ? "Query cancelled by user" : reason);
    }

    synchronized void cancel() {
        if (state == QueryExecutionState.QUEUED) {
            finish(QueryExecutionState.CANCELLED, "Query cancelled by user");
        } else if (state == QueryExecutionState.RUNNING && engine != null) {
            engine.cancel();
        }
    }

    private void finish(QueryExecutionState finalState, String reason) {
        state = finalState;
        stateChangeReason = reason;
        completed = Instant.now();
        engine = null;
    }

    synchronized QueryExecutionState state() {
        return state;
    }

    synchronized String stateChangeReason() {
        return stateChangeReason;
    }

    synchronized Instant completed() {
        return completed;
    }

    synchronized Instant started() {
        return started;
    }

    synchronized long dataScannedBytes() {
        return dataScannedBytes;
    }

    synchronized QueryResult result() {
        return result;
    }
}
