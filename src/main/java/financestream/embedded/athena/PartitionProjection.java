package financestream.embedded.athena;

import financestream.embedded.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Athena's partition projection: a table whose properties say {@code projection.enabled=true} has the partitions
 * its {@code projection.<key>.*} properties and {@code storage.location.template} describe, whatever the catalog
 * registered, so a new Firehose hour folder is queryable before any crawl. Athena computes the candidate values and
 * reads their locations; here the folders that exist under the template are listed and kept when the projection
 * would have produced their value: the same partitions, without probing every hour since 2020. Types
 * {@code integer}, {@code date} and {@code enum}; {@code injected} needs the query's WHERE clause, which this
 * engine does not read, and is refused.
 */
final class PartitionProjection {

    private static final Pattern KEY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern NOW = Pattern.compile("NOW(?:\\s*([+-])\\s*(\\d+)\\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?",
            Pattern.CASE_INSENSITIVE);

    /** One projected partition: its values, in key order, and its folder. */
    record Projected(List<String> values, Path folder) {
    }

    private final String tableName;
    private final Map<String, String> properties;
    private final List<String> keys;
    private final Clock clock;

    private PartitionProjection(Table table, Clock clock) {
        this.tableName = table.databaseName() + "." + table.name();
        this.properties = table.parameters();
        this.keys = table.partitionKeys().stream().map(Column::name).toList();
        this.clock = clock;
    }

    static boolean enabled(Table table) {
        return !table.partitionKeys().isEmpty()
                && "true".equalsIgnoreCase(table.parameters().getOrDefault("projection.enabled", "").trim());
    }

    /** The table's projected partitions that have a folder in the lake. */
    static List<Projected> partitions(Table table, Lake lake, Clock clock) {
        return new PartitionProjection(table, clock).list(lake, table.storageDescriptor().location());
    }

    private List<Projected> list(Lake lake, String tableLocation) {
        List<Predicate<String>> accepts = keys.stream().map(this::accepts).toList();
        String template = properties.get("storage.location.template");
        if (template == null || template.isBlank()) {
            // without a template Athena reads Hive's layout under the table: key=value folders
            StringBuilder hive = new StringBuilder(tableLocation.endsWith("/") ? tableLocation : tableLocation + "/");
            keys.forEach(key -> hive.append(key).append("=${").append(key).append("}/"));
            template = hive.toString();
        }
        int first = template.indexOf("${");
        int root = first < 0 ? -1 : template.lastIndexOf('/', first);
        if (root < 0) {
            throw invalid("storage.location.template '" + template + "' names no ${key} in a folder of its own");
        }
        List<Pattern> levels = new ArrayList<>();
        List<Integer> keyOfLevel = new ArrayList<>();
        for (String segment : template.substring(root + 1).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            Matcher key = KEY.matcher(segment);
            if (!key.find() || key.find()) {
                throw invalid("storage.location.template '" + template + "': the embedded engine reads templates "
                        + "whose folders each hold one ${key}, not '" + segment + "'");
            }
            key.reset().find();
            int index = keys.indexOf(key.group(1));
            if (index < 0 || keyOfLevel.contains(index)) {
                throw invalid("storage.location.template '" + template + "' names ${" + key.group(1)
                        + "}, which is not a partition key " + keys + " (or names it twice)");
            }
            levels.add(Pattern.compile(Pattern.quote(segment.substring(0, key.start())) + "(.+)"
                    + Pattern.quote(segment.substring(key.end()))));
            keyOfLevel.add(index);
        }
        if (keyOfLevel.size() != keys.size()) {
            throw invalid("storage.location.template '" + template + "' must name every partition key " + keys);
        }
        List<Projected> found = new ArrayList<>();
        walk(lake.resolve(template.substring(0, root + 1)), 0, new String[keys.size()], levels, keyOfLevel, accepts, found);
        return found;
    }

    private static void walk(Path folder, int level, String[] values, List<Pattern> levels, List<Integer> keyOfLevel,
                             List<Predicate<String>> accepts, List<Projected> found) {
        if (level == levels.size()) {
            found.add(new Projected(List.of(values.clone()), folder));
            return;
        }
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(Files::isDirectory).filter(child -> !Lake.isHidden(child)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        for (Path child : children) {
            Matcher value = levels.get(level).matcher(child.getFileName().toString());
            int key = keyOfLevel.get(level);
            if (value.matches() && accepts.get(key).test(value.group(1))) {
                values[key] = value.group(1);
                walk(child, level + 1, values, levels, keyOfLevel, accepts, found);
            }
        }
    }

    /** Whether the projection of {@code key} produces {@code value}. */
    private Predicate<String> accepts(String key) {
        String type = required(key, "type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "integer" -> integer(key);
            case "date" -> date(key);
            case "enum" -> {
                List<String> values = Arrays.stream(required(key, "values").split(",")).map(String::trim).toList();
                yield values::contains;
            }
            case "injected" -> throw invalid("projection." + key + ".type=injected needs the query's WHERE clause, "
                    + "which the embedded engine does not read: use integer, date or enum");
            default -> throw invalid("projection." + key + ".type '" + type + "' is not integer, date, enum or injected");
        };
    }

    private Predicate<String> integer(String key) {
        long[] range = Arrays.stream(required(key, "range").split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        if (range.length != 2) {
            throw invalid("projection." + key + ".range must be 'first,last'");
        }
        String digits = properties.get("projection." + key + ".digits");
        return value -> {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return false;
            }
            String written = digits == null ? Long.toString(number) : String.format("%0" + digits.trim() + "d", number);
            return number >= range[0] && number <= range[1] && written.equals(value);
        };
    }

    private Predicate<String> date(String key) {
        DateTimeFormatter format = new DateTimeFormatterBuilder().appendPattern(required(key, "format"))
                .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);
        String[] range = required(key, "range").split(",");
        if (range.length != 2) {
            throw invalid("projection." + key + ".range must be 'start,end'");
        }
        // read at each query, as Athena evaluates NOW when it plans one (in UTC)
        return value -> {
            LocalDateTime date;
            try {
                date = LocalDateTime.parse(value, format);
            } catch (DateTimeParseException e) {
                return false;
            }
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            return format.format(date).equals(value) && !date.isBefore(bound(key, range[0].trim(), format, now))
                    && !date.isAfter(bound(key, range[1].trim(), format, now));
        };
    }

    private LocalDateTime bound(String key, String bound, DateTimeFormatter format, LocalDateTime now) {
        Matcher relative = NOW.matcher(bound);
        if (relative.matches()) {
            if (relative.group(1) == null) {
                return now;
            }
            String unit = relative.group(3).toUpperCase(Locale.ROOT);
            long amount = Long.parseLong(relative.group(2)) * (relative.group(1).equals("-") ? -1 : 1);
            return now.plus(amount, ChronoUnit.valueOf(unit.endsWith("S") ? unit : unit + "S"));
        }
        try {
            return LocalDateTime.parse(bound, format);
        } catch (DateTimeParseException e) {
            throw invalid("projection." + key + ".range bound '" + bound + "' is neither NOW nor a date in the format");
        }
    }

    private String required(String key, String property) {
        String value = properties.get("projection." + key + "." + property);
        if (value == null || value.isBlank()) {
            throw invalid("projection." + key + "." + property + " is missing");
        }
        return value;
    }

    private IllegalStateException invalid(String reason) {
        return new IllegalStateException("HIVE_METASTORE_ERROR: partition projection of table " + tableName + ": " + reason);
    }
}
