package financestream;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the one-shot job ends when {@link FinanceStream#main} did not start it. On Camel Quarkus (thus Camel K) the
 * process must exit with the job's code, and a failed job would otherwise exit 0: the code goes to
 * {@code Quarkus.asyncExit} (looked up by name: the jar does not depend on Quarkus, the runtime brings it), which
 * stops Camel gracefully, and to the CamelMain in the registry, whose exit code Camel Quarkus returns (camel-main
 * has no setter for it, hence the field). Elsewhere (camel:run, tests) the CamelContext stops.
 */
final class JobExit {

    private static final Logger LOG = LoggerFactory.getLogger(JobExit.class);

    private JobExit() {
    }

    static Runnable of(CamelContext context, IntSupplier exitCode) {
        return () -> {
            int code = exitCode.getAsInt();
            MainSupport main = context.getRegistry().findSingleByType(MainSupport.class);
            if (main != null) {
                setExitCode(main, code);
            }
            if (!quarkusAsyncExit(context, code)) {
                stopAsync(context);
            }
        };
    }

    /** Quarkus ends with the first exit code it is given: give it the job's before Camel stops and gives it 0. */
    private static boolean quarkusAsyncExit(CamelContext context, int code) {
        try {
            Class<?> quarkus = Class.forName("io.quarkus.runtime.Quarkus", true, context.getApplicationContextClassLoader());
            quarkus.getMethod("asyncExit", int.class).invoke(null, code);
            LOG.debug("Quarkus.asyncExit({})", code);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Quarkus.asyncExit({}) failed: {}", code, e.toString());
            return false;
        }
    }

    private static void setExitCode(MainSupport main, int code) {
        try {
            Field field = MainSupport.class.getDeclaredField("exitCode");
            field.setAccessible(true);
            ((AtomicInteger) field.get(main)).set(code);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not hand exit code {} to {}: {}", code, main.getClass().getName(), e.toString());
        }
    }

    private static void stopAsync(CamelContext context) {
        // Stopping from the job's own thread would wait for that very exchange to finish.
        Thread stopper = new Thread(() -> {
            try {
                context.stop();
            } catch (Exception e) {
                LOG.warn("Stopping Camel failed: {}", e.getMessage());
            }
        }, "finance-stream-stop");
        stopper.start();
    }
}
