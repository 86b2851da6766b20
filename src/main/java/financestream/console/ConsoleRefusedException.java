package financestream.console;

/** A request the console does not run (HTTP 400), with the reason. */
public class ConsoleRefusedException extends RuntimeException {
    public ConsoleRefusedException(String message) {
        super(message);
    }
}
