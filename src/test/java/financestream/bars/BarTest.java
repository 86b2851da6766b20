package financestream.bars;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarTest {

    private static final OffsetDateTime TS = OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5));

    @Test
    void needsANonBlankName() {
        assertThatThrownBy(() -> new Bar(" ", TS, 1, 1)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new Bar(null, TS, 1, 1)).hasMessageContaining("needs a name");
    }

    @Test
    void needsAStartTime() {
        assertThatThrownBy(() -> new Bar("FB", null, 1, 1)).hasMessageContaining("FB needs a start time");
    }

    @Test
    void needsFinitePrices() {
        assertThatThrownBy(() -> new Bar("FB", TS, Double.NaN, 1)).hasMessageContaining("high price that is not a finite number");
        assertThatThrownBy(() -> new Bar("FB", TS, 1, Double.NEGATIVE_INFINITY)).hasMessageContaining("low price");
    }
}
