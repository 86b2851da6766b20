package financestream.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user meets it: the options users know become settings, --help lists them with the exit
 * codes, and a bad option ends with exit 2, one line saying what is wrong and the usage line, before anything runs.
 */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = FinanceStreamCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** The settings the command the arguments name would start with. */
    private static Properties settings(String... args) {
        ParseResult parsed = FinanceStreamCommand.commandLine().parseArgs(args);
        List<CommandLine> commands = parsed.asCommandLineList();
        AppCommand command = commands.get(commands.size() - 1).getCommand();
        return command.launch().settings();
    }

    private static String today() {
        return LocalDate.now(JobOptions.EXCHANGE_ZONE).toString();
    }

    @Test
    void aDateBackfillsThatDayFromYahoo() {
        for (String[] args : List.of(new String[] {"--date", "2026-11-20", "--symbols", "NFLX,DDOG", "--interval=1m"},
                new String[] {"backfill", "--date=2026-11-20", "--symbols", "NFLX,DDOG", "--interval", "1m"},
                new String[] {"run", "--date", "2026-11-20", "--symbols=NFLX,DDOG", "--interval", "1m"})) {
            assertThat(settings(args)).containsEntry("finance.date", "2026-11-20")
                    .containsEntry("finance.symbols", "NFLX,DDOG").containsEntry("finance.interval", "1m")
                    .containsEntry("finance.source", "yahoo").doesNotContainKey("finance.from");
        }
    }

    @Test
    void relativeDatesAreNewYorkDays() {
        assertThat(settings("--date", "today")).containsEntry("finance.date", today());
        assertThat(settings("backfill", "--date", "yesterday"))
                .containsEntry("finance.date", LocalDate.now(JobOptions.EXCHANGE_ZONE).minusDays(1).toString());
    }

    @Test
    void aRangeNamesBothEndsAndTheAnswerIsForItsLastDay() {
        assertThat(settings("--from", "2026-11-02", "--to", "2026-11-20")).containsEntry("finance.from", "2026-11-02")
                .containsEntry("finance.to", "2026-11-20").containsEntry("finance.date", "2026-11-20");
    }

    @Test
    void liveStaysUpForTodayFromYahoo() {
        for (String[] args : List.of(new String[] {"--live", "--duration", "60"}, new String[] {"live", "--duration=60"})) {
            assertThat(settings(args)).containsEntry("job.run-once", "false").containsEntry("job.live", "true")
                    .containsEntry("finance.date", today()).containsEntry("finance.source", "yahoo")
                    .containsEntry("camel.main.duration-max-seconds", "60");
        }
    }

    @Test
    void noOptionsKeepTheReferenceJob() {
        assertThat(settings()).isEmpty();
        assertThat(settings("run")).isEmpty();
        assertThat(settings("--source", "replay", "--date", "2020-12-01")).containsEntry("finance.source", "replay");
    }

    @Test
    void helpListsTheCommandsTheOptionsAndTheExitCodes() {
        assertThat(execute("--help")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Usage: finance-stream [-h] [--live] [--verbose] [--date=DAY]");
        assertThat(lines.get(2)).isEqualTo("Collect bars into the lake, crawl it and answer the query, then exit.");
        assertThat(out.toString()).contains("--from=DAY", "--to=DAY", "--symbols=LIST", "--interval=BAR",
                        "--source=SOURCE", "--live", "Commands (default: run):", "  backfill  ", "  live  ")
                .contains("Exit codes:", "  0   the job ran and everything succeeded",
                        "  1   the job ran and something failed", "  2   nothing ran: bad options or bad settings")
                .contains("Examples:", "finance-stream --date yesterday");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0} --help")
    @CsvSource({"run, Collect bars into the lake", "backfill, Collect past trading days", "live, Stay up and run each step"})
    void eachCommandHasItsHelpWithExamples(String command, String description) {
        assertThat(execute(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: finance-stream " + command + " [-h]").contains(description)
                .contains("Exit codes:", "Examples:", "finance-stream " + (command.equals("run") ? "" : command));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bogus                                           | Unknown option: '--bogus'",
        "--date 20-11-2026                                 | Invalid value for option '--date': '20-11-2026' is not a date YYYY-MM-DD, today or yesterday",
        "--from 2026-11-02                                 | a range needs both --from and --to (for one day use --date)",
        "--from 2026-11-20 --to 2026-11-02                 | --from 2026-11-20 is after --to 2026-11-02",
        "--date 2026-11-20 --from 2026-11-02 --to 2026-11-03 | give either --date or --from/--to, not both",
        "--symbols                                         | Missing required parameter for option '--symbols' (LIST)",
        "--live --date 2026-11-20                          | --live collects today; it cannot be combined with --date, --from or --to",
        "--source csv                                      | --source 'csv' is not one of yahoo, replay, replay-stream",
        "--duration 60                                     | --duration applies to a live run (--live)",
        "backfill                                          | backfill needs --date DAY or --from DAY --to DAY",
        "live --date 2026-11-20                            | Unknown options: '--date', '2026-11-20'",
        "extra                                             | Unmatched argument at index 0: 'extra'"})
    void aBadOptionExitsTwoWithOneLineAndTheUsage(String args, String message) {
        assertThat(execute(args.trim().split(" +"))).isEqualTo(ExitCodes.NOTHING_RAN);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("finance-stream: " + message);
        assertThat(lines.get(1)).startsWith("Usage: finance-stream");
        assertThat(lines.get(lines.size() - 1)).startsWith("Try 'finance-stream").endsWith(" --help' for more.");
        assertThat(out.toString()).isEmpty();
    }
}
