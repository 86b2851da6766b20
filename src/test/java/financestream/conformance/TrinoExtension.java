package financestream.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real Trino server for the whole test JVM (kept in JUnit's root store, stopped when the run ends), from
 * the {@code io.trino:trino-server} tarball Maven resolved into the local repository ({@code pom.xml} names it as a
 * test dependency), unpacked once into {@code target/}. Trino needs a newer Java than the application: without one,
 * CI ({@code CI=true}) fails; elsewhere the suite is skipped with one line saying how to run it.
 */
final class TrinoExtension implements BeforeAllCallback {

    static final String VERSION = "476";
    /** Trino 476's classes are Java 24's (class file version 68). */
    static final int MINIMUM_JAVA = 24;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrinoExtension.class);
    private static volatile Running running;

    /** The running server, stopped when the root context closes. */
    @SuppressWarnings("deprecation") // CloseableResource: what JUnit 5.14's store closes, with AutoCloseable
    record Running(TrinoServer server, Path work) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    /** The server this JVM started, waiting until it answers queries. */
    static TrinoServer server() throws IOException, InterruptedException {
        TrinoServer server = Optional.ofNullable(running).orElseThrow(
                () -> new IllegalStateException("not started: the test class needs @ExtendWith(TrinoExtension.class)"))
                .server();
        server.awaitReady(Duration.ofMinutes(4));
        return server;
    }

    private static Running start() {
        TrinoJdk jdk = TrinoJdk.find(MINIMUM_JAVA).orElse(null);
        if (jdk == null) {
            unavailable("no JDK " + MINIMUM_JAVA + "+ found (Trino " + VERSION + " needs one; the app runs on 17): "
                    + "install one under /usr/lib/jvm or name it with -D" + TrinoJdk.PROPERTY + "=/path/to/jdk "
                    + "(or " + TrinoJdk.ENVIRONMENT + ") to run the Trino conformance suite");
        }
        Path tarball = Path.of(System.getProperty("trino.server.tarball", System.getProperty("user.home")
                + "/.m2/repository/io/trino/trino-server/" + VERSION + "/trino-server-" + VERSION + ".tar.gz"));
        if (!Files.isRegularFile(tarball)) {
            unavailable("the Trino server tarball is not in the Maven repository (" + tarball + "): run ./mvnw test "
                    + "online once, which resolves io.trino:trino-server:" + VERSION + ":tar.gz");
        }
        try {
            Path installation = unpack(tarball);
            Path work = Files.createTempDirectory("trino-conformance-");
            TrinoServer server = TrinoServer.start(installation, jdk, work);
            return new Running(server, work);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not start Trino " + VERSION + ": " + e.getMessage(), e);
        }
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the Trino conformance suite, but " + reason);
        }
        Assumptions.abort("Trino conformance suite skipped: " + reason);
    }

    /** Unpacks the tarball into target/ once (the tar tool keeps its hard links; ten seconds). */
    private static Path unpack(Path tarball) throws IOException, InterruptedException {
        Path target = Path.of("target", "trino-server");
        Path installation = target.resolve("trino-server-" + VERSION);
        Path done = target.resolve(".unpacked-" + VERSION);
        if (Files.exists(done)) {
            return installation;
        }
        Files.createDirectories(target);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C",
                target.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IOException("tar -xzf " + tarball + " failed: " + output);
        }
        Files.createFile(done);
        return installation;
    }
}
