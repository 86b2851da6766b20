package financestream.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes run on Camel Quarkus the way Camel K 2.10.1 runs them: the project's jar published to a Maven
 * repository with its pom, the Quarkus project the operator generates for deploy/integration.yaml
 * (deploy/camel-quarkus) built with that repository, and the application started as the operator starts the pod:
 * <ul>
 * <li>the sources mounted in a folder that {@code camel.main.routes-include-pattern} names, as the mount trait
 *     sets it in the operator's {@code application.properties} (read through {@code QUARKUS_CONFIG_LOCATIONS});</li>
 * <li>each ConfigMap of the mount trait's configs in a folder of its own, listed in that order in
 *     {@code camel.main.cloud-properties-location};</li>
 * <li>the Integration's environment variables.</li>
 * </ul>
 * The departures: the folders are under a temporary directory instead of /etc/camel and /data, so one more
 * ConfigMap folder, last, points the routes pattern there, and the environment points the volume's paths there and
 * runs the one-shot job instead of the live schedules. What is left (the cluster, the operator's own Maven build, probes) is in docs/camel-k.md.
 */
class CamelQuarkusJobTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /**
     * The jar is published under a version of its own, so that no copy installed by {@code ./mvnw install} in the
     * local repository can stand in for this build's classes; a -SNAPSHOT, as the Integration's.
     */
    private static final String PUBLISHED_VERSION = "0.0.0-camel-k-test-SNAPSHOT";
    private static final Deployment DEPLOYMENT = Deployment.read();
    private static Path quarkusRunJar;

    @TempDir
    Path pod;

    @BeforeAll
    static void buildAsTheOperatorDoes(@TempDir Path work) throws Exception {
        Path repository = publishJar(work.resolve("maven-repository"));
        Path buildDir = ROOT.resolve("target/camel-quarkus");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-ntp", "-q",
                "-f", Deployment.QUARKUS_MODULE.toString(), "package",
                "-Dfinance-stream.repository=" + repository.toUri(),
                "-Dfinance-stream.version=" + PUBLISHED_VERSION,
                "-Dcamel-quarkus.build.directory=" + buildDir,
                // the project's jar resolves afresh from the repository into a local repository of its own; all else
                // comes from (or lands beside) the one this build uses
                "-Dmaven.repo.local=" + ROOT.resolve("target/camel-quarkus-m2"),
                "-Dmaven.repo.local.tail=" + System.getProperty("financestream.maven.repo.local",
                        System.getProperty("user.home") + "/.m2/repository")));
        if (parentBuildIsOffline()) {
            // offline like the build running this test, except for the file repository the jar is published to
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        deleteTree(ROOT.resolve("target/camel-quarkus-m2/io/github/financestream/finance-stream/" + PUBLISHED_VERSION));
        Path log = work.resolve("quarkus-build.log");
        Process build = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = build.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            build.destroyForcibly();
        }
        assertThat(done && build.exitValue() == 0).as("the Quarkus build:\n%s", Files.readString(log)).isTrue();
        quarkusRunJar = buildDir.resolve("quarkus-app/quarkus-run.jar");
        assertThat(quarkusRunJar).exists();
    }

    @Test
    void theReferenceJobPrintsTheSeventyRowsAndExitsZero() throws Exception {
        Run run = start(Map.of());

        assertThat(run.exitCode).as("exit code; output:\n%s", run.output).isZero();
        assertThat(run.output).contains("Apache Camel Quarkus 3.33.", "Apache Camel 4.18.", "(70 rows)",
                "Job finished: OK");
        // every route of every source came through the operator's include pattern
        assertThat(run.output).contains("Routes startup (total:" + routeCount() + " ");
        List<String> csv = Files.readAllLines(pod.resolve("data/results/highest-hourly-high-2020-12-01.csv"));
        assertThat(csv).hasSize(71).first().isEqualTo("name,hour,highest_high");
        assertThat(csv).contains("DDOG,9,98.80000305175781", "TTD,15,893.1599731445312");
        // the environment variables beat the ConfigMap's application.properties (lake.dir=lake, results.dir=results)
        assertThat(pod.resolve("data/lake/_glue/catalog.json")).exists();
        assertThat(pod.resolve("deployments/lake")).doesNotExist();
        // and the jar brought neither camel-main's HTTP server nor a second logging backend
        try (Stream<Path> libraries = Files.list(quarkusRunJar.resolveSibling("lib/main"))) {
            assertThat(libraries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains("log4j") || name.contains("camel-platform-http-main"));
        }
    }

    @Test
    void aFailedJobExitsOne() throws Exception {
        Run run = start(Map.of("athena.query", "SELECT no_such_column FROM bars"));

        assertThat(run.output).contains("Job FAILED", "no_such_column");
        assertThat(run.exitCode).as("exit code; output:\n%s", run.output).isEqualTo(1);
    }

    private Run start(Map<String, String> testSettings) throws Exception {
        Path etcCamel = pod.resolve("etc/camel");
        Path sources = etcCamel.resolve("sources");
        Files.createDirectories(sources);
        for (String source : DEPLOYMENT.sourceNames()) {
            Files.copy(ROOT.resolve("routes").resolve(source), sources.resolve(source));
        }
        Path configMaps = etcCamel.resolve("conf.d/_configmaps");
        List<String> cloudLocations = new ArrayList<>();
        for (Map.Entry<String, Path> configMap : Deployment.CONFIG_MAPS.entrySet()) {
            Path folder = Files.createDirectories(configMaps.resolve(configMap.getKey()));
            Files.copy(ROOT.resolve(configMap.getValue()), folder.resolve(configMap.getValue().getFileName()));
            cloudLocations.add(folder.toString());
        }
        String routesPattern = "file:" + sources + "/**";
        Map<String, String> departures = new LinkedHashMap<>();
        departures.put("camel.main.routes-include-pattern", routesPattern);
        departures.putAll(testSettings);
        Path testConfigMap = Files.createDirectories(configMaps.resolve("finance-stream-test"));
        Files.writeString(testConfigMap.resolve("test.properties"), properties(departures));
        cloudLocations.add(testConfigMap.toString());

        // what Camel K 2.10.1's mount trait writes into the <integration>-application-properties ConfigMap
        Files.writeString(etcCamel.resolve("application.properties"), properties(Map.of(
                "camel.main.cloud-properties-location", String.join(",", cloudLocations),
                "camel.main.routes-include-pattern", routesPattern,
                "camel.main.source-location-enabled", "true")));

        ProcessBuilder process = new ProcessBuilder(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", quarkusRunJar.toString(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint")
                .directory(Files.createDirectories(pod.resolve("deployments")).toFile()).redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        // the environment trait (plain-quarkus) and the container trait
        environment.put("QUARKUS_CONFIG_LOCATIONS", etcCamel.resolve("application.properties") + ","
                + etcCamel.resolve("conf.d/user.properties"));
        environment.put("CAMEL_K_CONF", etcCamel.resolve("application.properties").toString());
        environment.put("CAMEL_K_CONF_D", etcCamel.resolve("conf.d").toString());
        environment.putAll(DEPLOYMENT.environment());
        // the volume is a temporary folder here, and the one-shot job runs instead of the live schedules
        environment.put("LAKE_DIR", pod.resolve("data/lake").toString());
        environment.put("RESULTS_DIR", pod.resolve("data/results").toString());
        environment.put("JOB_RUN_ONCE", "true");
        environment.put("JOB_LIVE", "false");
        // loopback and a free port instead of the pod's 0.0.0.0:8080
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", "0");
        Path log = pod.resolve("pod.log");
        process.redirectOutput(log.toFile());
        Process app = process.start();
        boolean exited = app.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            app.destroyForcibly().waitFor();
        }
        return new Run(exited ? app.exitValue() : -1, Files.readString(log));
    }

    private static long routeCount() throws IOException {
        long routes = 0;
        for (String source : DEPLOYMENT.sourceNames()) {
            routes += Files.readAllLines(ROOT.resolve("routes").resolve(source)).stream()
                    .filter(line -> line.equals("- route:")).count();
        }
        return routes;
    }

    private record Run(int exitCode, String output) {
    }

    /** What {@code ./mvnw deploy} puts in a repository: the jar (here: target/classes) beside its pom. */
    private static Path publishJar(Path repository) throws Exception {
        String version = PUBLISHED_VERSION;
        Path folder = Files.createDirectories(repository.resolve("io/github/financestream/finance-stream/" + version));
        Path jar = folder.resolve("finance-stream-" + version + ".jar");
        Path classes = ROOT.resolve("target/classes");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(jarOut);
                }
                jarOut.closeEntry();
            }
        }
        Path pom = Files.writeString(folder.resolve("finance-stream-" + version + ".pom"), Files.readString(
                ROOT.resolve("pom.xml")).replaceFirst("<version>" + Pattern.quote(projectVersion()) + "</version>",
                "<version>" + version + "</version>"));
        for (Path file : List.of(jar, pom)) {
            // the operator's Maven fails on a missing checksum (Camel K's repositories: checksumPolicy fail)
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file))));
        }
        return repository;
    }

    private static String projectVersion() throws Exception {
        return DeploymentTest.pom(ROOT.resolve("pom.xml")).getDocumentElement().getElementsByTagName("version")
                .item(0).getTextContent().trim();
    }

    /** The build running this test was started with -o: the Quarkus build then stays offline too. */
    private static boolean parentBuildIsOffline() {
        String args = System.getenv("MAVEN_CMD_LINE_ARGS");
        return args != null && List.of(args.trim().split("\\s+")).stream().anyMatch(a -> a.equals("-o") || a.equals("--offline"));
    }

    private static String properties(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
