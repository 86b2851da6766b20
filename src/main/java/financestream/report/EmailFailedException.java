package financestream.report;

/** The report could not be emailed: the message says to whom, through which server, and why. */
public class EmailFailedException extends RuntimeException {
    public EmailFailedException(String message) {
        super(message);
    }
}
