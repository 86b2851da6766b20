package financestream.cli;

import financestream.query.LakeApp;
import financestream.query.QueryConfiguration;
import picocli.CommandLine.Command;

/** Only serves the lake: the console and its API, no collect, no schedules. */
@Command(name = "serve", sortOptions = false, usageHelpWidth = 100,
        description = {
            "Serve the console at http://localhost:<observe.port>/ (default 9876) until stopped: the latest "
                    + "answer (athena.query, asked every console.refresh-seconds) as a table and a chart, each "
                    + "symbol's newest bar, the last crawl, and a SQL box; its API: POST /api/query, GET /api/answer.",
            "No collect and no schedules: another process (live) may be filling the lake. Stop it with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:stopped",
            "2:nothing ran: bad options or bad settings"},
        footerHeading = "%nExamples:%n", footer = {
            "  finance-stream serve",
            "  OBSERVE_PORT=8080 CONSOLE_BIND=0.0.0.0 finance-stream serve"})
public class ServeCommand extends AppCommand {

    @Override
    protected Launch launch() {
        return new Launch().routes(LakeApp.routePattern(LakeApp.QUERY_ROUTES))
                .configuration(QueryConfiguration.class)
                .withConsole()
                .set("job.run-once", "false")
                .set("job.live", "false")
                .set("console.refresh-answer", "true");
    }
}
