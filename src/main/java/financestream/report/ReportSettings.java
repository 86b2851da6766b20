package financestream.report;

import financestream.settings.Secret;
import financestream.settings.Setting;
import financestream.settings.WritableDirectory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;

/**
 * The report stage's settings (route 3-analyze's sinks): where results go, the HTML report and its chart, and the
 * mail. Defaults and meanings: {@code application.properties}.
 */
public record ReportSettings(
        @Setting("results.dir") WritableDirectory dir,
        @Setting("results.file") @Pattern(regexp = PLAIN_FILE_NAME, message = PLAIN_FILE_RULE) String file,
        @Setting("results.html-file") @Pattern(regexp = PLAIN_FILE_NAME, message = PLAIN_FILE_RULE) String htmlFile,
        @Setting("results.sinks") String sinks,
        @Setting("report.title") String title,
        @Setting("report.chart.series") @NotBlank String chartSeries,
        @Setting("report.chart.x") @NotBlank String chartX,
        @Setting("report.chart.y") @NotBlank String chartY,
        @Setting("email.protocol") @Pattern(regexp = "smtps?", message = "unknown, expected one of [smtp, smtps]")
        String emailProtocol,
        @Setting("email.host") @NotBlank String emailHost,
        @Setting("email.port") @Range(min = 1, max = 65535) int emailPort,
        @Setting("email.starttls") boolean emailStarttls,
        @Setting("email.user") String emailUser,
        @Setting("email.password") Secret emailPassword,
        @Setting("email.from") String emailFrom,
        @Setting("email.to") String emailTo,
        @Setting("email.subject") String emailSubject,
        @Setting("email.timeout-ms") @Min(1) long emailTimeoutMs) {

    /** A file name inside results.dir: no separator, no '..', nothing a file system refuses. */
    static final String PLAIN_FILE_NAME = "(?!\\.\\.?$)[^/\\\\:*?\"<>|\\x00-\\x1f]{1,255}";
    static final String PLAIN_FILE_RULE = "a results file is a plain file name inside results.dir, without '/', '\\' or '..'";
}
