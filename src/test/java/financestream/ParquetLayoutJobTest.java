package financestream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same one-shot job with {@code lake.layout=parquet}: the same 70 answers (the inherited test), from a table
 * the crawler found as Parquet partitioned by event date, with every landed object moved out of the landing prefix.
 */
class ParquetLayoutJobTest extends ReferenceJobTest {

    @Override
    protected App configure(App app) {
        return super.configure(app).set("lake.layout", "parquet");
    }

    @Test
    void theCrawlerCatalogsParquetByEventDateAndTheLandingPrefixIsEmpty() throws Exception {
        assertThat(awaitJob().exitCode()).contains(0);

        Table bars = context.getRegistry().findSingleByType(GlueClient.class)
                .getTable(r -> r.databaseName("finance_stream").name("bars")).table();
        assertThat(bars.parameters()).containsEntry("classification", "parquet");
        assertThat(bars.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type())
                .containsExactly("high double", "low double", "ts string", "name string");
        assertThat(bars.partitionKeys()).extracting(c -> c.name()).containsExactly("dt");

        Path lake = work.resolve("lake/finance-stream-lake");
        try (Stream<Path> parquet = Files.walk(lake.resolve("curated/bars"));
             Stream<Path> landed = Files.walk(lake.resolve("bars"));
             Stream<Path> archived = Files.walk(lake.resolve("compacted/bars"))) {
            assertThat(parquet.filter(Files::isRegularFile))
                    .allMatch(f -> f.toString().contains("/dt=2020-12-01/") && f.toString().endsWith(".parquet"))
                    .isNotEmpty();
            assertThat(landed.filter(Files::isRegularFile)).isEmpty();
            assertThat(archived.filter(Files::isRegularFile)).isNotEmpty();
        }
    }
}
