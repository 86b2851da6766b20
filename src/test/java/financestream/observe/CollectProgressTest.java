package financestream.observe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CollectProgress progress = new CollectProgress(nanos::get);

    @Test
    void saysWhereTheRunIsHowFastAndHowLongIsLeft() {
        progress.beginRun();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(progress.record(1, 40, "NFLX", "2020-12-01", 390, false))
                .isEqualTo("Collect: 1 of 40 symbols (NFLX 2020-12-01: 390 bars) · 390 bars so far · 13 bars/s"
                        + " · about 19 min 30 s left");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(progress.record(2, 40, "DDOG", "2020-12-01", 1_210, false))
                .isEqualTo("Collect: 2 of 40 symbols (DDOG 2020-12-01: 1,210 bars) · 1,600 bars so far · 27 bars/s"
                        + " · about 19 min 0 s left");
    }

    @Test
    void saysWhenASymbolFailedAndWhenTheRunIsDone() {
        progress.beginRun();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(progress.record(1, 2, "FB", "2020-12-01", 0, true)).contains("(FB 2020-12-01: FAILED)");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(progress.record(2, 2, "SQ", "2020-12-01", 390, false)).endsWith("· done in 4 s");
    }
}
