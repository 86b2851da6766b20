package financestream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import financestream.settings.Setting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each setting is declared once: its key, type and check as a component of one stage's settings record, its
 * default and meaning in {@code application.properties} — and nowhere else. Camel's own {@code camel.*} settings
 * are Camel's to check.
 */
class SettingsDeclaredOnceTest {

    /** {@code key=} lines, and {@code #key=} ones: an optional setting shown commented out, with an example. */
    private static final Pattern PROPERTY = Pattern.compile("^#?([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)=", Pattern.MULTILINE);

    @Test
    void everySettingIsDeclaredByOneRecordComponentAndDefaultedInApplicationProperties() throws IOException {
        List<String> declared = new ArrayList<>();
        for (Record stage : SettingsCheck.check(context()).all()) {
            for (var component : stage.getClass().getRecordComponents()) {
                declared.add(component.getAnnotation(Setting.class).value());
            }
        }
        assertThat(declared).as("no key declared twice").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(declared)).isEqualTo(keysIn("application.properties"));
        assertThat(new TreeSet<>(declared)).containsAll(keysIn("application-aws.properties"));
    }

    private static Set<String> keysIn(String file) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = PROPERTY.matcher(Files.readString(Path.of(file)));
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("camel.")) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

    private static org.apache.camel.impl.DefaultCamelContext context() {
        var context = new org.apache.camel.impl.DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:application.properties");
        var overrides = new java.util.Properties();
        overrides.put("lake.dir", Path.of("target", "declared-once", "lake").toString());
        overrides.put("results.dir", Path.of("target", "declared-once", "results").toString());
        context.getPropertiesComponent().setOverrideProperties(overrides);
        return context;
    }
}
