package financestream.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import financestream.embedded.Lake;
import financestream.embedded.athena.EmbeddedAthenaClient;
import financestream.embedded.glue.CrawlerDefinition;
import financestream.embedded.glue.EmbeddedGlueClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

import static org.awaitility.Awaitility.await;

/** What a user sees in a lake the app built: the objects under the bars prefix, and what Athena answers over it. */
final class LakeFiles {

    static final String BUCKET = "finance-stream-lake";

    private LakeFiles() {
    }

    /** The data objects under s3://finance-stream-lake/bars/ (not '_' or '.' names, which no reader sees). */
    static List<Path> objects(Path lakeDir) {
        Path bars = lakeDir.resolve(BUCKET).resolve("bars");
        if (!Files.isDirectory(bars)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(bars)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            // the app may be writing while we look
            return List.of();
        }
    }

    /** Every file anywhere under the bucket, hidden ones included. */
    static List<Path> everythingInTheBucket(Path lakeDir) throws IOException {
        Path bucket = lakeDir.resolve(BUCKET);
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The lines of every object, in key order. */
    static List<String> records(Path lakeDir) {
        List<String> lines = new ArrayList<>();
        for (Path object : objects(lakeDir)) {
            try {
                lines.addAll(Files.readString(object, StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /**
     * Runs SQL on the embedded Athena over the lake's catalog as the app's crawler left it, as a user would in the
     * console; answers the rows without the header.
     */
    static List<List<String>> query(Path lakeDir, String sql) {
        Lake lake = new Lake(lakeDir);
        try (EmbeddedGlueClient glue = new EmbeddedGlueClient(lake, List.of(new CrawlerDefinition(
                "finance-stream-crawler", "finance_stream", "s3://finance-stream-lake/bars/")));
             EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake, glue)) {
            String id = athena.startQueryExecution(r -> r.queryString(sql)
                    .queryExecutionContext(c -> c.database("finance_stream"))
                    .resultConfiguration(c -> c.outputLocation("s3://finance-stream-lake/test-queries/")))
                    .queryExecutionId();
            QueryExecution done = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(
                    () -> athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution(),
                    q -> q.status().state() != QueryExecutionState.QUEUED
                            && q.status().state() != QueryExecutionState.RUNNING);
            if (done.status().state() != QueryExecutionState.SUCCEEDED) {
                throw new AssertionError("query " + done.status().state() + ": " + done.status().stateChangeReason());
            }
            List<List<String>> rows = new ArrayList<>();
            boolean header = true;
            for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(r -> r.queryExecutionId(id))) {
                for (Row row : page.resultSet().rows()) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    rows.add(row.data().stream().map(Datum::varCharValue).toList());
                }
            }
            return rows;
        }
    }
}
