package financestream.collect;

import java.time.LocalDate;
import java.util.List;

import financestream.calendar.DateRange;

/**
 * One request for one symbol: the trading {@code days} inside {@code range} (at most what Yahoo serves in one
 * request at the interval).
 *
 * @param symbol      the configured symbol; the records keep it
 * @param yahooSymbol what Yahoo knows the company as today (FB → META)
 */
public record BarRequest(String symbol, String yahooSymbol, DateRange range, List<LocalDate> days) {

    public BarRequest {
        days = List.copyOf(days);
    }

    public LocalDate from() {
        return range.from();
    }

    public LocalDate to() {
        return range.to();
    }

    /** {@code 2026-11-20}, or {@code 2026-11-02..2026-11-09} for a range. */
    public String dates() {
        return range.from().equals(range.to()) ? range.from().toString() : range.from() + ".." + range.to();
    }

    @Override
    public String toString() {
        String dates = dates();
        String asked = symbol.equals(yahooSymbol) ? symbol : symbol + " (as " + yahooSymbol + ")";
        return asked + " " + dates;
    }
}
