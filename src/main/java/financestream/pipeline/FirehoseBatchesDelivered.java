package financestream.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.processor.aggregate.AggregateProcessor;

/**
 * Waits until every Firehose batch has been handed to Firehose. Camel's aggregator sends a completed batch on its
 * own thread, so when the last bar has entered the batching route its batches may still be on their way: the
 * collect step is only done (and the crawl may start) once the aggregator holds no open batch and sends none.
 */
public class FirehoseBatchesDelivered {

    private static final Duration POLL = Duration.ofMillis(2);

    private final String batchingRouteId;
    private final Duration timeout;

    public FirehoseBatchesDelivered(String batchingRouteId, Duration timeout) {
        this.batchingRouteId = batchingRouteId;
        this.timeout = timeout;
    }

    /** @throws IllegalStateException if batches are still open or in flight after the timeout */
    public void await(Exchange exchange) throws InterruptedException {
        List<AggregateProcessor> aggregators = aggregators(exchange.getContext());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending(aggregators) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending(aggregators) + " Firehose batch(es) of route '" + batchingRouteId
                        + "' still open or in flight after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static int pending(List<AggregateProcessor> aggregators) {
        int pending = 0;
        for (AggregateProcessor aggregator : aggregators) {
            pending += aggregator.getInProgressCompleteExchanges() + aggregator.getAggregationRepository().getKeys().size();
        }
        return pending;
    }

    private List<AggregateProcessor> aggregators(CamelContext context) {
        Route route = context.getRoute(batchingRouteId);
        if (route == null) {
            throw new IllegalStateException("No route '" + batchingRouteId + "' batches the Firehose records");
        }
        List<AggregateProcessor> found = new ArrayList<>();
        collect(route.navigate(), found);
        if (found.isEmpty()) {
            throw new IllegalStateException("Route '" + batchingRouteId + "' has no aggregate step");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Navigate<Processor> node, List<AggregateProcessor> found) {
        if (node == null || !node.hasNext()) {
            return;
        }
        for (Processor processor : node.next()) {
            if (processor instanceof AggregateProcessor aggregator) {
                found.add(aggregator);
            }
            if (processor instanceof Navigate<?> child) {
                collect((Navigate<Processor>) child, found);
            }
        }
    }
}
