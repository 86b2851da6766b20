package financestream.bars;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Says what is wrong with a text that is not JSON, in words fit for an error message. */
public final class JsonFault {

    private JsonFault() {
    }

    /** For example {@code Unexpected end-of-input: expected close marker for Object, at line 1 column 63}. */
    public static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        // Jackson appends where the object started, with a "Source: REDACTED" placeholder that only confuses.
        int startMarker = what.indexOf(" (start marker at");
        if (startMarker > 0) {
            what = what.substring(0, startMarker);
        }
        what = what.lines().findFirst().orElse(what);
        JsonLocation at = e.getLocation();
        return at == null ? what : what + ", at line " + at.getLineNr() + " column " + at.getColumnNr();
    }
}
