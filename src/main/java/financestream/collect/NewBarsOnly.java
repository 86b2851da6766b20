package financestream.collect;

import java.util.ArrayList;
import java.util.List;

import financestream.bars.Bar;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * Gathers, from the split of a symbol's fetched bars, the ones the idempotent consumer let through (exchange
 * property {@value #NEW_BAR}), in order, and counts those it skipped as already sent.
 */
public class NewBarsOnly implements AggregationStrategy {

    public static final String NEW_BAR = "newBar";

    private final CollectSummary summary;

    public NewBarsOnly(CollectSummary summary) {
        this.summary = summary;
    }

    @Override
    public Exchange aggregate(Exchange gathered, Exchange next) {
        if (next.getException() != null) {
            return next;
        }
        Exchange result = gathered;
        if (result == null) {
            result = next.copy();
            result.getMessage().setBody(new ArrayList<Bar>());
        }
        if (next.getProperty(NEW_BAR, false, Boolean.class)) {
            bars(result).add(next.getMessage().getBody(Bar.class));
        } else if (next.getProperty(ExchangePropertyKey.DUPLICATE_MESSAGE, false, Boolean.class)) {
            summary.duplicate(next.getProperty("symbol", String.class));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Bar> bars(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
