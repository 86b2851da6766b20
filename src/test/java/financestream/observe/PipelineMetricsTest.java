package financestream.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineMetricsTest {

    @Test
    void readsTheBarTimeWithItsOffset() {
        assertThat(PipelineMetrics.barEpochSeconds(
                "{\"high\": 67.5, \"low\": 64.61, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}\n"))
                .isEqualTo(1606833000L);
        assertThat(PipelineMetrics.barEpochSeconds("{\"ts\": \"yesterday\"}")).isZero();
        assertThat(PipelineMetrics.barEpochSeconds("not a record")).isZero();
    }
}
