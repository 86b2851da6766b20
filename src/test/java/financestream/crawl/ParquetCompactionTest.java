package financestream.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import financestream.embedded.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetCompactionTest {

    private static final String SOURCE = "s3://lake/bars/";
    private static final String TARGET = "s3://lake/curated/bars/";
    private static final String ARCHIVE = "s3://lake/compacted/bars/";

    @TempDir
    Path dir;

    private static String record(double high, String ts, String name) {
        return "{\"high\": " + high + ", \"low\": 1.5, \"ts\": \"" + ts + "\", \"name\": \"" + name + "\"}\n";
    }

    private Path land(Lake lake, String key, String... records) throws IOException {
        Path file = lake.resolve("lake", "bars/" + key);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("", records), StandardCharsets.UTF_8);
    }

    @Test
    void rewritesTheLandedBarsAsParquetByEventDateAndMovesTheObjectsOut() throws Exception {
        Lake lake = new Lake(dir);
        // arrival folders (UTC) are not event dates: a late bar of Dec 1 arrives with Dec 2's
        land(lake, "2020/12/01/14/a", record(10.25, "2020-12-01 09:30:00-05:00", "FB"),
                record(20.5, "2020-12-01 09:30:00-05:00", "SQ"));
        land(lake, "2020/12/02/14/b", record(11.0, "2020-12-02 09:30:00-05:00", "FB"),
                record(140.7772979736328, "2020-12-01 15:59:00-05:00", "FB"));

        ParquetCompaction.Result result = new ParquetCompaction(lake, SOURCE, TARGET, ARCHIVE).compact();

        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.sourceObjects()).isEqualTo(2);
        Path curated = lake.resolve(TARGET);
        assertThat(files(curated)).allMatch(f -> f.getFileName().toString().endsWith(".parquet"))
                .extracting(f -> curated.relativize(f.getParent()).toString())
                .containsExactlyInAnyOrder("dt=2020-12-01", "dt=2020-12-02");
        assertThat(query("SELECT dt, name, high, ts FROM read_parquet('" + curated + "/*/*.parquet', "
                + "hive_partitioning = true) ORDER BY dt, ts, name")).containsExactly(
                "2020-12-01 FB 10.25 2020-12-01 09:30:00-05:00",
                "2020-12-01 SQ 20.5 2020-12-01 09:30:00-05:00",
                "2020-12-01 FB 140.7772979736328 2020-12-01 15:59:00-05:00",
                "2020-12-02 FB 11.0 2020-12-02 09:30:00-05:00");
        assertThat(files(lake.resolve(SOURCE))).isEmpty();
        assertThat(files(lake.resolve(ARCHIVE))).extracting(f -> lake.resolve(ARCHIVE).relativize(f).toString())
                .containsExactlyInAnyOrder("2020/12/01/14/a", "2020/12/02/14/b");
    }

    @Test
    void aSecondRunCompactsOnlyWhatLandedSinceAndNeverABarTwice() throws Exception {
        Lake lake = new Lake(dir);
        ParquetCompaction compaction = new ParquetCompaction(lake, SOURCE, TARGET, ARCHIVE);
        land(lake, "2020/12/01/14/a", record(10.0, "2020-12-01 09:30:00-05:00", "FB"));
        compaction.compact();
        land(lake, "2020/12/01/15/b", record(12.0, "2020-12-01 10:30:00-05:00", "FB"));

        assertThat(compaction.compact().rows()).isEqualTo(1);
        assertThat(compaction.compact()).isEqualTo(new ParquetCompaction.Result(0, 0, 0));
        assertThat(query("SELECT count(*), sum(high) FROM read_parquet('" + lake.resolve(TARGET) + "/*/*.parquet')"))
                .containsExactly("2 22.0");
    }

    @Test
    void finishesARunThatStoppedAfterItsCommitAndDropsOneThatStoppedBefore() throws Exception {
        Lake lake = new Lake(dir);
        Path landed = land(lake, "2020/12/01/14/a", record(10.0, "2020-12-01 09:30:00-05:00", "FB"));
        // a run that wrote its Parquet file and its journal, then stopped before any move
        Path work = dir.resolve("_compaction");
        Path staged = work.resolve("run1/dt=2020-12-01/part-run1-0.parquet");
        Files.createDirectories(staged.getParent());
        query("COPY (SELECT 10.0::DOUBLE AS high, 1.5::DOUBLE AS low, '2020-12-01 09:30:00-05:00' AS ts, 'FB' AS name) "
                + "TO '" + staged + "' (FORMAT parquet)");
        Path archived = lake.resolve(ARCHIVE).resolve("2020/12/01/14/a");
        Files.write(work.resolve("run1.journal"), List.of(
                "dt=2020-12-01/part-run1-0.parquet\t" + lake.resolve(TARGET).resolve("dt=2020-12-01/part-run1-0.parquet"),
                landed + "\t" + archived));
        // and a run that stopped while writing: no journal, so its sources were never moved
        Files.createDirectories(work.resolve("run2/dt=2020-12-01"));
        Files.writeString(work.resolve("run2/dt=2020-12-01/part-run2-0.parquet"), "half a file");

        ParquetCompaction.Result result = new ParquetCompaction(lake, SOURCE, TARGET, ARCHIVE).compact();

        assertThat(result.rows()).isZero();
        assertThat(Files.exists(archived)).isTrue();
        assertThat(query("SELECT count(*) FROM read_parquet('" + lake.resolve(TARGET) + "/*/*.parquet')"))
                .containsExactly("1");
        assertThat(files(work)).isEmpty();
    }

    @Test
    void aBrokenObjectFailsTheRunAndLeavesTheLakeAsItWas() throws Exception {
        Lake lake = new Lake(dir);
        land(lake, "2020/12/01/14/a", record(10.0, "2020-12-01 09:30:00-05:00", "FB"));
        land(lake, "2020/12/01/14/b", "{\"high\": 1.0, \"low\": \n");

        assertThatThrownBy(() -> new ParquetCompaction(lake, SOURCE, TARGET, ARCHIVE).compact())
                .hasMessageContaining("/2020/12/01/14/b");
        assertThat(files(lake.resolve(SOURCE))).hasSize(2);
        assertThat(files(lake.resolve(TARGET))).isEmpty();
    }

    @Test
    void refusesLocationsThatOverlap() {
        Lake lake = new Lake(dir);

        assertThatThrownBy(() -> new ParquetCompaction(lake, SOURCE, "s3://lake/bars/parquet/", ARCHIVE))
                .hasMessageContaining("must not overlap");
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            if (!statement.execute(sql)) {
                return rows;
            }
            try (ResultSet rs = statement.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join(" ", values));
                }
            }
        }
        return rows;
    }
}
