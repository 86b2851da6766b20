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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code deploy/} declares is enough to start the routes in {@code routes/}: the Integration's sources are
 * exactly those files, its settings are application.properties plus its environment variables (each naming a real
 * setting), its Maven dependency is this project's jar, and every Camel component the started routes use comes
 * from a {@code camel:} dependency it declares — Camel's core and the YAML DSL are all Camel K adds by itself.
 * {@code deploy/kamel-run.sh} declares the same.
 * <p>
 * Honest limits: this starts the routes with camel-main on this project's classpath, not Camel Quarkus; it proves
 * nothing is missing from the declaration, not how Camel K's build resolves it.
 */
class DeploymentTest extends CamelMainTestSupport {

    private static final Path INTEGRATION = Path.of("deploy/integration.yaml");
    private static final Path KAMEL_RUN = Path.of("deploy/kamel-run.sh");
    /** What every Camel K integration has without declaring it: Camel's core and, for YAML sources, the YAML DSL. */
    private static final Pattern RUNTIME_BASELINE = Pattern.compile("camel-(core.*|base.*|support|api|util|yaml-dsl.*)");

    private static final Map<String, Object> SPEC = spec();
    private static final Path WORK = tempDir();

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties settings = new Properties();
        settings.putAll(settingsFromEnvironment());
        // the only departure from the deployment: the volume's paths are a temporary directory here
        settings.put("lake.dir", WORK.resolve("lake").toString());
        settings.put("results.dir", WORK.resolve("results").toString());
        settings.put("camel.main.routes-include-pattern", sourceNames().stream()
                .map(name -> "file:routes/" + name).collect(Collectors.joining(",")));
        return settings;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.setConfigurationClasses(environment().get("CAMEL_MAIN_CONFIGURATION_CLASSES"));
    }

    @Test
    void theIntegrationCarriesExactlyTheRoutesInRoutesDir() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            Set<String> routes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(sourceNames())).isEqualTo(routes);
        }
        for (Map<String, Object> source : sources()) {
            assertThat(source).containsEntry("contentRef", "finance-stream-routes")
                    .containsEntry("contentKey", source.get("name"));
        }
    }

    @Test
    void theIntegrationDependsOnThisProjectsJar() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String coordinates = "mvn:" + projectField(pom, "groupId") + ":" + projectField(pom, "artifactId") + ":"
                + projectField(pom, "version");
        assertThat(dependencies()).contains(coordinates);
    }

    @Test
    void kamelRunDeclaresWhatTheIntegrationResourceDeclares() throws IOException {
        String script = Files.readString(KAMEL_RUN);
        assertThat(matches(script, "-d (\\S+)")).containsExactlyInAnyOrderElementsOf(dependencies());
        assertThat(matches(script, "--env (\\S+)"))
                .containsExactlyInAnyOrderElementsOf(environment().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertThat(script).contains("kamel run routes/*.camel.yaml", "--config configmap:finance-stream-settings");
    }

    @Test
    void everyEnvironmentVariableOverridesARealSetting() throws IOException {
        Properties application = applicationProperties();
        for (String variable : environment().keySet()) {
            if (variable.startsWith("CAMEL_MAIN_")) {
                continue; // camel-main's own options, applied in configure(...)
            }
            assertThat(settingFor(variable, application)).as("setting overridden by %s", variable).isNotNull();
        }
    }

    @Test
    void theRoutesStartWithOnlyTheDeclaredComponents() {
        List<Route> routes = context.getRoutes();
        assertThat(routes).isNotEmpty();
        for (Route route : routes) {
            assertThat(context.getRouteController().getRouteStatus(route.getRouteId()))
                    .as("route %s", route.getRouteId()).isIn(ServiceStatus.Started, ServiceStatus.Stopped);
        }
        // the live schedules run on Kubernetes, the one-shot trigger does not
        assertThat(context.getRouteController().getRouteStatus("collect-live")).isEqualTo(ServiceStatus.Started);
        assertThat(context.getRouteController().getRouteStatus("run-once")).isEqualTo(ServiceStatus.Stopped);

        Set<String> declared = dependencies().stream().filter(d -> d.startsWith("camel:"))
                .map(d -> "camel-" + d.substring("camel:".length())).collect(Collectors.toSet());
        Map<String, String> undeclared = new LinkedHashMap<>();
        for (String name : context.getComponentNames()) {
            Component component = context.getComponent(name);
            String artifact = artifactOf(component.getClass());
            if (artifact != null && !declared.contains(artifact) && !RUNTIME_BASELINE.matcher(artifact).matches()) {
                undeclared.put(name, artifact);
            }
        }
        assertThat(undeclared).as("components the routes use, by the artifact that provides them").isEmpty();
        // and the components it does list are the ones the routes need
        assertThat(context.getComponentNames()).contains("aws2-kinesis-firehose", "aws2-athena", "quartz", "smtp",
                "https", "file", "direct", "bean");
    }

    private static String artifactOf(Class<?> type) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        Matcher jar = Pattern.compile("([^/]+)-\\d[^/]*\\.jar$").matcher(location);
        return jar.find() ? jar.group(1) : null; // classes of this project (target/classes) travel in its jar
    }

    private static Map<String, String> settingsFromEnvironment() {
        Properties application = applicationProperties();
        Map<String, String> settings = new LinkedHashMap<>();
        environment().forEach((variable, value) -> {
            String key = settingFor(variable, application);
            if (key != null) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** The setting an environment variable overrides, by Camel's rule: upper case, '.' and '-' as '_'. */
    private static String settingFor(String variable, Properties application) {
        for (String key : application.stringPropertyNames()) {
            if (key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_').equals(variable)) {
                return key;
            }
        }
        return null;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String projectField(Document pom, String name) {
        return pom.getDocumentElement().getElementsByTagName(name).item(0).getTextContent().trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec() {
        try {
            Map<String, Object> integration = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(INTEGRATION));
            assertThat(integration).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Integration");
            return (Map<String, Object>) integration.get("spec");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources() {
        return (List<Map<String, Object>>) SPEC.get("sources");
    }

    private static List<String> sourceNames() {
        return sources().stream().map(s -> (String) s.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependencies() {
        return (List<String>) SPEC.get("dependencies");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment() {
        Map<String, Object> traits = (Map<String, Object>) SPEC.get("traits");
        List<String> vars = (List<String>) ((Map<String, Object>) traits.get("environment")).get("vars");
        Map<String, String> environment = new LinkedHashMap<>();
        for (String var : vars) {
            int eq = var.indexOf('=');
            environment.put(var.substring(0, eq), var.substring(eq + 1));
        }
        return environment;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("finance-stream-deploy");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
