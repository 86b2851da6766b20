package financestream.deliver;

/** Records Firehose did not accept; the message says how many and in which dead-letter file they are. */
public class FirehoseDeliveryException extends RuntimeException {
    public FirehoseDeliveryException(String message) {
        super(message);
    }
}
