package financestream.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** deploy/: the Integration resource, the settings it mounts and the Quarkus project the operator builds for it. */
final class Deployment {

    static final Path INTEGRATION = Path.of("deploy/integration.yaml");
    static final Path KUBERNETES_SETTINGS = Path.of("deploy/kubernetes.properties");
    static final Path QUARKUS_MODULE = Path.of("deploy/camel-quarkus/pom.xml");
    /** The ConfigMaps the Integration mounts, in order (later wins), and the file each is created from. */
    static final Map<String, Path> CONFIG_MAPS = configMaps();

    private final Map<String, Object> spec;

    private Deployment(Map<String, Object> spec) {
        this.spec = spec;
    }

    @SuppressWarnings("unchecked")
    static Deployment read() {
        try {
            Map<String, Object> integration = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(INTEGRATION));
            if (!"camel.apache.org/v1".equals(integration.get("apiVersion")) || !"Integration".equals(integration.get("kind"))) {
                throw new IllegalStateException(INTEGRATION + " is not a camel.apache.org/v1 Integration");
            }
            return new Deployment((Map<String, Object>) integration.get("spec"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources() {
        return (List<Map<String, Object>>) spec.get("sources");
    }

    List<String> sourceNames() {
        return sources().stream().map(s -> (String) s.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    List<String> dependencies() {
        return (List<String>) spec.get("dependencies");
    }

    @SuppressWarnings("unchecked")
    List<String> repositories() {
        return (List<String>) spec.get("repositories");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> traits() {
        return (Map<String, Object>) spec.get("traits");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> trait(String name) {
        return (Map<String, Object>) traits().get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> mountList(String key) {
        return (List<String>) trait("mount").get(key);
    }

    @SuppressWarnings("unchecked")
    List<String> environmentVars() {
        return (List<String>) trait("environment").get("vars");
    }

    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String var : environmentVars()) {
            int eq = var.indexOf('=');
            environment.put(var.substring(0, eq), var.substring(eq + 1));
        }
        return environment;
    }

    /** The traits other than mount and environment as kamel's {@code -t trait.option=value}. */
    Set<String> traitOptionsExceptMountAndEnvironment() {
        Set<String> options = new TreeSet<>();
        traits().forEach((trait, value) -> {
            if (trait.equals("mount") || trait.equals("environment")) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) value;
            settings.forEach((option, setting) -> options.add(trait + "." + kebab(option) + "=" + setting));
        });
        return options;
    }

    /** kubernetes.properties, as Camel reads it. */
    Map<String, String> kubernetesSettings() {
        Properties properties = load(KUBERNETES_SETTINGS);
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    static Properties applicationProperties() {
        return load(Path.of("application.properties"));
    }

    static Set<String> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The setting an environment variable names, by Camel's rule: upper case, '.' and '-' as '_'. */
    static String settingFor(String variable, Properties settings) {
        for (String key : settings.stringPropertyNames()) {
            if (key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_').equals(variable)) {
                return key;
            }
        }
        return null;
    }

    /** groupId:artifactId of each dependency of deploy/camel-quarkus/pom.xml. */
    static List<String> quarkusModuleDependencies() throws Exception {
        Document pom = DeploymentTest.pom(QUARKUS_MODULE);
        List<String> dependencies = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            if (dependency.getParentNode().getParentNode().getNodeName().equals("project")) {
                dependencies.add(dependency.getElementsByTagName("groupId").item(0).getTextContent().trim() + ":"
                        + dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim());
            }
        }
        return dependencies;
    }

    static String quarkusModuleProperty(String name) {
        try {
            Document pom = DeploymentTest.pom(QUARKUS_MODULE);
            return pom.getElementsByTagName(name).item(0).getTextContent().trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Map<String, Path> configMaps() {
        Map<String, Path> configMaps = new LinkedHashMap<>();
        configMaps.put("finance-stream-settings", Path.of("application.properties"));
        configMaps.put("finance-stream-kubernetes", KUBERNETES_SETTINGS);
        return configMaps;
    }
}
