package financestream.cli;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run prints besides the routes' own lines: the plan first, and each failure once, as one line.
 * <p>
 * Camel's error handler would log every exhausted exchange with its message history and stack trace; a one-shot
 * run lists its failures in the job's verdict instead (Camel's blocks only with --verbose).
 */
final class ConsoleOutput extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger("financestream.plan");

    private final boolean verbose;

    ConsoleOutput(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        boolean oneShot = Boolean.parseBoolean(setting(context, "job.run-once", "true"));
        if (oneShot && !verbose) {
            // the job's verdict lists each failure once; Camel's error handler would add a block per failure
            Configurator.setLevel("org.apache.camel.processor.errorhandler", Level.OFF);
        }
        if (setting(context, "finance.engines", null) == null) {
            return; // not the job's settings (a command with its own): no job plan to tell
        }
        LOG.info(plan(context));
    }

    /** e.g. "Plan: backfill 2020-12-01 · 10 symbols (FB … DDOG) from replay → Firehose → Glue → Athena · embedded engines, lake /x" */
    static String plan(CamelContext context) {
        boolean live = Boolean.parseBoolean(setting(context, "job.live", "false"));
        String from = setting(context, "finance.from", "");
        String days = !live && !from.isBlank() ? from + " to " + setting(context, "finance.to", "")
                : setting(context, "finance.date", "");
        List<String> symbols = Arrays.stream(setting(context, "finance.symbols", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String named = symbols.size() <= 3 ? String.join(", ", symbols)
                : symbols.get(0) + ", " + symbols.get(1) + " … " + symbols.get(symbols.size() - 1);
        String engines = setting(context, "finance.engines", "embedded");
        String where = "embedded".equals(engines)
                ? "embedded engines, lake " + java.nio.file.Path.of(setting(context, "lake.dir", "lake")).toAbsolutePath()
                : "AWS: Firehose stream " + setting(context, "firehose.stream", "?") + ", Glue crawler "
                        + setting(context, "glue.crawler", "?") + ", Athena workgroup " + setting(context, "athena.workgroup", "?");
        return "Plan: " + (live ? "live from " : "backfill ") + days + " · " + symbols.size() + " symbol(s) (" + named
                + ") from " + setting(context, "finance.source", "?") + " → Firehose → Glue → Athena"
                + (live ? ", each step on its schedule until stopped" : ", then exit") + " · " + where;
    }

    private static String setting(CamelContext context, String key, String defaultValue) {
        try {
            PropertiesComponent properties = context.getPropertiesComponent();
            return properties.resolveProperty(key).map(String::trim).orElse(defaultValue);
        } catch (RuntimeException e) {
            return defaultValue; // a setting that does not resolve: SettingsCheck names it
        }
    }
}
