package financestream.console;

import financestream.settings.Setting;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The console's settings (serve, live; routes/console/). Defaults and meanings: application.properties. */
public record ConsoleSettings(
        @Setting("console.enabled") boolean enabled,
        @Setting("console.bind") @NotBlank String bind,
        @Setting("console.max-rows") @Min(1) int maxRows,
        @Setting("console.timeout-ms") @Min(1) long timeoutMs,
        @Setting("console.refresh-seconds") @Min(1) long refreshSeconds,
        @Setting("console.routes") @NotBlank String routes) {
}
