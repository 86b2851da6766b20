package financestream.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/kamel-run.sh, read as the shell would split its commands. */
final class KamelRun {

    static final Path SCRIPT = Path.of("deploy/kamel-run.sh");

    private final String script;
    private final List<String> kamelRun;

    private KamelRun(String script) {
        this.script = script;
        String joined = script.replace("\\\n", " ");
        String command = joined.lines().filter(line -> line.strip().startsWith("kamel run ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(SCRIPT + " has no kamel run command"));
        List<String> words = new ArrayList<>();
        for (String word : command.strip().split("\\s+")) {
            words.add(word.replace("\"", ""));
        }
        this.kamelRun = words;
    }

    static KamelRun read() throws IOException {
        return new KamelRun(Files.readString(SCRIPT));
    }

    String sourceGlob() {
        return kamelRun.get(2);
    }

    /** The values of an option, in order: {@code -d X} and {@code --use-flows=X} alike. */
    List<String> option(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < kamelRun.size(); i++) {
            String word = kamelRun.get(i);
            if (word.equals(name) && i + 1 < kamelRun.size()) {
                values.add(kamelRun.get(++i));
            } else if (word.startsWith(name + "=")) {
                values.add(word.substring(name.length() + 1));
            }
        }
        return values;
    }

    Set<String> traits() {
        return new TreeSet<>(option("-t"));
    }

    String defaultRepository() {
        Matcher matcher = Pattern.compile("\\$\\{FINANCE_STREAM_REPOSITORY:-([^}]+)}").matcher(script);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** {@code kubectl create configmap NAME --from-file=FILE}: each ConfigMap and its file, in order. */
    Map<String, Path> configMapFiles() {
        Map<String, Path> configMaps = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("kubectl create configmap (\\S+) --from-file=(\\S+)").matcher(script);
        while (matcher.find()) {
            configMaps.put(matcher.group(1), Path.of(matcher.group(2)));
        }
        return configMaps;
    }
}
