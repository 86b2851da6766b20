package financestream.cli;

import java.nio.file.Path;
import java.util.Properties;

import financestream.query.QueryRunner;
import financestream.query.ResultFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Asks the lake one question, through the same Athena path as the analysis, and prints the answer. */
@Command(name = "query", sortOptions = false, usageHelpWidth = 100,
        description = {
            "Run one SQL query on the lake as it is (no collect; no crawl unless --crawl) and print the answer.",
            "The embedded DuckDB by default; Athena with CAMEL_MAIN_PROFILE=aws. Tables: bars, and bars_once "
                    + "(each bar once: the setting athena.bars-once, added as WITH bars_once AS (...) when the "
                    + "query names it)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:the answer was printed",
            "1:the query failed: the engine's reason and where in the SQL",
            "2:empty SQL, an unreadable file, or bad options"},
        footerHeading = "%nExamples:%n", footer = {
            "  finance-stream query \"SELECT name, count(*) FROM bars_once GROUP BY name\"",
            "  finance-stream query --file q.sql --format csv --output answer.csv",
            "  CAMEL_MAIN_PROFILE=aws finance-stream query --crawl \"SELECT max(ts) FROM bars\""})
public class QueryCommand extends AppCommand {

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "the query (or --file)")
    String sql;

    @Option(names = "--file", paramLabel = "FILE", description = "read the query from this file")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json")
    String format = "table";

    @Option(names = "--output", paramLabel = "FILE", description = "write the answer here instead of printing it")
    Path output;

    @Option(names = "--crawl", description = "crawl the lake first (new folders, new columns)")
    boolean crawl;

    @Override
    protected Launch launch() {
        throw new UnsupportedOperationException("query runs in call()");
    }

    /** Not a job run: starts camel-main with the query's routes, asks, prints, stops (QueryRunner). */
    @Override
    public Integer call() {
        if (sql != null && file != null) {
            spec.commandLine().getErr().println("finance-stream query: give the SQL or --file, not both");
            return ExitCodes.NOTHING_RAN;
        }
        ResultFormat resultFormat;
        try {
            resultFormat = ResultFormat.of(format);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("finance-stream query: " + e.getMessage());
            return ExitCodes.NOTHING_RAN;
        }
        Logging.camelMessages(verbose);
        return new QueryRunner(System.out, System.err)
                .run(new QueryRunner.Request(sql, file, resultFormat, output, crawl), new Properties());
    }
}
