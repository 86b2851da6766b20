package financestream.reliability;

import financestream.App;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job runs with known secret values set every way a user sets them — the AWS SDK's system properties,
 * the AWS environment variables, an SMTP password in application.properties — and a route that uses them in an
 * endpoint URI, as the aws profile and the mail step do. Not one of them appears anywhere in the captured log
 * (stdout and stderr, Camel's start-up summary included), the lake or the results; Camel's summary shows them
 * masked.
 */
class SecretsNeverLoggedTest {

    private static final String ACCESS_KEY_ID = "AKIARELIAB1LITY0TEST";
    private static final String SECRET_FROM_SYSTEM_PROPERTY = "SysSecret-Reliab1lity-3Hm";
    private static final String SECRET_FROM_ENVIRONMENT = "EnvSecret-Reliab1lity-4Wd";
    private static final String SMTP_PASSWORD = "SmtpPass-Reliab1lity-7Qx";
    private static final String SECRET_IN_SETTINGS_FILE = "PropSecret-Reliab1lity-9Zk";

    @TempDir
    Path work;

    @Test
    void noSecretReachesTheLogTheLakeOrTheResults() throws Exception {
        App app = new App(work)
                .set("finance.symbols", "NFLX")
                .set("aws.accessKeyId", ACCESS_KEY_ID)
                .set("aws.secretAccessKey", SECRET_FROM_SYSTEM_PROPERTY)
                .env("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID)
                .env("AWS_SECRET_ACCESS_KEY", SECRET_FROM_ENVIRONMENT)
                .settingsFileLine("mail.password=" + SMTP_PASSWORD)
                .settingsFileLine("aws.secret-access-key=" + SECRET_IN_SETTINGS_FILE)
                // resolves every secret into an endpoint and a header, so Camel's summary lists them all
                .route("9-uses-secrets.camel.yaml", """
                        - route:
                            id: uses-secrets
                            from:
                              uri: direct:uses-secrets
                              steps:
                                - setHeader:
                                    name: smtpPassword
                                    constant: "{{mail.password}}"
                                - setHeader:
                                    name: configuredSecret
                                    constant: "{{aws.secret-access-key}}"
                                - to: "aws2-athena:probe?accessKey={{aws.accessKeyId}}&secretKey={{aws.secretAccessKey}}&region=us-east-1"
                        """);
        int exit = app.run(Duration.ofMinutes(2));
        String log = app.logText();
        assertThat(exit).as(log).isZero();
        assertThat(log).contains("Property-placeholders summary").contains("Job finished: OK");

        for (String secret : List.of(ACCESS_KEY_ID, SECRET_FROM_SYSTEM_PROPERTY, SECRET_FROM_ENVIRONMENT, SMTP_PASSWORD,
                SECRET_IN_SETTINGS_FILE)) {
            assertThat(log).as("the log").doesNotContain(secret);
            try (Stream<Path> files = Files.walk(work.resolve("lake")); Stream<Path> results = Files.walk(work.resolve("results"))) {
                for (Path file : Stream.concat(files, results).filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(secret);
                }
            }
        }
        // Camel's start-up summary names each setting the run resolved, masked
        assertThat(log).containsPattern("mail\\.password = x+")
                .containsPattern("aws\\.secret-access-key = x+")
                .containsPattern("aws\\.accessKeyId = x+")
                .containsPattern("aws\\.secretAccessKey = x+");
    }
}
