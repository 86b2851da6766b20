package financestream.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets by hand (and that survives an app restart), so live mode runs without waiting minutes. */
final class SettableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    SettableClock(Instant start) {
        this(new Instant[] {start}, ZoneOffset.UTC);
    }

    private SettableClock(Instant[] start, ZoneId zone) {
        this.now = start[0];
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        SettableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }
}
