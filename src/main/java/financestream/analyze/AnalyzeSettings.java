package financestream.analyze;

import financestream.embedded.glue.CatalogNames;
import financestream.settings.S3Location;
import financestream.settings.Setting;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The analyze stage's settings (route 3-analyze): the Athena query. Defaults and meanings: application.properties. */
public record AnalyzeSettings(
        @Setting("athena.database") @Pattern(regexp = CatalogNames.NAME,
                message = "not a Glue/Athena name: use 1-255 lower-case letters, digits or '_'") String database,
        @Setting("athena.workgroup") @Pattern(regexp = "[a-zA-Z0-9._-]{1,128}",
                message = "a workgroup name is 1 to 128 letters, digits, '.', '_' or '-'") String workgroup,
        @Setting("athena.output-location") S3Location outputLocation,
        @Setting("athena.query") @NotBlank(message = "the query is empty") String query,
        @Setting("athena.bars-once") @NotBlank String barsOnce,
        @Setting("athena.wait-timeout-ms") @Min(1) long waitTimeoutMs,
        @Setting("athena.poll-initial-delay-ms") @Min(0) long pollInitialDelayMs,
        @Setting("athena.poll-delay-ms") @Min(1) long pollDelayMs) {
}
