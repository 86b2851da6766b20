package financestream;

import java.lang.reflect.Method;
import java.util.function.IntSupplier;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the one-shot job ends when {@link FinanceStream#main} did not start it.
 * <p>
 * On Camel Quarkus (Camel K) the process must exit with the job's code: Camel Quarkus ends with camel-main's exit
 * code, which is always 0, so the code goes to {@code Quarkus.asyncExit}, which stops Camel gracefully. Quarkus is
 * looked up by name because the jar must not depend on it (it is the runtime's, not ours). Elsewhere (camel:run,
 * tests) stopping the CamelContext ends the run.
 */
final class JobExit {

    private static final Logger LOG = LoggerFactory.getLogger(JobExit.class);
    private static final String QUARKUS = "io.quarkus.runtime.Quarkus";

    private JobExit() {
    }

    static Runnable of(CamelContext context, IntSupplier exitCode) {
        Method asyncExit = quarkusAsyncExit(context.getApplicationContextClassLoader());
        if (asyncExit == null) {
            return () -> stopAsync(context);
        }
        return () -> {
            try {
                asyncExit.invoke(null, exitCode.getAsInt());
            } catch (ReflectiveOperationException e) {
                LOG.warn("Quarkus.asyncExit failed ({}): stopping Camel instead", e.getMessage());
                stopAsync(context);
            }
        };
    }

    private static Method quarkusAsyncExit(ClassLoader loader) {
        try {
            Class<?> quarkus = Class.forName(QUARKUS, false, loader != null ? loader : JobExit.class.getClassLoader());
            return quarkus.getMethod("asyncExit", int.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
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
