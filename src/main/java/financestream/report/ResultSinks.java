package financestream.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the analyze route sends its answer, from the {@code results.sinks} setting ({@code log,csv,html,email}).
 * <p>
 * The sinks run in a fixed order whatever order the setting lists them in: the log and the files first, the email
 * last, so a failed email never keeps the report files from being written.
 */
public class ResultSinks {

    /** Every sink, in the order they run. Each is a route {@code direct:results-NAME}. */
    public static final List<String> ALL = List.of("log", "csv", "html", "email");

    private final List<String> sinks;

    /**
     * @param setting the {@code results.sinks} value
     * @param emailTo the {@code email.to} value: the email sink needs at least one recipient
     */
    public ResultSinks(String setting, String emailTo) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : setting == null ? new String[0] : setting.split(",")) {
            String sink = name.trim().toLowerCase(Locale.ROOT);
            if (sink.isEmpty()) {
                continue;
            }
            if (!ALL.contains(sink)) {
                throw new IllegalArgumentException("results.sinks names an unknown sink '" + name.trim()
                        + "': choose from " + String.join(", ", ALL));
            }
            chosen.add(sink);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("results.sinks is empty: the answer would go nowhere; choose from "
                    + String.join(", ", ALL));
        }
        if (chosen.contains("email") && (emailTo == null || emailTo.isBlank())) {
            throw new IllegalArgumentException("results.sinks includes email but email.to is empty: "
                    + "set email.to (or EMAIL_TO) to the recipients");
        }
        List<String> ordered = new ArrayList<>();
        for (String sink : ALL) {
            if (chosen.contains(sink)) {
                ordered.add(sink);
            }
        }
        this.sinks = List.copyOf(ordered);
    }

    public List<String> names() {
        return sinks;
    }

    /** The routes to send the answer to, for a recipient list. */
    public List<String> endpoints() {
        return sinks.stream().map(sink -> "direct:results-" + sink).toList();
    }
}
