package financestream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** One past trading day, or a range of them, from Yahoo (or a recording), then the answer for the last day. */
@Command(name = "backfill", sortOptions = false, usageHelpWidth = 100,
        description = {
            "Collect past trading days (Yahoo serves 1-minute bars for about the last 30 days), crawl, answer, exit.",
            "Needs --date or --from/--to. Weekends and holidays are skipped and named; bars already in the lake are not sent again."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:the job ran and everything succeeded",
            "1:the job ran and something failed",
            "2:nothing ran: bad options or bad settings"},
        footerHeading = "%nExamples:%n", footer = {
            "  finance-stream backfill --date yesterday",
            "  finance-stream backfill --date 2026-11-20 --symbols NFLX,DDOG --interval 5m",
            "  finance-stream backfill --from \"$(date -d '7 days ago' +%%F)\" --to yesterday"})
public class BackfillCommand extends AppCommand {

    @Mixin
    JobOptions job;

    @Override
    protected Launch launch() {
        if (!job.isBackfill()) {
            throw new IllegalArgumentException("backfill needs --date DAY or --from DAY --to DAY");
        }
        return Launch.job().set(job.settings(false));
    }
}
