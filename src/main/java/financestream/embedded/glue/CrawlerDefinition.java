package financestream.embedded.glue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Glue crawler as it would be defined in AWS: its name, the catalog database it writes to and the
 * S3 prefixes it crawls. Each target becomes one table named after its last folder.
 */
public record CrawlerDefinition(String name, String database, List<String> s3Targets) {

    private static final Pattern CRAWLER_NAME = Pattern.compile("[\\w.-]{1,255}");

    public CrawlerDefinition {
        if (name == null || !CRAWLER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid Glue crawler name '" + name
                    + "': use 1-255 letters, digits, '_', '.' or '-'");
        }
        CatalogNames.requireValid("database", database);
        if (s3Targets == null || s3Targets.isEmpty()) {
            throw new IllegalArgumentException("Glue crawler '" + name + "' has no S3 target");
        }
        for (String target : s3Targets) {
            if (target == null || !target.startsWith("s3://")) {
                throw new IllegalArgumentException("Glue crawler '" + name + "' has an invalid S3 target '" + target
                        + "' (expected s3://bucket/prefix/)");
            }
        }
        s3Targets = List.copyOf(s3Targets);
    }

    public CrawlerDefinition(String name, String database, String s3Target) {
        this(name, database, List.of(s3Target));
    }
}
