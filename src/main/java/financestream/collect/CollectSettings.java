package financestream.collect;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import financestream.calendar.YahooInterval;
import financestream.settings.Disagreements;
import financestream.settings.ResourceLocation;
import financestream.settings.Setting;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The collect stage's settings (routes 1-collect*): what to collect, from which source, and how to ask Yahoo.
 * Defaults and meanings: {@code application.properties}.
 */
public record CollectSettings(
        @Setting("finance.symbols") Symbols symbols,
        @Setting("finance.date") LocalDate date,
        @Setting("finance.from") Optional<LocalDate> from,
        @Setting("finance.to") Optional<LocalDate> to,
        @Setting("finance.interval") YahooInterval interval,
        @Setting("finance.exchange-zone") ZoneId exchangeZone,
        @Setting("finance.source") @Pattern(regexp = "replay|replay-stream|yahoo",
                message = "unknown, expected one of [replay, replay-stream, yahoo]") String source,
        @Setting("finance.symbol-aliases") String symbolAliases,
        @Setting("finance.clock") Optional<OffsetDateTime> clock,
        @Setting("replay.file") ResourceLocation replayFile,
        // set to finance.date by default: its check is finance.date's, and a bad date is reported once
        @Setting("replay.last-date") String replayLastDate,
        @Setting("yahoo.base-url") @Pattern(regexp = "https?://[^/?#\\s]+([/?#].*)?",
                message = "not an http(s) URL with a host") String yahooBaseUrl,
        @Setting("yahoo.user-agent") @NotBlank String yahooUserAgent,
        @Setting("yahoo.max-requests") @Min(1) int yahooMaxRequests,
        @Setting("yahoo.throttle-period-ms") @Min(1) long yahooThrottlePeriodMs,
        @Setting("yahoo.retry.max-attempts") @Min(0) int yahooRetryMaxAttempts,
        @Setting("yahoo.retry.initial-delay-ms") @Min(0) long yahooRetryInitialDelayMs,
        @Setting("yahoo.retry.max-delay-ms") @Min(0) long yahooRetryMaxDelayMs,
        @Setting("yahoo.retry-after-max-seconds") @Min(0) long yahooRetryAfterMaxSeconds,
        @Setting("yahoo.connect-timeout-ms") @Min(1) long yahooConnectTimeoutMs,
        @Setting("yahoo.socket-timeout-ms") @Min(1) long yahooSocketTimeoutMs,
        @Setting("collect.sent-bars-dir") Path sentBarsDir,
        @Setting("schedule.collect-after-close-minutes") @Min(0) long collectAfterCloseMinutes)
        implements Disagreements {

    /** A range of days to collect: both ends or neither, and the end not before the start. */
    @Override
    public List<String> disagreements() {
        if (from.isPresent() != to.isPresent()) {
            return List.of((from.isEmpty() ? "finance.to" : "finance.from") + " is set but "
                    + (from.isEmpty() ? "finance.from" : "finance.to") + " is not: a range needs both ends");
        }
        if (from.isPresent() && to.get().isBefore(from.get())) {
            return List.of("finance.to '" + to.get() + "' is before finance.from '" + from.get()
                    + "': the range ends before it starts");
        }
        return List.of();
    }
}
