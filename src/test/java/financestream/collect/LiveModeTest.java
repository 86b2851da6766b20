package financestream.collect;

import financestream.SettableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

import financestream.App;
import financestream.bars.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live mode through the first 24 minutes of a trading day, without waiting real minutes: quartz fires every second
 * (a test cron), the test's clock says which minute it is, and a local "Yahoo" serves the day as it grows, each
 * answer ending with the bar of the minute still in progress (whose high is not yet final). Several polls see each
 * minute, and the app is restarted over the same lake half-way. Every finished bar must land exactly once, with its
 * final values.
 */
class LiveModeTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20); // a Friday
    private static final List<String> SYMBOLS = List.of("NFLX", "DDOG");
    private static final int MINUTES = 24;
    private static final int RESTART_AT = 12;
    /** The in-progress bar's high is below the final one: had it been sent, the lake would show it. */
    private static final double NOT_YET_FINAL = 0.375;

    @RegisterExtension
    final App app = App.withLocalYahoo();

    @Test
    void everyFinishedBarLandsExactlyOnceAcrossOverlappingPollsAndARestart() {
        SettableClock clock = new SettableClock(YahooDays.at(DAY, 9, 30, 5));
        serveDayUntil(LocalTime.of(9, 30));
        app.clock(clock).set(liveSettings()).start();

        for (int minute = 1; minute <= MINUTES; minute++) {
            LocalTime now = LocalTime.of(9, 30).plusMinutes(minute);
            // Yahoo first, then the clock: a poll never sees a minute as finished before its final bar is served
            serveDayUntil(now);
            clock.set(YahooDays.at(DAY, now.getHour(), now.getMinute(), 5));
            awaitPolls(2);
            if (minute == RESTART_AT) {
                app.stop();
                app.start();
                awaitPolls(1);
            }
        }

        List<Bar> landed = app.landedBars();
        assertThat(new HashSet<>(landed)).as("no bar landed twice").hasSameSizeAs(landed);
        assertThat(landed).hasSize(SYMBOLS.size() * MINUTES);
        for (String symbol : SYMBOLS) {
            for (ZonedDateTime start : YahooDays.minutes(DAY, LocalTime.of(9, 30).plusMinutes(MINUTES))) {
                assertThat(landed).as(symbol + " " + start).contains(new Bar(symbol, start.toOffsetDateTime(),
                        YahooDays.high(symbol, start), YahooDays.low(symbol, start)));
            }
        }
        // the minute in progress at the end (09:54) is not in the lake yet
        assertThat(landed).noneMatch(bar -> bar.ts().toLocalTime().equals(LocalTime.of(9, 30).plusMinutes(MINUTES)));
    }

    private void awaitPolls(int polls) {
        long before = app.summary().runs();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.summary().runs() >= before + polls);
    }

    /** The day so far: finished bars with their final values, then the bar of minute {@code now}, in progress. */
    private void serveDayUntil(LocalTime now) {
        for (String symbol : SYMBOLS) {
            List<ZonedDateTime> finished = YahooDays.minutes(DAY, now);
            ZonedDateTime inProgress = ZonedDateTime.of(DAY, now, YahooDays.NEW_YORK);
            String chart = YahooDays.chart(symbol, List.of(DAY), LocalTime.of(16, 0),
                    concat(finished, inProgress));
            // the last bar's high is still climbing
            String last = String.valueOf(YahooDays.high(symbol, inProgress));
            String partial = String.valueOf(YahooDays.high(symbol, inProgress) - NOT_YET_FINAL);
            int at = chart.lastIndexOf(last);
            chart = chart.substring(0, at) + partial + chart.substring(at + last.length());
            app.yahoo().stubFor(get(urlPathEqualTo("/v8/finance/chart/" + symbol)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json;charset=utf-8").withBody(chart)));
        }
    }

    private static List<ZonedDateTime> concat(List<ZonedDateTime> bars, ZonedDateTime last) {
        List<ZonedDateTime> all = new java.util.ArrayList<>(bars);
        all.add(last);
        return all;
    }

    private Properties liveSettings() {
        Properties settings = new Properties();
        settings.put("job.run-once", "false");
        settings.put("job.live", "true");
        settings.put("schedule.collect-cron", "* * * ? * *");
        settings.put("schedule.crawl-cron", "0 0 0 1 1 ? 2099");
        settings.put("schedule.analyze-cron", "0 0 0 1 1 ? 2099");
        settings.put("finance.symbols", String.join(",", SYMBOLS));
        return settings;
    }
}
