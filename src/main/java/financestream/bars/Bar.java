package financestream.bars;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One price bar of one instrument: the high and low of the interval that starts at {@code ts}.
 *
 * @param name the symbol as configured (for example {@code DDOG}); it becomes the record's {@code name}
 * @param ts   the bar's start in the exchange's local time, with the offset in force on that date
 *             ({@code -05:00} in New York winter, {@code -04:00} in summer)
 * @param high the highest price in the interval, as the source gave it (never rounded)
 * @param low  the lowest price in the interval, as the source gave it (never rounded)
 */
public record Bar(String name, OffsetDateTime ts, double high, double low) {

    public Bar {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A bar needs a name (the symbol); got " + (name == null ? "null" : "a blank name"));
        }
        Objects.requireNonNull(ts, () -> "A bar of " + name + " needs a start time (ts)");
        // NaN or infinity cannot be written as JSON and would poison Athena's max(); refuse them at the source.
        requireFinite(name, ts, "high", high);
        requireFinite(name, ts, "low", low);
    }

    private static void requireFinite(String name, OffsetDateTime ts, String field, double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("The bar of " + name + " at " + ts + " has a " + field + " price that is not a finite number: " + price);
        }
    }
}
