package financestream.deliver;

/** Firehose refused some records of a batch: Camel redelivers them, then the dead-letter step takes them. */
public class FirehoseDeliveryException extends RuntimeException {
    public FirehoseDeliveryException(String message) {
        super(message);
    }
}
