package financestream.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static financestream.deploy.Deployment.INTEGRATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code deploy/} declares is what Camel K 2.10.1 accepts and what the routes need: the Integration is valid
 * against that release's CRD as the API server checks it, {@code kamel-run.sh} declares the same, the settings the
 * operator hands Camel do not undo what the operator sets, the jar brings no Camel of its own, and every Camel
 * component the started routes use comes from a declared {@code camel:} dependency.
 * <p>
 * The routes start here with camel-main on this project's class path; {@link CamelQuarkusJobTest} runs them on
 * Camel Quarkus the way the operator does.
 */
class DeploymentTest extends CamelMainTestSupport {

    /** What Camel K 2.10.1's mount trait sets on plain-quarkus (pkg/trait/mount.go, camel.SourcesMountPath). */
    static final String OPERATOR_ROUTES_PATTERN = "file:/etc/camel/sources/**";
    /** What every Camel K integration has without declaring it: Camel's core and, for YAML sources, the YAML DSL. */
    private static final Pattern RUNTIME_BASELINE = Pattern.compile("camel-(core.*|base.*|support|api|util|yaml-dsl.*)");

    private static final Deployment DEPLOYMENT = Deployment.read();
    private static final Path WORK = Deployment.tempDir("finance-stream-deploy");

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        // application.properties overridden by kubernetes.properties, as the mounted ConfigMaps are
        Properties settings = new Properties();
        settings.putAll(DEPLOYMENT.kubernetesSettings());
        settings.putAll(settingsFromEnvironment());
        // the only departures from the deployment: the volume's paths and the mounted sources' folder
        settings.put("lake.dir", WORK.resolve("lake").toString());
        settings.put("results.dir", WORK.resolve("results").toString());
        settings.put("camel.main.routes-include-pattern", DEPLOYMENT.sourceNames().stream()
                .map(name -> "file:routes/" + name).collect(Collectors.joining(",")));
        return settings;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.setConfigurationClasses(DEPLOYMENT.environment().get("CAMEL_MAIN_CONFIGURATION_CLASSES"));
    }

    @Test
    void theIntegrationIsValidForTheApiServerOfCamelK2_10_1() throws IOException {
        IntegrationSchema schema = IntegrationSchema.camelK("2.10.1");
        assertThat(schema.errors(Files.readString(INTEGRATION))).isEmpty();
        // the check is as strict as the API server: an unknown field, a misspelt trait option, a wrong type fail
        assertThat(schema.errors(Files.readString(INTEGRATION).replace("livenessProbeEnabled:", "livenessProbeOn:")))
                .anySatisfy(error -> assertThat(error).contains("livenessProbeOn"));
        assertThat(schema.errors(Files.readString(INTEGRATION).replace("strategy: Recreate", "strategy: Replace")))
                .isNotEmpty();
        assertThat(schema.errors(Files.readString(INTEGRATION) + "  build:\n    maven:\n      repositories: []\n"))
                .anySatisfy(error -> assertThat(error).contains("build"));
    }

    @Test
    void theIntegrationIsForThePlainQuarkusRuntimeOnCamel4_18() {
        Map<String, Object> camel = DEPLOYMENT.trait("camel");
        assertThat(camel).containsEntry("runtimeProvider", "plain-quarkus");
        // Camel K builds with io.quarkus.platform:quarkus-camel-bom at this version: Camel Quarkus 3.33.1, Camel 4.18
        assertThat(String.valueOf(camel.get("runtimeVersion"))).startsWith("3.33.");
        assertThat(Deployment.quarkusModuleProperty("runtime.version")).isEqualTo(String.valueOf(camel.get("runtimeVersion")));
        // a ReadWriteOnce volume: the old pod must let go of it before the new one starts
        assertThat(DEPLOYMENT.trait("deployment")).containsEntry("strategy", "Recreate");
        // the prometheus trait always creates a PodMonitor and is deprecated from 2.11: metrics come from a dependency
        assertThat(DEPLOYMENT.traits()).doesNotContainKey("prometheus");
        assertThat(DEPLOYMENT.dependencies()).contains("camel:micrometer", "mvn:io.quarkus:quarkus-micrometer-registry-prometheus");
        // a -SNAPSHOT jar needs a repository with snapshots on
        assertThat(DEPLOYMENT.repositories()).singleElement().asString().endsWith("@snapshots");
    }

    @Test
    void theIntegrationCarriesExactlyTheRoutesInRoutesDir() throws IOException {
        assertThat(new TreeSet<>(DEPLOYMENT.sourceNames())).isEqualTo(Deployment.routeFiles());
        for (Map<String, Object> source : DEPLOYMENT.sources()) {
            assertThat(source).containsEntry("contentRef", "finance-stream-routes")
                    .containsEntry("contentKey", source.get("name"));
        }
    }

    @Test
    void theIntegrationDependsOnThisProjectsJar() throws Exception {
        Document pom = pom(Path.of("pom.xml"));
        String coordinates = "mvn:" + projectField(pom, "groupId") + ":" + projectField(pom, "artifactId") + ":"
                + projectField(pom, "version");
        assertThat(DEPLOYMENT.dependencies()).contains(coordinates);
    }

    @Test
    void theJarBringsNoCamelAndNoLoggingBackendOntoTheRuntimesClassPath() throws Exception {
        // -d mvn:io.github.financestream:finance-stream:VERSION gets the pom's non-optional compile dependencies
        List<String> brought = new ArrayList<>();
        NodeList dependencies = pom(Path.of("pom.xml")).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (dependency.getParentNode().getParentNode().getNodeName().equals("dependencyManagement")) {
                continue;
            }
            String group = text(dependency, "groupId");
            boolean transitive = !"true".equals(text(dependency, "optional"))
                    && !Set.of("test", "provided").contains(text(dependency, "scope"));
            if (transitive && (group.equals("org.apache.camel") || group.startsWith("org.apache.logging"))) {
                brought.add(group + ":" + text(dependency, "artifactId"));
            }
        }
        assertThat(brought).as("Camel and log4j dependencies a Camel K build would pull in; mark them <optional>")
                .isEmpty();
    }

    @Test
    void kamelRunDeclaresWhatTheIntegrationResourceDeclares() throws IOException {
        KamelRun run = KamelRun.read();
        assertThat(run.sourceGlob()).isEqualTo("routes/*.camel.yaml");
        assertThat(run.option("--use-flows")).containsExactly("false");
        assertThat(run.option("-d")).containsExactlyElementsOf(DEPLOYMENT.dependencies());
        assertThat(run.option("--config")).containsExactlyElementsOf(DEPLOYMENT.mountList("configs"));
        assertThat(run.option("--volume")).containsExactlyElementsOf(DEPLOYMENT.mountList("volumes"));
        assertThat(run.option("--env")).containsExactlyElementsOf(DEPLOYMENT.environmentVars());
        assertThat(run.option("--maven-repository")).containsExactly("$repository"
                + DEPLOYMENT.repositories().get(0).substring(DEPLOYMENT.repositories().get(0).indexOf('@')));
        assertThat(run.defaultRepository()).isEqualTo(DEPLOYMENT.repositories().get(0)
                .substring(0, DEPLOYMENT.repositories().get(0).indexOf('@')));
        assertThat(run.traits()).isEqualTo(DEPLOYMENT.traitOptionsExceptMountAndEnvironment());
        // the ConfigMaps it creates are the ones the Integration mounts, from the files the comments name
        assertThat(run.configMapFiles()).isEqualTo(Deployment.CONFIG_MAPS);
        assertThat(DEPLOYMENT.mountList("configs")).containsExactlyElementsOf(
                Deployment.CONFIG_MAPS.keySet().stream().map(name -> "configmap:" + name).toList());
    }

    @Test
    void theKubernetesSettingsKeepTheOperatorsRoutesAndChangeOnlyRealSettings() {
        Map<String, String> kubernetes = DEPLOYMENT.kubernetesSettings();
        // loaded above the operator's own settings: anything else here would hide the mounted sources
        assertThat(kubernetes).containsEntry("camel.main.routes-include-pattern", OPERATOR_ROUTES_PATTERN);
        Properties application = Deployment.applicationProperties();
        for (String key : kubernetes.keySet()) {
            assertThat(application.containsKey(key)).as("%s is a setting of application.properties", key).isTrue();
        }
    }

    @Test
    void everyEnvironmentVariableOverridesARealSetting() {
        Properties application = Deployment.applicationProperties();
        for (String variable : DEPLOYMENT.environment().keySet()) {
            if (variable.startsWith("CAMEL_MAIN_")) {
                continue; // camel-main's own options, applied in configure(...)
            }
            assertThat(Deployment.settingFor(variable, application)).as("setting overridden by %s", variable).isNotNull();
            // camel.* settings from the environment lose to the ConfigMaps: those go in kubernetes.properties
            assertThat(Deployment.settingFor(variable, application)).doesNotStartWith("camel.");
        }
    }

    @Test
    void theQuarkusBuildHasOneDependencyPerDeclaredOne() throws Exception {
        Map<String, String> declared = new LinkedHashMap<>();
        for (String dependency : DEPLOYMENT.dependencies()) {
            String[] gav = dependency.split(":");
            if (gav[0].equals("camel")) {
                declared.put(dependency, "org.apache.camel.quarkus:camel-quarkus-" + gav[1]);
            } else {
                declared.put(dependency, gav[1] + ":" + gav[2]);
            }
        }
        List<String> built = Deployment.quarkusModuleDependencies();
        for (Map.Entry<String, String> entry : declared.entrySet()) {
            String extension = entry.getValue();
            // documented stand-ins: the extension is not served here, the plain component of the same line is
            String standIn = extension.replace("org.apache.camel.quarkus:camel-quarkus-", "org.apache.camel:camel-");
            assertThat(built).as("the Quarkus build's dependency for %s", entry.getKey()).containsAnyOf(extension, standIn);
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

        Set<String> declared = DEPLOYMENT.dependencies().stream().filter(d -> d.startsWith("camel:"))
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
        assertThat(context.getComponentNames()).contains("aws2-kinesis-firehose", "aws2-athena", "quartz", "smtp",
                "https", "file", "direct", "bean");
    }

    private static Map<String, String> settingsFromEnvironment() {
        Properties application = Deployment.applicationProperties();
        Map<String, String> settings = new LinkedHashMap<>();
        DEPLOYMENT.environment().forEach((variable, value) -> {
            String key = Deployment.settingFor(variable, application);
            if (key != null) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static String artifactOf(Class<?> type) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        java.util.regex.Matcher jar = Pattern.compile("([^/]+)-\\d[^/]*\\.jar$").matcher(location);
        return jar.find() ? jar.group(1) : null; // classes of this project (target/classes) travel in its jar
    }

    static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String projectField(Document pom, String name) {
        return pom.getDocumentElement().getElementsByTagName(name).item(0).getTextContent().trim();
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
