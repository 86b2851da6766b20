package financestream.settings;

/** A setting that must never reach a log, a file or an exception: {@link #toString()} hides it. */
public record Secret(String value) {

    public static Secret parse(String value) {
        return new Secret(value);
    }

    public boolean isEmpty() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "(hidden)";
    }
}
