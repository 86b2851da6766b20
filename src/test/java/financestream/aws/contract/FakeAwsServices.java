package financestream.aws.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock on loopback speaking the AWS JSON protocol of the three services the app uses, with just enough state
 * to behave like them: Firehose keeps the records it accepted (per-entry rejections, throttling and 5xx can be
 * injected), Glue runs a crawler that takes a few polls and can fail or already be running, Athena runs a query
 * that takes a poll and can fail, and serves results in pages with NextToken.
 * <p>
 * Operations are dispatched on {@code X-Amz-Target}; everything received stays in WireMock's request journal, so
 * a test can assert what the SDK sent.
 */
final class FakeAwsServices implements ResponseDefinitionTransformerV2 {

    static final String JSON = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final WireMockServer server;

    // ---- Firehose
    /** Every record data Firehose accepted, decoded, in arrival order. */
    final List<String> accepted = new CopyOnWriteArrayList<>();
    /** Sizes of each PutRecordBatch call received: records and bytes (decoded). */
    final List<int[]> putCalls = new CopyOnWriteArrayList<>();
    volatile int bufferIntervalSeconds = 0;
    /** Whole calls to answer with throttling (503 ServiceUnavailableException) before answering normally. */
    volatile int throttleCalls;
    /** Whole calls to answer with HTTP 500 before answering normally. */
    volatile int serverErrorCalls;
    /** Answer every call as for a stream that does not exist (a fault no retry heals). */
    volatile boolean streamMissing;
    /** Decides whether an entry is rejected: (record data, how many times it was seen before). */
    volatile BiPredicate<String, Integer> rejectEntry = (data, seen) -> false;
    private final Map<String, Integer> timesSeen = new HashMap<>();

    // ---- Glue
    volatile int crawlPolls = 2;
    /** Null: crawls succeed. Else the ErrorMessage of a FAILED crawl. */
    volatile String crawlFailure;
    final List<String> crawlStarts = new CopyOnWriteArrayList<>();
    /** GetCrawler calls right after StartCrawler that still show READY and the previous run (eventual consistency). */
    volatile int staleReadyPolls;
    private int staleLeft;
    private String crawlerState = "READY";
    private int pollsLeft;
    private double lastCrawlStart;
    private double pendingCrawlStart;
    private String lastCrawlStatus;
    private String lastCrawlError;

    // ---- Athena
    /** Null: queries succeed. Else the StateChangeReason of a FAILED query. */
    volatile String queryFailure;
    volatile List<String> resultColumns = List.of("name", "hour", "highest_high");
    /** Computes the rows of the answer when results are asked for (may read {@link #accepted}). */
    volatile Function<FakeAwsServices, List<List<String>>> resultRows = fake -> List.of();
    volatile int pageSize = 1000;
    private final Map<String, Integer> queryPolls = new HashMap<>();

