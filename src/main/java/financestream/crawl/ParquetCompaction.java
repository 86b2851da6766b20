package financestream.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

import financestream.embedded.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the NDJSON objects Firehose landed as Parquet partitioned by the bars' event date
 * ({@code TARGET/dt=YYYY-MM-DD/part-RUN-N.parquet}), the layout Athena users adopt to cut the bytes a query scans,
 * and moves the compacted objects out of the way ({@code ARCHIVE/<their key under SOURCE>}).
 * <p>
 * Every bar ends up exactly once in the target: the Parquet files are written to a staging folder outside every
 * bucket, then a journal listing every move is written atomically, then the moves are made (Parquet files into
 * place, sources to the archive). A run that stopped part-way is finished by the next run from its journal; a run
 * that stopped before its journal left its sources in place and only staging debris, which is deleted. Objects that
 * land while a run is compacting are left for the next run.
 */
public final class ParquetCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(ParquetCompaction.class);
    private static final String JOURNAL_SUFFIX = ".journal";

    /** What one run did. */
    public record Result(int sourceObjects, int parquetFiles, long rows) {
        @Override
        public String toString() {
            return rows + " bars from " + sourceObjects + " object(s) into " + parquetFiles + " Parquet file(s)";
        }
    }

    private final Lake lake;
    private final Path source;
    private final Path target;
    private final Path archive;
    private final Path work;

    /**
     * @param source  where Firehose lands the NDJSON objects, e.g. {@code s3://finance-stream-lake/bars/}
     * @param target  the Parquet table's location, e.g. {@code s3://finance-stream-lake/curated/bars/}
     * @param archive where compacted objects go, e.g. {@code s3://finance-stream-lake/compacted/bars/}
     */
    public ParquetCompaction(Lake lake, String source, String target, String archive) {
        this.lake = lake;
        this.source = lake.resolve(source);
        this.target = lake.resolve(target);
        this.archive = lake.resolve(archive);
        for (Path other : List.of(this.target, this.archive)) {
            if (other.startsWith(this.source) || this.source.startsWith(other)) {
                throw new IllegalArgumentException("The compaction's source " + source + ", target " + target
                        + " and archive " + archive + " must not overlap: a crawler would read bars twice");
            }
        }
        this.work = lake.root().resolve("_compaction");
    }

    /** Compacts every object now under the source; finishes an interrupted earlier run first. */
    public synchronized Result compact() throws IOException, SQLException {
        Files.createDirectories(work);
        recover();
        List<Path> objects = Lake.dataFiles(source);
        if (objects.isEmpty()) {
            return new Result(0, 0, 0);
        }
        String run = UUID.randomUUID().toString();
        Path staging = work.resolve(run);
        long rows = writeParquet(objects, staging, run);
        List<String> moves = new ArrayList<>();
        List<Path> parquet = Lake.dataFiles(staging);
        for (Path file : parquet) {
            moves.add(staging.relativize(file) + "\t" + target.resolve(staging.relativize(file)));
        }
        for (Path object : objects) {
            moves.add(object + "\t" + archive.resolve(source.relativize(object)));
        }
        // the commit point: from here on the moves are made, by this run or the next
        Path journal = work.resolve(run + JOURNAL_SUFFIX);
        Path journalTemp = work.resolve(run + ".tmp");
        Files.write(journalTemp, moves, StandardCharsets.UTF_8);
        Files.move(journalTemp, journal, StandardCopyOption.ATOMIC_MOVE);
        apply(journal, staging);
        Result result = new Result(objects.size(), parquet.size(), rows);
        LOG.info("Compacted {} into {}", result, lake.toS3Uri(target));
        return result;
    }

    private long writeParquet(List<Path> objects, Path staging, String run) throws SQLException {
        StringJoiner files = new StringJoiner(", ", "[", "]");
        objects.forEach(file -> files.add(literal(file.toString())));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            // bounded memory whatever the volume; insertion order is not needed inside a date partition
            sql.execute("SET memory_limit = '256MB'");
            sql.execute("SET preserve_insertion_order = false");
            sql.execute("SET temp_directory = " + literal(work.resolve(run + ".spill").toString()));
            // ts is kept as the record's text; dt is its local (event) date, the partition
            return sql.executeLargeUpdate("COPY (SELECT high, low, ts, name, substr(ts, 1, 10) AS dt "
                    + "FROM read_json(" + files + ", format = 'newline_delimited', "
                    + "columns = {high: 'DOUBLE', low: 'DOUBLE', ts: 'VARCHAR', name: 'VARCHAR'})) "
                    + "TO " + literal(staging.toString()) + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), "
                    + "FILENAME_PATTERN " + literal("part-" + run + "-{i}") + ")");
        }
    }

    /** Makes the journal's moves that are not made yet, then forgets the run. */
    private void apply(Path journal, Path staging) throws IOException {
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            String[] move = line.split("\t", 2);
            Path from = staging.resolve(move[0]);
            Path to = Path.of(move[1]);
            if (Files.exists(from)) {
                Files.createDirectories(to.getParent());
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(to)) {
                throw new IllegalStateException("Compaction journal " + journal + ": neither " + from + " nor " + to
                        + " exists; the lake was changed by something else");
            }
        }
        Files.delete(journal);
        deleteTree(staging);
        deleteTree(Path.of(staging + ".spill"));
    }

    /** Finishes committed runs; deletes what uncommitted runs left (their sources were never moved). */
    private void recover() throws IOException {
        try (Stream<Path> entries = Files.list(work)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.endsWith(JOURNAL_SUFFIX)) {
                    LOG.warn("Finishing the interrupted compaction run {}", name);
                    apply(entry, work.resolve(name.substring(0, name.length() - JOURNAL_SUFFIX.length())));
                }
            }
        }
        try (Stream<Path> entries = Files.list(work)) {
            for (Path entry : entries.toList()) {
                deleteTree(entry);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
