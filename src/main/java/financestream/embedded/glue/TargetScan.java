package financestream.embedded.glue;

import financestream.embedded.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a crawler finds under one S3 target: the data files, the schema sampled from them, and the partitions
 * given by the folders between the target and the files ({@code key=value} folders name their key, plain
 * folders become {@code partition_0..N}). Files and folders starting with '_' or '.' are ignored, as by
 * Glue and Athena.
 */
final class TargetScan {

    private static final Pattern HIVE_FOLDER = Pattern.compile("([^=]+)=(.*)");

    record ScannedPartition(List<String> values, String location) {
    }

    record Result(String tableName, String location, String classification, LinkedHashMap<String, String> columns,
                  List<String> partitionKeys, List<ScannedPartition> partitions, long objectCount, long totalBytes,
                  long sampledRecords) {
    }

    private final Lake lake;
    private final List<FileClassifier> classifiers;

    TargetScan(Lake lake, List<FileClassifier> classifiers) {
        this.lake = lake;
        this.classifiers = List.copyOf(classifiers);
    }

    /** The table this target yields, or empty when the target holds no data file (no table, as on AWS). */
    Optional<Result> scan(String target) throws CrawlFailedException {
        String location = target.endsWith("/") ? target : target + "/";
        Path root = lake.resolve(location);
        List<Path> files = dataFiles(root);
        if (files.isEmpty()) {
            return Optional.empty();
        }

        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        String classification = null;
        List<String> partitionKeys = null;
        Map<String, ScannedPartition> partitions = new TreeMap<>();
        long bytes = 0;
        long records = 0;
        for (Path file : files) {
            String key = lake.toS3Uri(file);
            FileSchema schema = sample(file, key);
            if (classification != null && !classification.equals(schema.classification())) {
                throw new CrawlFailedException(key + ": classified as " + schema.classification()
                        + " but the other files under " + location + " are " + classification, null);
            }
            classification = schema.classification();
            FileSchema.mergeInto(columns, schema.columns());
            records += schema.sampledRecords();
            bytes += size(file);

            List<String> folders = folders(root, file);
            List<String> keys = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                Matcher hive = HIVE_FOLDER.matcher(folders.get(i));
                keys.add(hive.matches() ? hive.group(1).toLowerCase() : "partition_" + i);
                values.add(hive.matches() ? hive.group(2) : folders.get(i));
            }
            if (partitionKeys == null) {
                partitionKeys = keys;
            } else if (!partitionKeys.equals(keys)) {
                // A real crawler would split such a prefix into several tables; we refuse rather than guess.
                throw new CrawlFailedException(key + ": its folders give partition keys " + keys
                        + " but other files under " + location + " give " + partitionKeys, null);
            }
            if (!folders.isEmpty()) {
                String folder = lake.toS3Uri(file.getParent());
                partitions.putIfAbsent(folder, new ScannedPartition(values, folder));
            }
        }
        columns.replaceAll((name, type) -> type == null ? "string" : type);
        for (String partitionKey : partitionKeys) {
            if (columns.containsKey(partitionKey)) {
                throw new CrawlFailedException("partition key '" + partitionKey + "' under " + location
                        + " is also a column of the records", null);
            }
        }
        String tableName = CatalogNames.tableNameFor(root.getFileName().toString());
        return Optional.of(new Result(tableName, location, classification, columns, partitionKeys,
                List.copyOf(partitions.values()), files.size(), bytes, records));
    }

    private FileSchema sample(Path file, String key) throws CrawlFailedException {
        try {
            for (FileClassifier classifier : classifiers) {
                if (classifier.accepts(file)) {
                    return classifier.sample(file);
                }
            }
        } catch (IOException e) {
            // Loud by choice: a real crawler would classify the file UNKNOWN and carry on.
            throw new CrawlFailedException(key + ": " + e.getMessage(), e);
        }
        throw new CrawlFailedException(key + ": no classifier recognises this file", null);
    }

    private static List<String> folders(Path root, Path file) {
        Path relative = root.relativize(file.getParent());
        List<String> folders = new ArrayList<>();
        if (!relative.toString().isEmpty()) {
            relative.forEach(part -> folders.add(part.toString()));
        }
        return folders;
    }

    private static long size(Path file) throws CrawlFailedException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CrawlFailedException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Data files under a folder, in key order, skipping '_' and '.' names ({@link Lake#dataFiles}). */
    static List<Path> dataFiles(Path root) throws CrawlFailedException {
        try {
            return Lake.dataFiles(root);
        } catch (IOException e) {
            throw new CrawlFailedException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
