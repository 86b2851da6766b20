package financestream.collect;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import financestream.App;
import financestream.SettableClock;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Yahoo whose port is closed (nothing listens on loopback): the first symbol's request is refused, is not
 * retried (neither by Camel's redelivery nor by the HTTP client), and the other symbols are not asked at all.
 * The unknown-host case runs in its own JVM: {@code financestream.reliability.YahooUnknownHostTest}.
 */
class YahooUnreachableTest {

    private static final String TEN = "FB,SHOP,BYND,NFLX,PINS,SQ,TTD,OKTA,SNAP,DDOG";

    @TempDir
    Path work;

    private App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRefusedConnectionIsAskedOnceAndTheOtherSymbolsAreNotAsked() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String yahoo = "http://127.0.0.1:" + closedPort;
        HttpRequests requests = new HttpRequests();
        Properties settings = new Properties();
        settings.put("finance.source", "yahoo");
        settings.put("finance.symbols", TEN);
        settings.put("finance.date", "2025-12-05");
        settings.put("yahoo.base-url", yahoo);
        settings.put("yahoo.max-requests", "100");
        // the shipped retry policy: five redeliveries from 1 s would take a minute per symbol if they applied

        app = new App(work).clock(new SettableClock(YahooDays.at(LocalDate.of(2025, 12, 8), 12, 0, 0)))
                .set(settings).notifier(requests).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> app.outcome().exitCode().isPresent());

        assertThat(app.outcome().exitCode()).contains(1);
        assertThat(requests.count()).as("HTTP requests made to Yahoo").isEqualTo(1);
        List<String> failures = app.outcome().failures();
        assertThat(failures).contains("FB (backfill): FB (as META) 2025-12-05: Connect to " + yahoo + " failed: Connection refused");
        assertThat(failures.stream().filter(failure -> failure.contains(
                ": not asked: Yahoo could not be reached (connection refused (Connect to " + yahoo))).as("the other nine")
                .hasSize(9);
        assertThat(app.landedBars()).isEmpty();
    }

    /** Counts the requests Camel sends to an http(s) endpoint (the client's own retries are off). */
    static final class HttpRequests extends EventNotifierSupport {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeSendingEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (((ExchangeSendingEvent) event).getEndpoint().getEndpointUri().startsWith("http")) {
                count.incrementAndGet();
            }
        }

        int count() {
            return count.get();
        }
    }
}
