package financestream.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A finance-stream command: says what it starts ({@link #launch()}: which routes, which beans, which settings),
 * and this class runs it. A new command is one subclass, annotated with picocli's {@code @Command} and listed in
 * {@link FinanceStreamCommand}'s {@code subcommands}.
 */
public abstract class AppCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--verbose", description = "also show Camel's start-up and shutdown messages, and each error's causes")
    protected boolean verbose;

    /**
     * What this command starts.
     *
     * @throws IllegalArgumentException for options that do not go together: nothing runs, exit 2 with the usage line
     */
    protected abstract Launch launch();

    @Override
    public Integer call() {
        Launch launch;
        try {
            launch = launch();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return launch.verbose(verbose).run();
    }
}
