package financestream;

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
 * Records what is logged (messages and exception chains), so a test can prove what reaches the log — or that a
 * secret never does.
 */
public final class CapturedLogs extends AbstractAppender {

    private static final List<String> LOGGERS = List.of("financestream", "software.amazon.awssdk");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs(String name) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
    }

    /** Everything logged at the root logger's levels (INFO and above as configured). */
    public static CapturedLogs onRootLogger() {
        CapturedLogs capture = new CapturedLogs("root-log-capture");
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        return capture;
    }

    /**
     * Everything the app and the AWS SDK log, down to TRACE, including the SDK's request and signing diagnostics,
     * which only show at those levels; kept out of the console. End with {@link #stopCapturing()}.
     */
    public static CapturedLogs begin() {
        CapturedLogs capture = new CapturedLogs("captured-logs");
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

    public void stopCapturing() {
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

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }
}
