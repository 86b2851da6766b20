package financestream.cli;

import picocli.CommandLine.Command;

/** The job: collect, crawl, analyze, once (the reference day unless told otherwise), or live with --live. */
@Command(name = "run", sortOptions = false, usageHelpWidth = 100,
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
            "%nSettings: application.properties in the working directory, else the jar's;",
            "any setting also as -Dkey=value or from the environment (FINANCE_SYMBOLS=...)."})
public class RunCommand extends JobRun {
}
