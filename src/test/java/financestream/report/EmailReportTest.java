package financestream.report;

import financestream.App;
import financestream.JobTestSupport;
import financestream.CapturedLogs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import financestream.JobOutcome;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot job with {@code email} among the sinks mails the report to a real SMTP server (GreenMail on
 * loopback, with authentication): the subject and recipients from the settings, every value of the answer in the
 * HTML body, and the chart as an inline PNG the body shows by its Content-ID.
 */
class EmailReportTest extends JobTestSupport {

    private static final String USER = "reporter";
    private static final String PASSWORD = "pa55-w0rd-not-in-logs";
    private static final CapturedLogs LOG = CapturedLogs.onRootLogger();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD))
            .withPerMethodLifecycle(false);

    @Override
    protected App configure(App app) {
        return app
                .set("results.sinks", "email,log,csv,html")
                .mailServer(SMTP.getSmtp().getPort())
                .set("email.user", USER)
                .set("email.password", PASSWORD)
                .set("email.from", "finance-stream@example.org")
                .set("email.to", "analyst@example.org, desk@example.org")
                .set("email.subject", "Hourly highs {{finance.date}}");
    }

    @Test
    void mailsTheTableAndTheChartToEveryRecipient() throws Exception {
        JobOutcome outcome = awaitJob();
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.exitCode()).contains(0);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one delivery per recipient, the same message
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Hourly highs 2020-12-01");
        assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("finance-stream@example.org");
        assertThat(mail.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("analyst@example.org", "desk@example.org");

        List<Part> parts = leaves(mail);
        Part html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow();
        String body = (String) html.getContent();
        // every value of the answer, as the CSV has it: exact, never re-rounded
        List<String[]> rows = csvRows();
        assertThat(rows).hasSize(70);
        for (String[] row : rows) {
            assertThat(body).contains(">" + row[0] + "<", ">" + row[1] + "<", ">" + row[2] + "<");
        }
        assertThat(body).contains("<img src=\"cid:chart.png\"");

        Part chart = parts.stream().filter(p -> isType(p, "image/png")).findFirst().orElseThrow();
        assertThat(((MimeBodyPartView) () -> chart).contentId()).isEqualTo("<chart.png>");
        assertThat(chart.getDisposition()).isEqualToIgnoringCase(Part.INLINE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes(chart)));
        assertThat(image).as("the chart attachment is a PNG image").isNotNull();
        // ten companies: two rows of five panels, drawn at twice the size
        assertThat(image.getWidth()).isEqualTo(5 * ResultChart.PANEL_WIDTH * ResultChart.SCALE);
        assertThat(image.getHeight()).isEqualTo(2 * ResultChart.PANEL_HEIGHT * ResultChart.SCALE);

        assertThat(LOG.all()).contains("Emailed the report to analyst@example.org, desk@example.org")
                .doesNotContain(PASSWORD);
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static byte[] bytes(Part part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(out);
        return out.toByteArray();
    }

    /** The Content-ID header of a part. */
    private interface MimeBodyPartView {
        Part part();

        default String contentId() throws Exception {
            String[] ids = part().getHeader("Content-ID");
            return ids == null ? null : ids[0];
        }
    }
}
