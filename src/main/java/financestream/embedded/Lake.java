package financestream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The embedded stand-in for S3: one local directory in which each bucket is a folder, so that
 * {@code s3://bucket/key} is the file {@code LAKE/bucket/key}. Every engine resolves S3 locations
 * through here, so none of them can write or read outside the lake directory.
 */
public final class Lake {

    // S3 bucket naming rules, simplified: 3-63 chars of lower-case letters, digits, dots and hyphens.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path root;

    public Lake(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lake directory " + this.root + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(this.root)) {
            throw new IllegalArgumentException("The lake directory " + this.root + " is not writable");
        }
    }

    public Path root() {
        return root;
    }

    /** The local path of an S3 URI such as {@code s3://finance-stream-lake/bars/}. */
    public Path resolve(String s3Uri) {
        URI uri;
        try {
            uri = URI.create(s3Uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an S3 location: '" + s3Uri + "'", e);
        }
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an S3 location: '" + s3Uri + "' (expected s3://bucket/key)");
        }
        String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return resolve(uri.getHost(), key);
    }

    /** The local path of an object key (or key prefix) in a bucket; refuses keys that climb out of the bucket. */
    public Path resolve(String bucket, String key) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Invalid S3 bucket name: '" + bucket + "'");
        }
        Path bucketDir = root.resolve(bucket);
        Path path = bucketDir.resolve(key).normalize();
        if (!path.startsWith(bucketDir)) {
            throw new IllegalArgumentException("S3 key '" + key + "' escapes bucket '" + bucket + "'");
        }
        return path;
    }

    /** The S3 URI of a file inside the lake: the inverse of {@link #resolve(String)}. */
    public String toS3Uri(Path path) {
        Path relative = root.relativize(path.toAbsolutePath().normalize());
        if (relative.getNameCount() == 0 || relative.startsWith("..")) {
            throw new IllegalArgumentException(path + " is not inside the lake " + root);
        }
        StringBuilder uri = new StringBuilder("s3://").append(relative.getName(0));
        uri.append('/');
        if (relative.getNameCount() > 1) {
            uri.append(relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/'));
            if (Files.isDirectory(path)) {
                uri.append('/');
            }
        }
        return uri.toString();
    }

    /**
     * The data objects under a folder, in key order, skipping names that start with '_' or '.' (and whole folders
     * so named) as Athena and Glue do: Firehose's in-flight parts, _SUCCESS markers, the engines' own folders.
     * An absent folder holds no objects.
     */
    public static List<Path> dataFiles(Path root) throws IOException {
        return dataFilesWithSizes(root).stream().map(DataFile::path).toList();
    }

    /** A data object's file and its size in bytes, as the listing saw them. */
    public record DataFile(Path path, long size) {
    }

    /** {@link #dataFiles}, with each file's size from the same listing (no second look at each file). */
    public static List<DataFile> dataFilesWithSizes(Path root) throws IOException {
        List<DataFile> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file)) {
                    files.add(new DataFile(file, attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(DataFile::path));
        return files;
    }

    /** Whether Athena and Glue skip this file or folder: its name starts with '_' or '.'. */
    public static boolean isHidden(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("_") || name.startsWith(".");
    }

    /** Where engines keep files that are not objects (in-flight writes, the Glue catalog): never inside a bucket. */
    public Path internalDir(String name) {
        Path dir = root.resolve("_" + name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
