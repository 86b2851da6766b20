package financestream.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolAliasesTest {

    private static final String SETTING = "finance-stream.symbol-aliases";

    private final SymbolAliases defaults = SymbolAliases.defaults();

    @ParameterizedTest
    @CsvSource({
            "FB, 2020-12-01, FB",
            "FB, 2022-06-08, FB",
            "FB, 2022-06-09, META",
            "FB, 2026-11-20, META",
            "SQ, 2025-01-17, SQ",
            "SQ, 2025-01-21, XYZ",
            "fb, 2026-11-20, META",
            "NFLX, 2026-11-20, NFLX",
            "META, 2020-12-01, META"})
    void yahooSymbolFollowsTheRenameFromItsFirstDay(String configured, LocalDate date, String yahoo) {
        assertThat(defaults.yahooSymbol(configured, date)).isEqualTo(yahoo);
    }

    @Test
    void theDefaultsAreTheTwoKnownRenames() {
        assertThat(defaults.aliases()).containsExactly(
                new SymbolAliases.Alias("FB", "META", LocalDate.of(2022, 6, 9)),
                new SymbolAliases.Alias("SQ", "XYZ", LocalDate.of(2025, 1, 21)));
    }

    @Test
    void entriesAreTrimmedAndUpperCased() {
        SymbolAliases aliases = SymbolAliases.parse(SETTING, " fb:meta@2022-06-09 , brk.b:BRK-B@2024-01-02 ");

        assertThat(aliases.yahooSymbol("FB", LocalDate.of(2026, 1, 2))).isEqualTo("META");
        assertThat(aliases.yahooSymbol("BRK.B", LocalDate.of(2026, 1, 2))).isEqualTo("BRK-B");
    }

    @Test
    void aBlankSettingMeansNoAliases() {
        assertThat(SymbolAliases.parse(SETTING, " ").aliases()).isEmpty();
        assertThat(SymbolAliases.parse(SETTING, " ").yahooSymbol("FB", LocalDate.of(2026, 1, 2))).isEqualTo("FB");
    }

    @Test
    void aRenameOfARenameIsFollowed() {
        SymbolAliases aliases = SymbolAliases.parse(SETTING, "AAA:BBB@2021-03-01,BBB:CCC@2023-05-01");

        assertThat(aliases.yahooSymbol("AAA", LocalDate.of(2021, 2, 26))).isEqualTo("AAA");
        assertThat(aliases.yahooSymbol("AAA", LocalDate.of(2022, 1, 3))).isEqualTo("BBB");
        assertThat(aliases.yahooSymbol("AAA", LocalDate.of(2024, 1, 2))).isEqualTo("CCC");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FB-META@2022-06-09                   | 'FB-META@2022-06-09'  | expected OLD:NEW@YYYY-MM-DD",
            "FB:META                              | 'FB:META'             | expected OLD:NEW@YYYY-MM-DD",
            "FB:META@2022-13-01                   | 'FB:META@2022-13-01'  | '2022-13-01' is not a date",
            "FB:META@9 June 2022                  | 'FB:META@9 June 2022' | is not a date YYYY-MM-DD",
            "FB:ME TA@2022-06-09                  | 'FB:ME TA@2022-06-09' | symbol 'ME TA' is not a valid Yahoo symbol",
            "FB:META@2022-06-09,,SQ:XYZ@2025-01-21 | entry ''              | expected OLD:NEW@YYYY-MM-DD",
            "FB:FB@2022-06-09                     | 'FB:FB@2022-06-09'    | renamed to itself",
            "FB:META@2022-06-09,FB:MVRS@2021-12-01 | 'FB:MVRS@2021-12-01'  | FB is renamed twice",
            "AAA:BBB@2023-01-03,BBB:AAA@2022-01-03 | 'BBB:AAA@2022-01-03'  | on or before AAA became BBB"})
    void aMalformedSettingNamesTheSettingAndTheBadEntry(String value, String badPart, String fault) {
        assertThatThrownBy(() -> SymbolAliases.parse(SETTING, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("setting " + SETTING + ": ")
                .hasMessageContaining(badPart)
                .hasMessageContaining(fault);
    }

    @ParameterizedTest
    @CsvSource({"brk-b, BRK-B", "^gspc, ^GSPC", "eurusd=x, EURUSD=X", "barc.l, BARC.L", "' ddog ', DDOG"})
    void validSymbolUpperCases(String raw, String symbol) {
        assertThat(SymbolAliases.validSymbol(raw)).isEqualTo(symbol);
    }

    @ParameterizedTest
    @CsvSource({"''", "NFLX;DROP", "ABCDEFGHIJKLMNOP", "NF/LX"})
    void validSymbolRefusesWhatYahooNeverUses(String raw) {
        assertThatThrownBy(() -> SymbolAliases.validSymbol(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol '" + raw + "' is not a valid Yahoo symbol");
        assertThatThrownBy(() -> SymbolAliases.defaults().yahooSymbol(raw, LocalDate.of(2026, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
