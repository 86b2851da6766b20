package financestream.crawl;

import financestream.embedded.glue.CatalogNames;
import financestream.settings.S3Location;
import financestream.settings.Setting;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The crawl stage's settings (route 2-crawl): the Glue crawler. Defaults and meanings: application.properties. */
public record CrawlSettings(
        @Setting("glue.crawler")
        @Pattern(regexp = "[\\w.-]{1,255}", message = "a crawler name is 1 to 255 letters, digits, '_', '.' or '-'")
        @Pattern(regexp = "(?!\\.+$).*", message = "a crawler name cannot be only dots") String crawler,
        @Setting("glue.database") @Pattern(regexp = CatalogNames.NAME,
                message = "not a Glue/Athena name: use 1-255 lower-case letters, digits or '_'") String database,
        @Setting("glue.crawler-target") S3Location crawlerTarget,
        @Setting("glue.poll-interval-ms") @Min(1) long pollIntervalMs,
        @Setting("glue.timeout-seconds") @Min(1) long timeoutSeconds) {
}
