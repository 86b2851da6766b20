package financestream.embedded.glue;

import java.util.Locale;
import java.util.regex.Pattern;

/** Database and table names that both Glue and Athena accept without quoting. */
public final class CatalogNames {

    /** A Glue database or table name that Athena accepts unquoted. */
    public static final String NAME = "[a-z0-9_]{1,255}";
    private static final Pattern IDENTIFIER = Pattern.compile(NAME);

    private CatalogNames() {
    }

    public static boolean isValid(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    public static String requireValid(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Invalid Glue " + what + " name '" + name
                    + "': use 1-255 lower-case letters, digits or '_' (Athena rejects other names)");
        }
        return name;
    }

    /** The table name a crawler derives from a folder name: lower case, other characters as '_'. */
    public static String tableNameFor(String folder) {
        String name = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
