package financestream.embedded.glue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a classifier learned from the sampled start of one file: its classification and its columns in
 * first-seen order, with Glue type names. A column seen only with nulls has type {@code null} until merged.
 */
record FileSchema(String classification, LinkedHashMap<String, String> columns, long sampledRecords) {

    /** The Glue type that holds both: numbers widen to double, anything else mixed becomes string. */
    static String widen(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        List<String> numbers = List.of("bigint", "double");
        if (numbers.contains(a) && numbers.contains(b)) {
            return "double";
        }
        return "string";
    }

    /** Merges another file's columns into these, keeping first-seen order and widening types. */
    static void mergeInto(Map<String, String> into, Map<String, String> from) {
        for (Map.Entry<String, String> column : from.entrySet()) {
            String name = column.getKey();
            // put() on a present key keeps its position: column order stays first-seen
            into.put(name, into.containsKey(name) ? widen(into.get(name), column.getValue()) : column.getValue());
        }
    }
}
