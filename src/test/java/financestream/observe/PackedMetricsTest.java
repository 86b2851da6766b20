package financestream.observe;

import financestream.App;

/**
 * The operator's metrics with packing on (the aws profile's default): many bars share one Firehose record, and the
 * metrics must still count bars, not records, and report the newest bar, not the first bar of a packed record.
 */
class PackedMetricsTest extends HealthAndMetricsTest {

    @Override
    protected App configure(App app) {
        return super.configure(app).set("firehose.pack.enabled", "true");
    }

    @Override
    protected boolean oneRecordPerBar() {
        return false;
    }
}
