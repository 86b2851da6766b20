package financestream.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * What the console shows. By default the plan, progress, summary, answer and outcome; Camel's own start-up and
 * shutdown messages only with --verbose or the log setting {@code -Dlog.camel=INFO} / {@code LOG_CAMEL=INFO}
 * (log4j2.properties).
 */
final class Logging {

    private Logging() {
    }

    static void camelMessages(boolean verbose) {
        if (verbose) {
            Configurator.setLevel("org.apache.camel", Level.INFO);
        }
    }
}
