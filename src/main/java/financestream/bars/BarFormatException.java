package financestream.bars;

/** A text that is not a bar record; the message names the fault (malformed JSON, missing field, wrong type). */
public class BarFormatException extends IllegalArgumentException {

    public BarFormatException(String message) {
        super(message);
    }

    public BarFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
