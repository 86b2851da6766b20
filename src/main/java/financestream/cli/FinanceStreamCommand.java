package financestream.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;

/**
 * {@code finance-stream [COMMAND] [OPTIONS]}: with no command, {@code run}, so {@code finance-stream --date D}
 * is still a backfill.
 * <p>
 * Adding a command: write one {@link AppCommand} subclass with a picocli {@code @Command(name = ...)} and add it
 * to {@code subcommands} below. Its {@link AppCommand#launch()} chooses the routes, beans and settings it starts.
 */
@Command(name = "finance-stream",
        subcommands = {RunCommand.class, BackfillCommand.class, LiveCommand.class, QueryCommand.class,
            ServeCommand.class},
        sortOptions = false, usageHelpWidth = 100,
        synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands (default: run):%n",
        description = {
            "Collect bars into the lake, crawl it and answer the query, then exit.",
            "With no options: the reference day (2020-12-01, 10 symbols) from the recording in the jar, "
                    + "on the embedded engines."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:the job ran and everything succeeded",
            "1:the job ran and something failed",
            "2:nothing ran: bad options or bad settings"},
        footerHeading = "%nExamples:%n", footer = {
            "  finance-stream                        # the reference day, from the recording",
            "  finance-stream --date yesterday       # a backfill from Yahoo (as: backfill --date)",
            "  finance-stream --symbols NFLX,DDOG --date 2026-11-20 --interval 5m",
            "  finance-stream --live                 # stay up: every minute of today's session",
            "  finance-stream backfill --help        # each command's options and examples",
            "%nSettings: application.properties in the working directory, else the jar's;",
            "any setting also as -Dkey=value or from the environment (FINANCE_SYMBOLS=...)."})
public class FinanceStreamCommand extends JobRun {

    /** The command line, ready to execute: exit codes as {@link ExitCodes}, option errors as one line + usage. */
    public static CommandLine commandLine() {
        return new CommandLine(new FinanceStreamCommand())
                .setParameterExceptionHandler(FinanceStreamCommand::badOptions)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("finance-stream: " + Launch.rootMessage(e));
                    return ExitCodes.FAILED;
                });
    }

    /** One line saying what is wrong, the usage line, and where to read more. Nothing runs: exit 2. */
    private static int badOptions(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("finance-stream: " + e.getMessage());
        Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        return ExitCodes.NOTHING_RAN;
    }
}
