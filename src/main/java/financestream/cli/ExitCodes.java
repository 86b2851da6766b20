package financestream.cli;

/** The process exit codes, as --help and the README list them. */
public final class ExitCodes {

    /** The job ran and everything succeeded. */
    public static final int OK = 0;
    /** The job ran and something failed (a symbol, a delivery, the query). */
    public static final int FAILED = 1;
    /** Nothing ran: bad options or bad settings. */
    public static final int NOTHING_RAN = 2;


    private ExitCodes() {
    }
}
