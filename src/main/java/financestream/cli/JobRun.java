package financestream.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The job's options and launch, shared by {@code run} and the bare {@code finance-stream} (which runs it). */
abstract class JobRun extends AppCommand {


    @Mixin
    JobOptions job;

    @Option(names = "--live", description = "stay up and collect every minute of today's session (as the live command)")
    boolean live;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "with --live: stop after this many seconds (default: run until stopped)")
    Integer durationSeconds;

    @Override
    protected Launch launch() {
        Launch launch = Launch.job().set(job.settings(live));
        if (live) {
            launch.withConsole();
        }
        if (durationSeconds != null) {
            if (!live) {
                throw new IllegalArgumentException("--duration applies to a live run (--live)");
            }
            launch.set("camel.main.duration-max-seconds", String.valueOf(durationSeconds));
        }
        return launch;
    }
}
