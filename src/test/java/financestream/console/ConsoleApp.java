package financestream.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import financestream.query.LakeApp;
import financestream.query.QueryRunner;
import financestream.query.ReferenceLake;
import financestream.query.ResultFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** {@code serve} in this JVM, on a free port, over a lake holding the reference day (crawled once). */
final class ConsoleApp implements AutoCloseable {

    final int port;
    final Main main;

    private ConsoleApp(int port, Main main) {
        this.port = port;
        this.main = main;
    }

    /** Lands and crawls the reference day into {@code lake} (with the query command's --crawl). */
    static void referenceLake(Path lake) throws IOException {
        ReferenceLake.land(lake);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new QueryRunner(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
                .run(new QueryRunner.Request("SELECT 1", null, ResultFormat.CSV, null, true), ReferenceLake.settings(lake));
        if (exit != 0) {
            throw new IllegalStateException("crawl failed: " + err.toString(StandardCharsets.UTF_8));
        }
    }

    /** What ServeCommand starts, with these settings on top. */
    static ConsoleApp serve(Path lake, Properties settings) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties overrides = ReferenceLake.settings(lake);
        overrides.put("observe.port", String.valueOf(port));
        overrides.put("console.enabled", "true");
        overrides.put("console.refresh-answer", "true");
        overrides.putAll(settings);
        Main main = LakeApp.create(overrides, LakeApp.QUERY_ROUTES, ConsoleConfiguration.class);
        main.start();
        return new ConsoleApp(port, main);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
