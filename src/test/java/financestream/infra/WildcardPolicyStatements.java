package financestream.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds IAM policy statements that grant every action (or every action of a service) on every resource — the
 * shape least privilege forbids. Looks at every {@code Statement} anywhere in the template (roles, managed
 * policies, bucket policies), whatever its Effect, so nothing slips through under an unexpected key.
 */
final class WildcardPolicyStatements {

    /** "*" or "service:*"; a narrower pattern such as "s3:Get*" is a deliberate choice, not a blanket grant. */
    private static final Pattern ALL_ACTIONS = Pattern.compile("\\*|[A-Za-z0-9-]+:\\*");

    private WildcardPolicyStatements() {
    }

    static List<String> in(CloudFormationTemplate template) {
        List<String> findings = new ArrayList<>();
        template.visit(node -> {
            if (node instanceof Map<?, ?> map && map.get("Statement") != null) {
                for (Object statement : asList(map.get("Statement"))) {
                    if (statement instanceof Map<?, ?> body && grantsAllOnAll(body)) {
                        findings.add(describe(body));
                    }
                }
            }
        });
        return findings;
    }

    private static boolean grantsAllOnAll(Map<?, ?> statement) {
        boolean allActions = statement.containsKey("NotAction")
                || asList(statement.get("Action")).stream().anyMatch(WildcardPolicyStatements::isAllActions);
        boolean allResources = statement.containsKey("NotResource")
                || asList(statement.get("Resource")).stream().anyMatch(WildcardPolicyStatements::isEveryResource);
        return allActions && allResources;
    }

    private static boolean isAllActions(Object action) {
        return literal(action) instanceof String text && ALL_ACTIONS.matcher(text.trim()).matches();
    }

    private static boolean isEveryResource(Object resource) {
        return literal(resource) instanceof String text && text.trim().equals("*");
    }

    /** A plain string, or the template of a {@code !Sub} with no variables, which is the same string. */
    private static Object literal(Object value) {
        return CloudFormationTemplate.intrinsic(value)
                .filter(call -> call.function().equals("Sub") && call.argument() instanceof String)
                .map(call -> (Object) call.argument())
                .orElse(value);
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static String describe(Map<?, ?> statement) {
        Object sid = statement.get("Sid");
        return (sid == null ? "statement" : "statement " + sid) + " grants " + statement.get("Action")
                + " on " + statement.get("Resource");
    }
}
