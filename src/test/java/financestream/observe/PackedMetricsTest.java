package financestream.observe;

import java.util.Properties;

/**
 * The operator's metrics with packing on (the aws profile's default): many bars share one Firehose record, and the
 * metrics must still count bars, not records, and report the newest bar, not the first bar of a packed record.
 */
class PackedMetricsTest extends HealthAndMetricsTest {

    @Override
    protected Properties settings() {
        Properties settings = super.settings();
        settings.put("firehose.pack.enabled", "true");
        return settings;
    }

    @Override
    protected boolean oneRecordPerBar() {
        return false;
    }
}
