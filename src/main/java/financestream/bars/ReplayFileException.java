package financestream.bars;

/** A replay file that is missing or holds a line that is not a bar record; names the file and the line. */
public class ReplayFileException extends RuntimeException {

    private final String location;
    private final long lineNumber;

    public ReplayFileException(String location, long lineNumber, String fault, Throwable cause) {
        super("Replay file " + location + (lineNumber > 0 ? " line " + lineNumber : "") + ": " + fault, cause);
        this.location = location;
        this.lineNumber = lineNumber;
    }

    /** The file as configured ({@code classpath:…} or a path). */
    public String getLocation() {
        return location;
    }

    /** The 1-based line at fault, or 0 when the fault is the file itself. */
    public long getLineNumber() {
        return lineNumber;
    }
}
