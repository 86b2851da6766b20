package financestream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Stays up: collects every minute while the market is open, crawls hourly, answers after the close. */
@Command(name = "live", sortOptions = false, usageHelpWidth = 100,
        description = {
            "Stay up and run each step on its schedule (New York time): collect every minute of the session, "
                    + "crawl hourly, answer after the close.",
            "Holidays, weekends and the hours outside the session are idle. Stop it with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:stopped, nothing failed",
            "1:stopped, something failed",
            "2:nothing ran: bad options or bad settings"},
        footerHeading = "%nExamples:%n", footer = {
            "  finance-stream live",
            "  finance-stream live --symbols NFLX,DDOG --duration 3600"})
public class LiveCommand extends AppCommand {

    @Option(names = "--symbols", paramLabel = "LIST", description = "comma-separated symbols, instead of finance.symbols")
    String symbols;

    @Option(names = "--interval", paramLabel = "BAR", description = "bar size, instead of finance.interval")
    String interval;

    @Option(names = "--source", paramLabel = "SOURCE", description = "yahoo (default) or replay (with finance.clock)")
    String source;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this many seconds (default: run until stopped)")
    Integer durationSeconds;

    @Override
    protected Launch launch() {
        JobOptions job = new JobOptions();
        job.symbols = symbols;
        job.interval = interval;
        job.source = source;
        Launch launch = Launch.job().set(job.settings(true)).withConsole();
        if (durationSeconds != null) {
            launch.set("camel.main.duration-max-seconds", String.valueOf(durationSeconds));
        }
        return launch;
    }
}
