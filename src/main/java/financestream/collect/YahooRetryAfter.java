package financestream.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long Yahoo's HTTP 429 asks us to wait: its {@code Retry-After} header (seconds, or an HTTP date), capped so
 * one answer cannot stall a run for hours. Null when the header is absent or unreadable: then Camel's exponential
 * backoff with jitter decides.
 */
public class YahooRetryAfter {

    private final Duration max;
    private final Clock clock;

    public YahooRetryAfter(Duration max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    /** Milliseconds for Camel's {@code CamelRedeliveryDelay} header, or null. */
    public Long delayMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        Duration wait;
        String value = retryAfter.trim();
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return (wait.compareTo(max) > 0 ? max : wait).toMillis();
    }
}
