package financestream.query;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code query} command's arguments, until the command line moves to picocli subcommands:
 * {@code query [--file q.sql] [--format table|csv|json] [--output FILE] [--crawl] ["SELECT …"]}.
 */
public final class QueryArguments {

    private QueryArguments() {
    }

    /** Runs {@code query} with its arguments (after the word "query"); returns the exit code. */
    public static int run(String... args) {
        QueryCommand.Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("finance-stream query: " + e.getMessage());
            return QueryCommand.BAD_INPUT;
        }
        return new QueryCommand(System.out, System.err).run(request, new Properties());
    }

    static QueryCommand.Request parse(String... args) {
        String sql = null;
        Path file = null;
        ResultFormat format = ResultFormat.TABLE;
        Path output = null;
        boolean crawl = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--crawl" -> crawl = true;
                case "--file", "--format", "--output" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--file" -> file = Path.of(value);
                        case "--format" -> format = ResultFormat.of(value);
                        default -> output = Path.of(value);
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg
                                + " (query [--file q.sql] [--format table|csv|json] [--output FILE] [--crawl] \"SQL\")");
                    }
                    if (sql != null) {
                        throw new IllegalArgumentException("give the SQL as one argument, in quotes");
                    }
                    sql = arg;
                }
            }
        }
        if (sql != null && file != null) {
            throw new IllegalArgumentException("give the SQL or --file, not both");
        }
        return new QueryCommand.Request(sql, file, format, output, crawl);
    }
}
