package financestream.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The {@code openAPIV3Schema} of Camel K's Integration CRD (src/test/resources/camel-k/, README there), checked as
 * the API server checks a custom resource: a field the schema does not declare is an error (strict field
 * validation; the API server would otherwise drop it silently) unless the schema says
 * {@code x-kubernetes-preserve-unknown-fields}, and {@code x-kubernetes-int-or-string} takes either.
 */
final class IntegrationSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Schema schema;

    private IntegrationSchema(Schema schema) {
        this.schema = schema;
    }

    @SuppressWarnings("unchecked")
    static IntegrationSchema camelK(String version) throws IOException {
        String resource = "/camel-k/camel.apache.org_integrations-v" + version + ".yaml";
        Map<String, Object> crd;
        try (InputStream in = IntegrationSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no CRD " + resource + " on the test class path");
            }
            crd = (Map<String, Object>) new Load(LoadSettings.builder().setCodePointLimit(16 * 1024 * 1024).build())
                    .loadFromInputStream(in);
        }
        List<Map<String, Object>> versions = (List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec")).get("versions");
        Map<String, Object> v1 = versions.stream().filter(v -> "v1".equals(v.get("name"))).findFirst().orElseThrow();
        Map<String, Object> openApi = (Map<String, Object>) asApiServerChecks(
                ((Map<String, Object>) v1.get("schema")).get("openAPIV3Schema"));
        // metadata is the API server's ObjectMeta, checked by the server itself rather than by the CRD's schema
        ((Map<String, Object>) openApi.get("properties")).put("metadata", Map.of("type", "object"));
        String jsonSchema = JSON.writeValueAsString(openApi);
        return new IntegrationSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(jsonSchema, InputFormat.JSON));
    }

    /** The errors the API server would answer for this resource (YAML); empty when it accepts it. */
    List<String> errors(String yaml) throws IOException {
        Object resource = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return schema.validate(JSON.writeValueAsString(resource), InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + (error.getProperty() == null ? "" : " " + error.getProperty())
                        + ": " + error.getMessage()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object asApiServerChecks(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(IntegrationSchema::asApiServerChecks).toList();
        }
        if (!(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((key, value) -> schema.put(key,
                // "properties" maps field names to schemas: keep its keys, check each schema
                key.equals("properties") ? mapValues((Map<String, Object>) value) : asApiServerChecks(value)));
        if (Boolean.TRUE.equals(schema.remove("x-kubernetes-int-or-string"))) {
            schema.remove("type");
            schema.put("anyOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
        }
        boolean preserveUnknown = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        if ("object".equals(schema.get("type")) && !preserveUnknown && !schema.containsKey("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    private static Map<String, Object> mapValues(Map<String, Object> properties) {
        Map<String, Object> checked = new LinkedHashMap<>();
        properties.forEach((name, schema) -> checked.put(name, asApiServerChecks(schema)));
        return checked;
    }
}
