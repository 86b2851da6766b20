package financestream.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The parsed template as plain maps and lists, with the few look-ups the checks need. */
final class CloudFormationTemplate {

    private final Map<String, Object> document;

    CloudFormationTemplate(Map<String, Object> document) {
        this.document = document;
    }

    Map<String, Object> document() {
        return document;
    }

    Map<String, Object> parameters() {
        return section("Parameters");
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> outputs() {
        return section("Outputs");
    }

    Map<String, Object> parameter(String name) {
        return asMap(parameters().get(name), "parameter " + name);
    }

    Map<String, Object> resource(String name) {
        return asMap(resources().get(name), "resource " + name);
    }

    String resourceType(String name) {
        return (String) resource(name).get("Type");
    }

    /** Resource logical ids by type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> names = new ArrayList<>();
        resources().forEach((name, body) -> {
            if (type.equals(asMap(body, "resource " + name).get("Type"))) {
                names.add(name);
            }
        });
        return names;
    }

    /** Follows a dotted path of map keys ("Properties.ExtendedS3DestinationConfiguration.BufferingHints"). */
    Object at(Map<String, Object> from, String dottedPath) {
        Object current = from;
        for (String key : dottedPath.split("\\.")) {
            current = asMap(current, dottedPath).get(key);
        }
        return current;
    }

    /** Visits every node of the document, depth first, including intrinsic-function arguments. */
    void visit(Consumer<Object> visitor) {
        visit(document, visitor);
    }

    static void visit(Object node, Consumer<Object> visitor) {
        visitor.accept(node);
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(child -> visit(child, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> visit(child, visitor));
        } else if (node instanceof Intrinsic intrinsic) {
            visit(intrinsic.argument(), visitor);
        }
    }

    /** The intrinsic function a node is, whether written short ({@code !Ref X}) or long ({@code {Ref: X}}). */
    static Optional<Intrinsic> intrinsic(Object node) {
        if (node instanceof Intrinsic intrinsic) {
            return Optional.of(intrinsic);
        }
        if (node instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            if ("Ref".equals(only.getKey()) || "Condition".equals(only.getKey())) {
                return Optional.of(new Intrinsic((String) only.getKey(), only.getValue()));
            }
            if (only.getKey() instanceof String key && key.startsWith("Fn::")) {
                return Optional.of(new Intrinsic(key.substring("Fn::".length()), only.getValue()));
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> section(String name) {
        Object section = document.get(name);
        return section == null ? Map.of() : asMap(section, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        if (!(node instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    /** A deep, mutable copy, so a negative test can plant a fault without touching the real template. */
    CloudFormationTemplate copy() {
        return new CloudFormationTemplate(asMap(deepCopy(document), "template"));
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, deepCopy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(deepCopy(value)));
            return copy;
        }
        if (node instanceof Intrinsic intrinsic) {
            return new Intrinsic(intrinsic.function(), deepCopy(intrinsic.argument()));
        }
        return node;
    }
}
