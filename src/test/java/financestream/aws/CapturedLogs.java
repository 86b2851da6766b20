package financestream.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records everything the app and the AWS SDK log, down to TRACE, so a test can prove a secret never appears —
 * including in the SDK's request and signing diagnostics, which only show at those levels.
 */
final class CapturedLogs extends AbstractAppender {

    private static final List<String> LOGGERS = List.of("financestream", "software.amazon.awssdk");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
        super("captured-logs", null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturedLogs begin() {
        CapturedLogs capture = new CapturedLogs();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        for (String logger : LOGGERS) {
            Configurator.setLevel(logger, Level.ALL);
            Configuration configuration = context.getConfiguration();
            LoggerConfig config = configuration.getLoggerConfig(logger);
            config.addAppender(capture, Level.ALL, null);
            // keep the flood of TRACE lines out of the console; the capture is what the test reads
            config.setAdditive(false);
        }
        context.updateLoggers();
        return capture;
    }

    void stopCapturing() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        for (String logger : LOGGERS) {
            context.getConfiguration().getLoggerConfig(logger).removeAppender(getName());
        }
        context.updateLoggers();
        stop();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown);
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String all() {
        return String.join("\n", lines);
    }
}
