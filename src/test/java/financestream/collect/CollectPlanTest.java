package financestream.collect;

import financestream.SettableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import financestream.bars.SymbolAliases;
import financestream.calendar.TradingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a backfill asks Yahoo for, and what it refuses before asking. Today is Monday 2026-11-30, noon. */
class CollectPlanTest {

    private static final SettableClock NOW = new SettableClock(YahooDays.at(LocalDate.of(2026, 11, 30), 12, 0, 0));

    @Test
    void aRangeSkipsClosedDaysAndIsCutIntoRequestsOfAtMostEightDays() {
        List<BarRequest> requests = plan("NFLX", null, "2026-11-02", "2026-11-27").backfillRequests();

        assertThat(requests).extracting(BarRequest::toString).containsExactly(
                "NFLX 2026-11-02..2026-11-09", "NFLX 2026-11-10..2026-11-17",
                "NFLX 2026-11-18..2026-11-25", "NFLX 2026-11-27");
        // Thanksgiving (26th) and the weekends are not asked for
        assertThat(requests.get(3).days()).containsExactly(LocalDate.of(2026, 11, 27));
        assertThat(requests.stream().flatMap(r -> r.days().stream())).hasSize(19)
                .doesNotContain(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 7));
    }

    @Test
    void renamedSymbolsAreAskedForUnderTodaysName() {
        assertThat(plan("FB,SQ", "2026-11-27", null, null).backfillRequests()).extracting(BarRequest::toString)
                .containsExactly("FB (as META) 2026-11-27", "SQ (as XYZ) 2026-11-27");
    }

    @Test
    void datesThatCannotBeCollectedAreRefusedWithTheReason() {
        assertThatThrownBy(() -> plan("NFLX", "2026-11-28", null, null).backfillRequests())
                .hasMessage("2026-11-28 is not a trading day (Saturday): the NYSE was closed, there are no bars to collect");
        assertThatThrownBy(() -> plan("NFLX", "2026-11-26", null, null).backfillRequests())
                .hasMessageContaining("(Thanksgiving Day)");
        assertThatThrownBy(() -> plan("NFLX", "2026-12-01", null, null).backfillRequests())
                .hasMessageStartingWith("2026-12-01 is in the future (today in New York is 2026-11-30)");
        assertThatThrownBy(() -> plan("NFLX", "2026-10-15", null, null).backfillRequests())
                .hasMessageStartingWith("2026-10-15 is too old for 1m bars");
        assertThatThrownBy(() -> plan("NFLX", null, "2026-10-15", "2026-11-20").backfillRequests())
                .hasMessageStartingWith("2026-10-15 is too old for 1m bars");
        assertThatThrownBy(() -> plan("NF LX", "2026-11-27", null, null))
                .hasMessageContaining("finance.symbols");
    }

    @Test
    void liveIsOpenFromTheOpenToAFewMinutesAfterTheClose() {
        SettableClock clock = new SettableClock(YahooDays.at(LocalDate.of(2026, 11, 27), 9, 30, 0));
        CollectPlan plan = new CollectPlan("NFLX", null, null, null, "1m", "yahoo", SymbolAliases.defaults(),
                new TradingCalendar(), clock, Duration.ofMinutes(5));
        assertThat(plan.isLiveWindow()).as("09:30:00, no bar finished yet").isFalse();
        clock.set(YahooDays.at(LocalDate.of(2026, 11, 27), 13, 5, 0));
        assertThat(plan.isLiveWindow()).as("early close 13:00 + 5 min").isTrue();
        clock.set(YahooDays.at(LocalDate.of(2026, 11, 27), 13, 5, 1));
        assertThat(plan.isLiveWindow()).isFalse();
        clock.set(YahooDays.at(LocalDate.of(2026, 11, 26), 11, 0, 0));
        assertThat(plan.isLiveWindow()).as("Thanksgiving").isFalse();
    }

    private static CollectPlan plan(String symbols, String date, String from, String to) {
        return new CollectPlan(symbols, date == null ? null : LocalDate.parse(date),
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), "1m", "yahoo",
                SymbolAliases.defaults(), new TradingCalendar(), NOW, Duration.ofMinutes(5));
    }
}
