package financestream.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import financestream.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No network: Yahoo's host does not resolve. The real {@code finance-stream} in its own JVM, whose resolver reads
 * only a hosts file holding localhost ({@code jdk.net.hosts.file}), so nothing leaves the machine. The run says
 * once that Yahoo could not be reached and why, retries nothing, asks for no other symbol, and exits 1.
 */
class YahooUnknownHostTest {

    @TempDir
    Path work;

    @Test
    void anUnresolvableYahooIsSaidOnceAndNotRetried() throws Exception {
        Path hosts = Files.writeString(work.resolve("hosts"), "127.0.0.1 localhost\n");
        App app = new App(work.resolve("app"))
                .set("jdk.net.hosts.file", hosts.toString())
                .set("yahoo.base-url", "https://query2.finance.yahoo.com")
                // the app's clock on the Monday after: Yahoo would still serve that Friday's 1-minute bars
                .set("finance.clock", "2025-12-08T12:00:00-05:00")
                .args("--date", "2025-12-05", "--verbose");
        int exit = app.run(Duration.ofMinutes(2));
        String log = app.logText();

        assertThat(exit).as(log).isEqualTo(1);
        assertThat(log.lines().filter(line -> line.contains("Yahoo could not be reached at https://query2.finance.yahoo.com:"
                + " the host does not resolve") && line.contains("The other symbols are not asked"))).as(log).hasSize(1);
        assertThat(log).contains("not asked: Yahoo could not be reached")
                .as("no redelivery (Camel logs each attempt with --verbose)").doesNotContain("On delivery attempt");
        assertThat(app.lake().resolve("finance-stream-lake/bars")).doesNotExist();
    }
}