    FakeAwsServices() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    /** Forgets all state and faults, as a new account would look. */
    synchronized void reset() {
        server.resetRequests();
        accepted.clear();
        putCalls.clear();
        timesSeen.clear();
        throttleCalls = 0;
        serverErrorCalls = 0;
        streamMissing = false;
        rejectEntry = (data, seen) -> false;
        crawlPolls = 2;
        crawlFailure = null;
        crawlStarts.clear();
        crawlerState = "READY";
        staleReadyPolls = 0;
        staleLeft = 0;
        pendingCrawlStart = 0;
        lastCrawlStatus = null;
        lastCrawlError = null;
        queryFailure = null;
        queryPolls.clear();
        pageSize = 1000;
        resultRows = fake -> List.of();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    void shutdown() {
        server.stop();
    }

    @Override
    public String getName() {
        return "fake-aws";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String target = serveEvent.getRequest().getHeader("X-Amz-Target");
        try {
            JsonNode body = MAPPER.readTree(serveEvent.getRequest().getBodyAsString());
            synchronized (this) {
                return switch (target == null ? "" : target) {
                    case "Firehose_20150804.PutRecordBatch" -> putRecordBatch(body);
                    case "Firehose_20150804.DescribeDeliveryStream" -> describeDeliveryStream(body);
                    case "AWSGlue.StartCrawler" -> startCrawler(body);
                    case "AWSGlue.GetCrawler" -> getCrawler(body);
                    case "AmazonAthena.StartQueryExecution" -> ok(object().put("QueryExecutionId", "q-" + (queryPolls.size() + 1)));
                    case "AmazonAthena.GetQueryExecution" -> getQueryExecution(body);
                    case "AmazonAthena.GetQueryResults" -> getQueryResults(body);
                    default -> error(400, "UnknownOperationException", "no such operation: " + target);
                };
            }
        } catch (Exception e) {
            return error(500, "InternalFailure", e.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ Firehose

    private ResponseDefinition putRecordBatch(JsonNode body) {
        int records = body.get("Records").size();
        int bytes = 0;
        List<String> data = new ArrayList<>();
        for (JsonNode record : body.get("Records")) {
            byte[] decoded = Base64.getDecoder().decode(record.get("Data").asText());
            bytes += decoded.length;
            data.add(new String(decoded, StandardCharsets.UTF_8));
        }
        putCalls.add(new int[] {records, bytes});
        if (streamMissing) {
            return error(400, "ResourceNotFoundException", "Firehose " + body.get("DeliveryStreamName").asText()
                    + " under account 123456789012 not found.");
        }
        if (throttleCalls > 0) {
            throttleCalls--;
            return error(503, "ServiceUnavailableException", "Slow down.");
        }
        if (serverErrorCalls > 0) {
            serverErrorCalls--;
            return error(500, "InternalFailure", "We encountered an internal error. Please try again.");
        }
        ArrayNode responses = MAPPER.createArrayNode();
        int failed = 0;
        for (String record : data) {
            int seen = timesSeen.merge(record, 1, Integer::sum) - 1;
            if (rejectEntry.test(record, seen)) {
                failed++;
                responses.addObject().put("ErrorCode", "ServiceUnavailableException")
                        .put("ErrorMessage", "Slow down.");
            } else {
                accepted.add(record);
                responses.addObject().put("RecordId", "rec-" + accepted.size());
            }
        }
        ObjectNode answer = object().put("FailedPutCount", failed).put("Encrypted", false);
        answer.set("RequestResponses", responses);
        return ok(answer);
    }

    private ResponseDefinition describeDeliveryStream(JsonNode body) {
        ObjectNode description = object();
        description.put("DeliveryStreamName", body.get("DeliveryStreamName").asText())
                .put("DeliveryStreamARN", "arn:aws:firehose:eu-west-1:123456789012:deliverystream/"
                        + body.get("DeliveryStreamName").asText())
                .put("DeliveryStreamStatus", "ACTIVE").put("DeliveryStreamType", "DirectPut")
                .put("VersionId", "1").put("HasMoreDestinations", false);
        ObjectNode destination = description.putArray("Destinations").addObject();
        destination.put("DestinationId", "destinationId-000000000001");
        ObjectNode s3 = destination.putObject("ExtendedS3DestinationDescription");
        s3.put("RoleARN", "arn:aws:iam::123456789012:role/fs").put("BucketARN", "arn:aws:s3:::fs-lake")
                .put("Prefix", "bars/").put("CompressionFormat", "UNCOMPRESSED");
        s3.putObject("BufferingHints").put("SizeInMBs", 5).put("IntervalInSeconds", bufferIntervalSeconds);
        s3.putObject("EncryptionConfiguration").put("NoEncryptionConfig", "NoEncryption");
        ObjectNode answer = object();
        answer.set("DeliveryStreamDescription", description);
        return ok(answer);
    }

    /** Lines (bars) in all accepted records. */
    List<String> acceptedLines() {
        List<String> lines = new ArrayList<>();
        for (String record : accepted) {
            lines.addAll(record.lines().toList());
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------------------- Glue

    /** Someone else's crawl is in progress when the app comes. */
    synchronized void crawlerAlreadyRunningFor(int polls) {
        crawlerState = "RUNNING";
        pollsLeft = polls;
        lastCrawlStart = System.currentTimeMillis() / 1000.0;
    }

    /** A run before the app came, as GetCrawler's LastCrawl shows it. */
    synchronized void previousCrawl(String status, String error) {
        lastCrawlStatus = status;
        lastCrawlError = error;
        lastCrawlStart = System.currentTimeMillis() / 1000.0 - 3600;
    }

    private ResponseDefinition startCrawler(JsonNode body) {
        String name = body.get("Name").asText();
        if (!crawlerState.equals("READY")) {
            return error(400, "CrawlerRunningException", "Crawler with name " + name + " has already started");
        }
        crawlStarts.add(name);
        crawlerState = "RUNNING";
        pollsLeft = crawlPolls;
        staleLeft = staleReadyPolls;
        pendingCrawlStart = System.currentTimeMillis() / 1000.0 + crawlStarts.size() * 0.001;
        return ok(object());
    }

    private ResponseDefinition getCrawler(JsonNode body) {
        String name = body.get("Name").asText();
        String shownState = crawlerState;
        if (staleLeft > 0) {
            staleLeft--;
            shownState = "READY";
        } else if (!crawlerState.equals("READY") && pollsLeft-- <= 0) {
            crawlerState = "READY";
            shownState = "READY";
            if (pendingCrawlStart > 0) {
                lastCrawlStart = pendingCrawlStart;
                pendingCrawlStart = 0;
            }
            lastCrawlStatus = crawlFailure == null ? "SUCCEEDED" : "FAILED";
            lastCrawlError = crawlFailure;
        }
        ObjectNode crawler = object().put("Name", name).put("State", shownState)
                .put("DatabaseName", "finance_stream");
        if (lastCrawlStatus != null) {
            ObjectNode last = crawler.putObject("LastCrawl").put("Status", lastCrawlStatus)
                    .put("StartTime", lastCrawlStart);
            if (lastCrawlError != null) {
                last.put("ErrorMessage", lastCrawlError);
            }
        }
        ObjectNode answer = object();
        answer.set("Crawler", crawler);
        return ok(answer);
    }

    // -------------------------------------------------------------------------------------------------- Athena

    private ResponseDefinition getQueryExecution(JsonNode body) {
        String id = body.get("QueryExecutionId").asText();
        int polls = queryPolls.merge(id, 1, Integer::sum);
        String state = polls < 2 ? "RUNNING" : queryFailure == null ? "SUCCEEDED" : "FAILED";
        ObjectNode execution = object().put("QueryExecutionId", id).put("Query", "SELECT …")
                .put("WorkGroup", "fs-workgroup");
        execution.putObject("ResultConfiguration").put("OutputLocation", "s3://fs-lake/athena-results/" + id + ".csv");
        ObjectNode status = execution.putObject("Status").put("State", state);
        if (state.equals("FAILED")) {
            status.put("StateChangeReason", queryFailure);
        }
        ObjectNode answer = object();
        answer.set("QueryExecution", execution);
        return ok(answer);
    }

    private ResponseDefinition getQueryResults(JsonNode body) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(resultColumns);
        rows.addAll(resultRows.apply(this));
        int from = body.hasNonNull("NextToken") ? Integer.parseInt(body.get("NextToken").asText()) : 0;
        int to = Math.min(rows.size(), from + pageSize);
        ObjectNode resultSet = object();
        ArrayNode jsonRows = resultSet.putArray("Rows");
        for (List<String> row : rows.subList(from, to)) {
            ArrayNode data = jsonRows.addObject().putArray("Data");
            row.forEach(value -> data.addObject().put("VarCharValue", value));
        }
        ArrayNode columns = resultSet.putObject("ResultSetMetadata").putArray("ColumnInfo");
        resultColumns.forEach(c -> columns.addObject().put("Name", c).put("Type", "varchar"));
        ObjectNode answer = object();
        answer.set("ResultSet", resultSet);
        if (to < rows.size()) {
            answer.put("NextToken", String.valueOf(to));
        }
        return ok(answer);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static ResponseDefinition ok(JsonNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON)
                .withHeader("x-amzn-ErrorType", type)
                .withBody(object().put("__type", type).put("message", message).toString()).build();
    }
}
