package financestream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backfill and live options become settings; camel-main gets only what is its own. */
class CommandLineTest {

    @Test
    void aDateBackfillsThatDayFromYahoo() {
        CommandLine line = CommandLine.parse("--date", "2026-11-20", "--symbols", "NFLX,DDOG", "--interval=1m");

        assertThat(line.overrides()).containsEntry("finance.date", "2026-11-20")
                .containsEntry("finance.symbols", "NFLX,DDOG").containsEntry("finance.interval", "1m")
                .containsEntry("finance.source", "yahoo").doesNotContainKey("finance.from");
        assertThat(line.camelArguments()).isEmpty();
    }

    @Test
    void aRangeNamesBothEndsAndTheAnswerIsForItsLastDay() {
        CommandLine line = CommandLine.parse("--from", "2026-11-02", "--to", "2026-11-20");

        assertThat(line.overrides()).containsEntry("finance.from", "2026-11-02").containsEntry("finance.to", "2026-11-20")
                .containsEntry("finance.date", "2026-11-20");
    }

    @Test
    void liveStaysUpAndCamelMainKeepsItsOwnOptions() {
        CommandLine line = CommandLine.parse("--live", "-duration", "60");

        assertThat(line.overrides()).containsEntry("job.run-once", "false").containsEntry("job.live", "true")
                .containsEntry("finance.date", java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString())
                .containsEntry("finance.source", "yahoo");
        assertThat(line.camelArguments()).containsExactly("-duration", "60");
    }

    @Test
    void noOptionsKeepTheReferenceJob() {
        assertThat(CommandLine.parse().overrides()).isEmpty();
        assertThat(CommandLine.parse("--source", "replay", "--date", "2020-12-01").overrides())
                .containsEntry("finance.source", "replay");
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> CommandLine.parse("--date", "20-11-2026"))
                .hasMessage("option --date '20-11-2026' is not a date YYYY-MM-DD");
        assertThatThrownBy(() -> CommandLine.parse("--from", "2026-11-02"))
                .hasMessageContaining("a range needs both --from and --to");
        assertThatThrownBy(() -> CommandLine.parse("--from", "2026-11-20", "--to", "2026-11-02"))
                .hasMessage("--from 2026-11-20 is after --to 2026-11-02");
        assertThatThrownBy(() -> CommandLine.parse("--date", "2026-11-20", "--from", "2026-11-02", "--to", "2026-11-03"))
                .hasMessage("give either --date or --from/--to, not both");
        assertThatThrownBy(() -> CommandLine.parse("--symbols"))
                .hasMessage("option --symbols needs a value, e.g. --symbols NFLX,DDOG");
        assertThatThrownBy(() -> CommandLine.parse("--live", "--date", "2026-11-20"))
                .hasMessageContaining("--live collects today");
    }
}
