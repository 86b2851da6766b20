package financestream.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDK that runs Trino's server: Trino 476 is built for Java 24, the application for 17. Named by the system
 * property {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT}; otherwise JAVA_HOME, the JVM
 * running the tests, or the newest JDK installed where JDKs usually live, if it is recent enough.
 */
record TrinoJdk(Path home, int feature) {

    static final String PROPERTY = "trino.java-home";
    static final String ENVIRONMENT = "TRINO_JAVA_HOME";

    private static final List<String> INSTALL_FOLDERS = List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt/jdk",
            "/Library/Java/JavaVirtualMachines", System.getProperty("user.home") + "/.sdkman/candidates/java",
            System.getProperty("user.home") + "/.jdks");

    Path java() {
        return home.resolve("bin/java");
    }

    /** The JDK to use, or empty with none at or above {@code minimum}; a named one that is too old is an error. */
    static Optional<TrinoJdk> find(int minimum) {
        String named = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (named != null && !named.isBlank()) {
            TrinoJdk jdk = at(Path.of(named)).orElseThrow(() -> new IllegalStateException(
                    PROPERTY + "/" + ENVIRONMENT + " names " + named + ", which is not a JDK (no bin/java and release file)"));
            if (jdk.feature() < minimum) {
                throw new IllegalStateException(PROPERTY + "/" + ENVIRONMENT + " names " + named + ", a Java "
                        + jdk.feature() + ": Trino needs Java " + minimum + " or later");
            }
            return Optional.of(jdk);
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String folder : INSTALL_FOLDERS) {
            Path dir = Path.of(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> homes = Files.list(dir)) {
                    homes.forEach(home -> {
                        candidates.add(home);
                        candidates.add(home.resolve("Contents/Home"));
                    });
                } catch (IOException e) {
                    // an unreadable folder holds no JDK we can use
                }
            }
        }
        return candidates.stream().map(TrinoJdk::at).flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() >= minimum)
                .max(Comparator.comparingInt(TrinoJdk::feature));
    }

    /** The JDK at {@code home}, read from its {@code release} file. */
    static Optional<TrinoJdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.startsWith("1.") ? version.substring(2).split("\\.")[0] : version.split("[.+-]")[0];
        try {
            return Optional.of(new TrinoJdk(home.toAbsolutePath().normalize(), Integer.parseInt(feature)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
