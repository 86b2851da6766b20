package financestream.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Trino server (the release tarball Maven Central serves) in a child JVM on a loopback port, with one Hive
 * catalog {@value #CATALOG} over the local folder {@link #root()}: a file metastore, the native local file system.
 * Talks Trino's client protocol (POST /v1/statement, then follow nextUri), as the Trino CLI and JDBC driver do.
 */
final class TrinoServer implements AutoCloseable {

    static final String CATALOG = "hive";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Process process;
    private final Path log;
    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One query's answer: the columns (name, Trino type), the rows as JSON values, or Trino's error. */
    record Answer(List<String> names, List<String> types, List<List<JsonNode>> rows, String errorName, String error) {
        boolean failed() {
            return error != null;
        }
    }

    private TrinoServer(Path root, Process process, Path log, URI uri) {
        this.root = root;
        this.process = process;
        this.log = log;
        this.uri = uri;
    }

    /**
     * Starts the server from {@code installation} (the unpacked tarball) with {@code jdk}; its data, configuration and
     * the catalog's files under {@code work}. Returns at once: {@link #awaitReady} waits for it.
     */
    static TrinoServer start(Path installation, TrinoJdk jdk, Path work) throws IOException {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path catalogs = Files.createDirectories(etc.resolve("catalog"));
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path root = Files.createDirectories(work.resolve("files"));
        Path hivePlugin = plugins.resolve("hive");
        if (!Files.exists(hivePlugin)) {
            // only the Hive plugin: loading the tarball's sixty plugins would add half a minute to the start
            Files.createSymbolicLink(hivePlugin, installation.resolve("plugin/hive").toAbsolutePath());
        }
        int port = freePort();
        Files.writeString(etc.resolve("config.properties"), String.join("\n",
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                "plugin.dir=" + plugins.toAbsolutePath(),
                "catalog.config-dir=" + catalogs.toAbsolutePath(),
                "query.max-memory=512MB",
                "query.max-memory-per-node=512MB",
                // a small machine: one query at a time needs few threads
                "task.concurrency=2",
                "task.max-worker-threads=4",
                ""), StandardCharsets.UTF_8);
        Files.writeString(catalogs.resolve(CATALOG + ".properties"), String.join("\n",
                "connector.name=hive",
                "hive.metastore=file",
                "hive.metastore.catalog.dir=local:///_trino_metastore",
                "fs.native-local.enabled=true",
                "local.location=" + root.toAbsolutePath(),
                "hive.allow-register-partition-procedure=true",
                ""), StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("log.properties"), "io.trino=WARN\nio.airlift=WARN\n", StandardCharsets.UTF_8);
        Path log = work.resolve("server.log");
        List<String> command = List.of(jdk.java().toString(),
                "-Xmx1G", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djdk.attach.allowAttachSelf=true",
                "-XX:+EnableDynamicAgentLoading",
                "-Dnode.environment=conformance", "-Dnode.id=conformance",
                "-Dnode.data-dir=" + Files.createDirectories(work.resolve("data")).toAbsolutePath(),
                "-Dnode.internal-address=127.0.0.1", "-Dnode.bind-ip=127.0.0.1",
                "-Dconfig=" + etc.resolve("config.properties").toAbsolutePath(),
                "-Dlog.levels-file=" + etc.resolve("log.properties").toAbsolutePath(),
                "-cp", installation.resolve("lib").toAbsolutePath() + "/*",
                "io.trino.server.TrinoServer");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new TrinoServer(root, process, log, URI.create("http://127.0.0.1:" + port));
    }

    /** The folder the catalog's {@code local:///} locations are in. */
    Path root() {
        return root;
    }

    /** {@code local:///…} for a file or folder under {@link #root()}. */
    String location(Path path) {
        return "local:///" + root.toAbsolutePath().relativize(path.toAbsolutePath()).toString().replace('\\', '/');
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited with " + process.exitValue() + " while starting: "
                        + tail());
            }
            try {
                HttpResponse<String> info = http.send(HttpRequest.newBuilder(uri.resolve("/v1/info"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                // "starting": false comes before the node has announced itself: a query meanwhile fails with
                // NO_NODES_AVAILABLE, so ready means a first query runs
                if (info.statusCode() == 200 && !JSON.readTree(info.body()).path("starting").asBoolean(true)
                        && !"NO_NODES_AVAILABLE".equals(query("SELECT 1", "information_schema").errorName())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Trino did not start within " + timeout + ": " + tail());
    }

    /** Runs one statement with {@code schema} as the session's default schema and returns its whole answer. */
    Answer query(String sql, String schema) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/v1/statement"))
                .header("X-Trino-User", "conformance").header("X-Trino-Catalog", CATALOG)
                .header("X-Trino-Schema", schema).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build();
        List<String> names = null;
        List<String> types = null;
        List<List<JsonNode>> rows = new ArrayList<>();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                Thread.sleep(50);
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IOException("Trino answered HTTP " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            if (page.has("columns") && names == null) {
                names = new ArrayList<>();
                types = new ArrayList<>();
                for (JsonNode column : page.get("columns")) {
                    names.add(column.get("name").asText());
                    types.add(column.get("type").asText());
                }
            }
            if (page.has("data")) {
                for (JsonNode row : page.get("data")) {
                    List<JsonNode> values = new ArrayList<>();
                    row.forEach(values::add);
                    rows.add(values);
                }
            }
            if (page.has("error")) {
                JsonNode error = page.get("error");
                return new Answer(names, types, rows, error.path("errorName").asText(), error.path("message").asText());
            }
            if (!page.hasNonNull("nextUri")) {
                return new Answer(names == null ? List.of() : names, types == null ? List.of() : types, rows, null, null);
            }
            request = HttpRequest.newBuilder(URI.create(page.get("nextUri").asText()))
                    .header("X-Trino-User", "conformance").timeout(Duration.ofMinutes(2)).GET().build();
        }
    }

    /** Runs a statement that must succeed. */
    Answer execute(String sql, String schema) throws IOException, InterruptedException {
        Answer answer = query(sql, schema);
        if (answer.failed()) {
            throw new IllegalStateException("Trino refused " + sql + ": " + answer.error());
        }
        return answer;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
