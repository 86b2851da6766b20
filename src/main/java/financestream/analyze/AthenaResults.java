package financestream.analyze;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * What the analyze route needs from Athena's answers that Camel's component leaves to the caller: a FAILED or
 * CANCELLED query does not throw in Camel, and result pages carry the header as the first row of the first page.
 */
public class AthenaResults {

    /** Passes a succeeded query through; fails with Athena's own reason otherwise. */
    public GetQueryExecutionResponse requireSucceeded(GetQueryExecutionResponse response) {
        if (response == null) {
            throw new AthenaQueryFailedException("The Athena query was started but not awaited: set a positive "
                    + "athena.wait-timeout-ms so the route waits for a final state");
        }
        QueryExecution execution = response.queryExecution();
        QueryExecutionState state = execution.status().state();
        if (state == QueryExecutionState.SUCCEEDED) {
            return response;
        }
        String reason = execution.status().stateChangeReason();
        String what = state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING
                ? "did not finish within athena.wait-timeout-ms (still " + state + ")"
                : state + (reason == null ? "" : ": " + reason);
        throw new AthenaQueryFailedException("Athena query " + execution.queryExecutionId() + " " + what
                + "\n  query: " + execution.query());
    }

    /** All pages of a query's results as one table, without the header row Athena puts first. */
    public ResultTable toTable(Iterable<GetQueryResultsResponse> pages) {
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        boolean headerSkipped = false;
        for (GetQueryResultsResponse page : pages) {
            if (columns == null) {
                columns = page.resultSet().resultSetMetadata().columnInfo().stream()
                        .map(c -> c.name()).toList();
            }
            for (Row row : page.resultSet().rows()) {
                List<String> values = row.data().stream().map(Datum::varCharValue).toList();
                if (!headerSkipped) {
                    headerSkipped = true;
                    if (values.equals(columns)) {
                        continue;
                    }
                }
                rows.add(new ArrayList<>(values));
            }
        }
        return new ResultTable(columns == null ? List.of() : columns, rows);
    }

    /** A query that did not succeed. */
    public static class AthenaQueryFailedException extends RuntimeException {
        public AthenaQueryFailedException(String message) {
            super(message);
        }
    }
}
