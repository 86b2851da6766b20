package financestream;

import financestream.cli.FinanceStreamCommand;

/**
 * The {@code finance-stream} command ({@code financestream.cli}): starts camel-main with the routes in
 * {@code routes/} and the settings in {@code application.properties}, and exits with the outcome — 0 when the job
 * ran and everything succeeded, 1 when something failed, 2 when nothing ran (bad options or settings) — so a
 * scheduler or CI sees a failure without reading the log.
 */
public final class FinanceStream {

    private FinanceStream() {
    }

    public static void main(String... args) {
        System.exit(FinanceStreamCommand.commandLine().execute(args));
    }
}
