package financestream.collect;

import financestream.SettableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import financestream.App;
import financestream.bars.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trading calendar as the collect route sees it: the two 2026 clock changes inside a backfilled range, a
 * holiday, and an early close in live mode.
 */
class CalendarCollectTest {

    @RegisterExtension
    final App app = App.withLocalYahoo();

    @Test
    void eachBarCarriesTheOffsetOfItsOwnDateAcrossTheSpringClockChange() {
        // Sunday 2026-03-08 02:00 EST → EDT
        Map<LocalDate, String> offsets = backfillRange(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 3, 12));
        assertThat(offsets).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                LocalDate.of(2026, 3, 5), "-05:00", LocalDate.of(2026, 3, 6), "-05:00",
                LocalDate.of(2026, 3, 9), "-04:00", LocalDate.of(2026, 3, 10), "-04:00")));
    }

    @Test
    void eachBarCarriesTheOffsetOfItsOwnDateAcrossTheAutumnClockChange() {
        // Sunday 2026-11-01 02:00 EDT → EST
        Map<LocalDate, String> offsets = backfillRange(LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 3),
                LocalDate.of(2026, 11, 5));
        assertThat(offsets).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                LocalDate.of(2026, 10, 29), "-04:00", LocalDate.of(2026, 10, 30), "-04:00",
                LocalDate.of(2026, 11, 2), "-05:00", LocalDate.of(2026, 11, 3), "-05:00")));
    }

    @Test
    void aHolidayIsRefusedBeforeAnyRequest() {
        Properties settings = backfillSettings();
        settings.put("finance.date", "2026-11-26");
        app.clock(new SettableClock(YahooDays.at(LocalDate.of(2026, 11, 30), 12, 0, 0)))
                .set(settings).start();
        app.awaitJob();

        assertThat(app.outcome().exitCode()).contains(1);
        assertThat(app.outcome().failures()).anySatisfy(failure ->
                assertThat(failure).contains("2026-11-26 is not a trading day (Thanksgiving Day)"));
        app.yahoo().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void liveModeIdlesOnAHolidayAndAfterAnEarlyClose() throws Exception {
        LocalDate dayAfterThanksgiving = LocalDate.of(2026, 11, 27); // closes at 13:00
        app.yahoo().stubFor(get(urlPathEqualTo("/v8/finance/chart/NFLX")).willReturn(aResponse().withStatus(200)
                .withBody(YahooDays.chart("NFLX", List.of(dayAfterThanksgiving), LocalTime.of(13, 0),
                        YahooDays.minutes(dayAfterThanksgiving, LocalTime.of(13, 0))))));
        SettableClock clock = new SettableClock(YahooDays.at(LocalDate.of(2026, 11, 26), 11, 0, 0));
        Properties settings = backfillSettings();
        settings.put("job.run-once", "false");
        settings.put("job.live", "true");
        settings.put("schedule.collect-cron", "* * * ? * *");
        settings.put("schedule.crawl-cron", "0 0 0 1 1 ? 2099");
        settings.put("schedule.analyze-cron", "0 0 0 1 1 ? 2099");
        app.clock(clock).set(settings).start();

        // Thanksgiving, 11:00: quartz fires every second, nobody asks Yahoo
        Thread.sleep(3_000);
        app.yahoo().verify(0, anyRequestedFor(anyUrl()));
        assertThat(app.summary().runs()).isZero();

        // the next day at 12:59:30 the market is open: it polls
        clock.set(YahooDays.at(dayAfterThanksgiving, 12, 59, 30));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.summary().runs() >= 2);

        // 13:00:30: the session's last bar (12:59) is finished; polling goes on for 5 minutes' grace
        clock.set(YahooDays.at(dayAfterThanksgiving, 13, 0, 30));
        long before = app.summary().runs();
        await().atMost(Duration.ofSeconds(20)).until(() -> app.summary().runs() >= before + 2);

        // then idle, although the cron still fires until 16:59
        clock.set(YahooDays.at(dayAfterThanksgiving, 13, 10, 0));
        Thread.sleep(1_500);
        long polls = app.summary().runs();
        Thread.sleep(3_000);
        assertThat(app.summary().runs()).isEqualTo(polls);
        // the session's bars 09:30..12:59 landed, nothing after the early close
        List<Bar> landed = app.landedBars();
        assertThat(landed).hasSize(210);
        assertThat(landed).allSatisfy(bar -> assertThat(bar.ts().toLocalTime()).isBefore(LocalTime.of(13, 0)));
    }

    /** Backfills NFLX from..to through the app; returns each landed day's offset (one per day). */
    private Map<LocalDate, String> backfillRange(LocalDate from, LocalDate to, LocalDate today) {
        List<LocalDate> tradingDays = new ArrayList<>();
        List<ZonedDateTime> bars = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                tradingDays.add(day);
                bars.addAll(YahooDays.minutes(day, LocalTime.of(16, 0)));
            }
        }
        app.yahoo().stubFor(get(urlPathEqualTo("/v8/finance/chart/NFLX")).willReturn(aResponse().withStatus(200)
                .withBody(YahooDays.chart("NFLX", tradingDays, LocalTime.of(16, 0), bars))));
        Properties settings = backfillSettings();
        settings.put("finance.from", from.toString());
        settings.put("finance.to", to.toString());
        settings.put("finance.date", to.toString());
        app.clock(new SettableClock(YahooDays.at(today, 12, 0, 0)))
                .set(settings).start();
        app.awaitJob();
        assertThat(app.outcome().failures()).isEmpty();

        // one request for the whole range: midnight New York before 'from' to midnight after 'to'
        app.yahoo().verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/NFLX"))
                .withQueryParam("period1", equalTo(String.valueOf(from.atStartOfDay(YahooDays.NEW_YORK).toEpochSecond())))
                .withQueryParam("period2", equalTo(String.valueOf(to.plusDays(1).atStartOfDay(YahooDays.NEW_YORK).toEpochSecond()))));
        List<Bar> landed = app.landedBars();
        assertThat(landed).hasSize(tradingDays.size() * 390);
        // every day opens at 09:30 local time, whatever its offset
        Map<LocalDate, List<Bar>> byDay = landed.stream().collect(Collectors.groupingBy(b -> b.ts().toLocalDate()));
        byDay.values().forEach(day -> assertThat(day.stream().map(b -> b.ts().toLocalTime()).min(LocalTime::compareTo))
                .contains(LocalTime.of(9, 30)));
        Map<LocalDate, String> offsets = new TreeMap<>();
        byDay.forEach((day, dayBars) -> {
            List<ZoneOffset> distinct = dayBars.stream().map(b -> b.ts().getOffset()).distinct().toList();
            assertThat(distinct).as(day + " has one offset").hasSize(1);
            offsets.put(day, distinct.get(0).getId());
        });
        return offsets;
    }

    private Properties backfillSettings() {
        Properties settings = new Properties();
        settings.put("finance.symbols", "NFLX");
        return settings;
    }
}
