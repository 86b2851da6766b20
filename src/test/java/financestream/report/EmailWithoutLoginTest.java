package financestream.report;

import financestream.App;
import financestream.JobTestSupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import financestream.JobOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay that needs no login (an in-cluster mail relay, say): with email.user and email.password left empty the
 * report is still sent.
 */
class EmailWithoutLoginTest extends JobTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @Override
    protected App configure(App app) {
        return app
                .set("results.sinks", "email")
                .mailServer(SMTP.getSmtp().getPort())
                .set("email.to", "analyst@example.org");
    }

    @Test
    void sendsWithoutCredentials() throws Exception {
        JobOutcome outcome = awaitJob();
        assertThat(outcome.failures()).isEmpty();
        assertThat(SMTP.getReceivedMessages()).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Highest hourly high per company on 2020-12-01"));
    }
}
