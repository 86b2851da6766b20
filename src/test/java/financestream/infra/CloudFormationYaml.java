package financestream.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a CloudFormation YAML template with snakeyaml-engine (already on the classpath through Camel's YAML DSL).
 * Plain YAML loaders reject the {@code !Ref}-style tags, so each short-form function becomes an {@link Intrinsic}.
 */
final class CloudFormationYaml {

    /** Every short-form tag CloudFormation accepts; an unknown tag still fails the load, as it would in AWS. */
    static final List<String> SHORT_FORM_FUNCTIONS = List.of(
            "Ref", "Condition", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or",
            "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    static CloudFormationTemplate load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static CloudFormationTemplate parse(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel("CloudFormation template").build();
        Object document = new Load(settings, new IntrinsicConstructor(settings)).loadFromString(yaml);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("a CloudFormation template is a YAML mapping, got: " + document);
        }
        return new CloudFormationTemplate((Map<String, Object>) document);
    }

    private static final class IntrinsicConstructor extends StandardConstructor {

        IntrinsicConstructor(LoadSettings settings) {
            super(settings);
            for (String function : SHORT_FORM_FUNCTIONS) {
                tagConstructors.put(new Tag("!" + function), new ConstructIntrinsic(function));
            }
        }

        private final class ConstructIntrinsic implements ConstructNode {
            private final String function;

            ConstructIntrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
