package financestream.bars;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renamed tickers: users keep configuring the name they know (FB), Yahoo is asked for the one it knows (META), and
 * the record keeps the configured name so the lake's history stays under one name.
 *
 * <p>The setting is a comma-separated list of {@code OLD:NEW@FIRST-DAY}, FIRST-DAY being the first trading day
 * under the new ticker. The defaults use the dates the companies announced: META from 2022-06-09 (Meta Platforms,
 * 2022-05-31: "will begin trading on the Nasdaq under the ticker symbol META prior to market open on June 9");
 * XYZ from 2025-01-21 (Block, NYSE; the symbol changed from SQ on 21 January 2025). A blank setting means no aliases.
 *
 * <p>Which date to pass: Yahoo files a renamed company's whole history under the new ticker and answers 404 for the
 * old one, so a request made today needs the new symbol whatever the bars' date. Pass the date the request is made
 * on (today in New York); the bar date only matters for replaying what Yahoo knew back then.
 */
public final class SymbolAliases {

    public static final String DEFAULT_SETTING = "FB:META@2022-06-09,SQ:XYZ@2025-01-21";

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.^=-]{1,15}");
    private static final Pattern ENTRY = Pattern.compile("([^:@]+):([^:@]+)@([^:@]+)");

    /** One rename: from {@code firstDay} on, Yahoo knows {@code oldSymbol} as {@code newSymbol}. */
    public record Alias(String oldSymbol, String newSymbol, LocalDate firstDay) {
    }

    private final Map<String, Alias> byOldSymbol;

    private SymbolAliases(Map<String, Alias> byOldSymbol) {
        this.byOldSymbol = byOldSymbol;
    }

    public static SymbolAliases defaults() {
        return parse("default symbol aliases", DEFAULT_SETTING);
    }

    /**
     * Parses the setting's value.
     *
     * @param settingName the property the value came from, so an error tells the user where to look
     * @throws IllegalArgumentException naming the setting and the entry at fault
     */
    public static SymbolAliases parse(String settingName, String value) {
        Map<String, Alias> aliases = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return new SymbolAliases(aliases);
        }
        for (String rawEntry : value.split(",", -1)) {
            Alias alias = parseEntry(settingName, rawEntry.trim());
            if (aliases.putIfAbsent(alias.oldSymbol(), alias) != null) {
                throw bad(settingName, rawEntry.trim(), alias.oldSymbol() + " is renamed twice");
            }
        }
        requireChainsMoveForward(settingName, aliases);
        return new SymbolAliases(aliases);
    }

    /**
     * The symbol Yahoo knows on {@code date} for a configured symbol: the configured one itself, or what it was
     * renamed to by then (following a rename of a rename).
     */
    public String yahooSymbol(String configured, LocalDate date) {
        String symbol = validSymbol(configured);
        Alias alias = byOldSymbol.get(symbol);
        while (alias != null && !date.isBefore(alias.firstDay())) {
            symbol = alias.newSymbol();
            alias = byOldSymbol.get(symbol);
        }
        return symbol;
    }

    public List<Alias> aliases() {
        return List.copyOf(byOldSymbol.values());
    }

    /**
     * Upper-cases a symbol and checks it has only what Yahoo symbols use: letters, digits and {@code . ^ = -}
     * ("BRK-B", "^GSPC", "EURUSD=X", "BARC.L"), 1 to 15 characters.
     *
     * @throws IllegalArgumentException naming the symbol
     */
    public static String validSymbol(String raw) {
        String symbol = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + raw + "' is not a valid Yahoo symbol: use 1 to 15"
                    + " letters, digits or . ^ = -");
        }
        return symbol;
    }

    private static Alias parseEntry(String settingName, String entry) {
        var matcher = ENTRY.matcher(entry);
        if (!matcher.matches()) {
            throw bad(settingName, entry, "expected OLD:NEW@YYYY-MM-DD, e.g. FB:META@2022-06-09");
        }
        String oldSymbol;
        String newSymbol;
        LocalDate firstDay;
        try {
            oldSymbol = validSymbol(matcher.group(1));
            newSymbol = validSymbol(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw bad(settingName, entry, e.getMessage());
        }
        try {
            firstDay = LocalDate.parse(matcher.group(3).trim());
        } catch (DateTimeParseException e) {
            throw bad(settingName, entry, "'" + matcher.group(3).trim() + "' is not a date YYYY-MM-DD");
        }
        if (oldSymbol.equals(newSymbol)) {
            throw bad(settingName, entry, "a symbol cannot be renamed to itself");
        }
        return new Alias(oldSymbol, newSymbol, firstDay);
    }

    /**
     * A→B then B→C is fine only if B→C comes later; requiring that also rules out cycles, so
     * {@link #yahooSymbol} always ends.
     */
    private static void requireChainsMoveForward(String settingName, Map<String, Alias> aliases) {
        for (Alias alias : aliases.values()) {
            Alias next = aliases.get(alias.newSymbol());
            if (next != null && !next.firstDay().isAfter(alias.firstDay())) {
                throw bad(settingName, next.oldSymbol() + ":" + next.newSymbol() + "@" + next.firstDay(),
                        "renames " + next.oldSymbol() + " on or before " + alias.oldSymbol() + " became "
                                + alias.newSymbol() + " (" + alias.firstDay() + ")");
            }
        }
    }

    private static IllegalArgumentException bad(String settingName, String entry, String fault) {
        return new IllegalArgumentException("setting " + settingName + ": entry '" + entry + "' is malformed: " + fault);
    }
}
