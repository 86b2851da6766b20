package financestream.collect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import financestream.bars.yahoo.YahooChartApi;

/** The setting {@code finance.symbols}: comma-separated Yahoo tickers, each once, as the records will name them. */
public record Symbols(String setting, List<String> list) {

    public static Symbols parse(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("the symbol list is empty: name at least one ticker, e.g. NFLX,DDOG");
        }
        Set<String> seen = new HashSet<>();
        List<String> symbols = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String symbol = raw.strip();
            if (symbol.isEmpty()) {
                problems.add("an empty entry (two commas, or a comma at either end)");
                continue;
            }
            try {
                symbols.add(YahooChartApi.requireSymbol(symbol));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (!seen.add(symbol.toUpperCase(Locale.ROOT))) {
                problems.add("\"" + symbol + "\" is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Symbols(value, List.copyOf(symbols));
    }
}
