package financestream.infra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code Ref}, {@code GetAtt}, {@code Sub} variables and {@code DependsOn} entries that name nothing the
 * template declares. CloudFormation would reject these only at deploy time; here they fail a unit test.
 */
final class DanglingReferences {

    /** {@code ${Name}} or {@code ${Name.Attribute}}; {@code ${!Literal}} is an escape, not a reference. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private DanglingReferences() {
    }

    static List<String> in(CloudFormationTemplate template) {
        Set<String> resources = template.resources().keySet();
        Set<String> parameters = template.parameters().keySet();
        List<String> problems = new ArrayList<>();
        template.visit(node -> CloudFormationTemplate.intrinsic(node).ifPresent(call -> {
            switch (call.function()) {
                case "Ref" -> checkRef((String) call.argument(), resources, parameters, problems);
                case "GetAtt" -> checkGetAtt(call.argument(), resources, problems);
                case "Sub" -> checkSub(call.argument(), resources, parameters, problems);
                default -> { }
            }
        }));
        template.resources().forEach((name, body) -> {
            Object dependsOn = CloudFormationTemplate.asMap(body, name).get("DependsOn");
            List<?> targets = dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn);
            for (Object target : targets) {
                if (!resources.contains(target)) {
                    problems.add("DependsOn " + target + " in " + name + " names no resource");
                }
            }
        });
        return problems;
    }

    private static void checkRef(String target, Set<String> resources, Set<String> parameters, List<String> problems) {
        if (!target.startsWith("AWS::") && !resources.contains(target) && !parameters.contains(target)) {
            problems.add("!Ref " + target + " names no resource or parameter");
        }
    }

    private static void checkGetAtt(Object argument, Set<String> resources, List<String> problems) {
        String resource = argument instanceof List<?> list
                ? String.valueOf(list.get(0))
                : String.valueOf(argument).split("\\.", 2)[0];
        if (!resources.contains(resource)) {
            problems.add("!GetAtt " + argument + " names no resource");
        }
    }

    private static void checkSub(Object argument, Set<String> resources, Set<String> parameters,
                                 List<String> problems) {
        String text;
        Set<String> localVariables = new HashSet<>();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            if (list.size() > 1 && list.get(1) instanceof Map<?, ?> variables) {
                variables.keySet().forEach(key -> localVariables.add(String.valueOf(key)));
            }
        } else {
            text = String.valueOf(argument);
        }
        Matcher variable = SUB_VARIABLE.matcher(text);
        while (variable.find()) {
            String name = variable.group(1);
            String head = name.split("\\.", 2)[0];
            boolean declared = name.startsWith("AWS::") || localVariables.contains(name)
                    || resources.contains(head) || (!name.contains(".") && parameters.contains(name));
            if (!declared) {
                problems.add("!Sub variable ${" + name + "} names no resource or parameter");
            }
        }
    }
}
