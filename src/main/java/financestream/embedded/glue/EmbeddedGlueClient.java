package financestream.embedded.glue;

import financestream.embedded.Lake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.GetCrawlerRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlerResponse;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetDatabaseResponse;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.S3Target;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StartCrawlerRequest;
import software.amazon.awssdk.services.glue.model.StartCrawlerResponse;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A Glue crawler and Data Catalog over the {@link Lake}: the crawlers are fixed at construction, as if created in
 * AWS beforehand; the catalog lives in {@code _glue/catalog.json} in the lake and survives restarts. Crawls run
 * on a background thread; callers poll {@link #getCrawler} as they would on AWS.
 */
public final class EmbeddedGlueClient implements GlueClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGlueClient.class);
    private static final int DEFAULT_PAGE = 1000;

    private final Map<String, CrawlerDefinition> crawlers = new LinkedHashMap<>();
    private final Map<String, Long> runningSince = new LinkedHashMap<>();
    private final TargetScan scanner;
    private final CatalogStore store;
    private final ExecutorService crawlThreads;
    private final long creationTime = System.currentTimeMillis();
    private CatalogState catalog;

    public EmbeddedGlueClient(Lake lake, List<CrawlerDefinition> crawlerDefinitions) {
        for (CrawlerDefinition crawler : crawlerDefinitions) {
            if (crawlers.put(crawler.name(), crawler) != null) {
                throw new IllegalArgumentException("Glue crawler '" + crawler.name() + "' is defined twice");
            }
            for (String target : crawler.s3Targets()) {
                try {
                    lake.resolve(target); // a target that leaves its bucket is refused now, not at the first crawl
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Glue crawler '" + crawler.name() + "' cannot crawl " + target
                            + ": " + e.getMessage(), e);
                }
            }
        }
        this.scanner = new TargetScan(lake, List.of(new ParquetClassifier(), new JsonLinesClassifier()));
        this.store = new CatalogStore(lake.internalDir("glue"));
        this.catalog = store.load();
        this.crawlThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "embedded-glue-crawler");
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("Embedded Glue catalog {} with {} database(s), crawlers {}", store.file(),
                catalog.databases().size(), crawlers.keySet());
    }

    public EmbeddedGlueClient(Lake lake, CrawlerDefinition... crawlerDefinitions) {
        this(lake, List.of(crawlerDefinitions));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        crawlThreads.shutdownNow();
        try {
            crawlThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- crawlers -------------------------------------------------------------------------------------------

    @Override
    public StartCrawlerResponse startCrawler(StartCrawlerRequest request) {
        CrawlerDefinition crawler = crawler(request.name());
        synchronized (this) {
            if (runningSince.containsKey(crawler.name())) {
                throw GlueErrors.crawlerRunning("Crawler with name " + crawler.name() + " has already started");
            }
            runningSince.put(crawler.name(), System.currentTimeMillis());
        }
        crawlThreads.execute(() -> crawl(crawler));
        return StartCrawlerResponse.builder().build();
    }

    @Override
    public GetCrawlerResponse getCrawler(GetCrawlerRequest request) {
        CrawlerDefinition definition = crawler(request.name());
        Long started;
        CatalogState.LastCrawl last;
        synchronized (this) {
            started = runningSince.get(definition.name());
            last = catalog.lastCrawls().get(definition.name());
        }
        Crawler.Builder crawler = Crawler.builder()
                .name(definition.name())
                .databaseName(definition.database())
                .targets(CrawlerTargets.builder().s3Targets(definition.s3Targets().stream()
                        .map(path -> S3Target.builder().path(path).build()).toList()).build())
                .creationTime(Instant.ofEpochMilli(creationTime))
                .version(1L)
                .state(started != null ? CrawlerState.RUNNING : CrawlerState.READY);
        if (started != null) {
            crawler.crawlElapsedTime(System.currentTimeMillis() - started);
        }
        if (last != null) {
            crawler.lastCrawl(LastCrawlInfo.builder()
                    .status(LastCrawlStatus.fromValue(last.status()))
                    .errorMessage(last.errorMessage())
                    .startTime(Instant.ofEpochMilli(last.startTime()))
                    .logGroup("/aws-glue/crawlers")
                    .logStream(definition.name())
                    .build());
        }
        return GetCrawlerResponse.builder().crawler(crawler.build()).build();
    }

    private CrawlerDefinition crawler(String name) {
        CrawlerDefinition crawler = name == null ? null : crawlers.get(name);
        if (crawler == null) {
            throw GlueErrors.entityNotFound("Crawler entry with name " + name + " does not exist");
        }
        return crawler;
    }

    private void crawl(CrawlerDefinition crawler) {
        long start;
        synchronized (this) {
            start = runningSince.get(crawler.name());
        }
        String status = "SUCCEEDED";
        String error = null;
        try {
            List<TargetScan.Result> found = new ArrayList<>();
            for (String target : crawler.s3Targets()) {
                scanner.scan(target).ifPresent(found::add);
            }
            apply(crawler, found);
            LOG.info("Crawler {} succeeded: {} table(s) in database {}", crawler.name(), found.size(), crawler.database());
        } catch (CrawlFailedException e) {
            status = "FAILED";
            error = e.getMessage();
            LOG.warn("Crawler {} failed: {}", crawler.name(), error);
        } catch (RuntimeException e) {
            status = "FAILED";
            error = "Internal Service Exception: " + e;
            LOG.error("Crawler {} failed", crawler.name(), e);
        } finally {
            synchronized (this) {
                catalog = catalog.withLastCrawl(crawler.name(),
                        new CatalogState.LastCrawl(status, error, start, System.currentTimeMillis()));
                store.save(catalog);
                runningSince.remove(crawler.name());
            }
        }
    }

    /** Writes a crawl's tables into the catalog, all or nothing. */
    private synchronized void apply(CrawlerDefinition crawler, List<TargetScan.Result> found) throws CrawlFailedException {
        long now = System.currentTimeMillis();
        CatalogState.Database database = catalog.databases().get(crawler.database());
        if (database == null) {
            database = new CatalogState.Database(crawler.database(), now, Map.of());
        }
        for (TargetScan.Result scan : found) {
            if (!CatalogNames.isValid(scan.tableName())) {
                throw new CrawlFailedException("cannot name a table after " + scan.location(), null);
            }
            CatalogState.Table existing = database.tables().get(scan.tableName());
            database = database.withTable(CatalogMerge.merge(existing, scan, crawler.name(), now));
        }
        CatalogState updated = catalog.withDatabase(database);
        store.save(updated);
        catalog = updated;
    }

    // ---- catalog --------------------------------------------------------------------------------------------

    @Override
    public GetDatabaseResponse getDatabase(GetDatabaseRequest request) {
        return GetDatabaseResponse.builder().database(toSdk(database(request.name()))).build();
    }

    @Override
    public GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        List<Database> all = snapshot().databases().values().stream().sorted(byName(CatalogState.Database::name))
                .map(EmbeddedGlueClient::toSdk).toList();
        Page<Database> page = Page.of(all, request.nextToken(), request.maxResults());
        return GetDatabasesResponse.builder().databaseList(page.items()).nextToken(page.nextToken()).build();
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        CatalogState.Database database = database(request.databaseName());
        return GetTableResponse.builder().table(toSdk(database.name(), table(database, request.name()))).build();
    }

    @Override
    public GetTablesResponse getTables(GetTablesRequest request) {
        CatalogState.Database database = database(request.databaseName());
        List<Table> all = database.tables().values().stream().sorted(byName(CatalogState.Table::name))
                .filter(table -> request.expression() == null || table.name().matches(request.expression()))
                .map(table -> toSdk(database.name(), table)).toList();
        Page<Table> page = Page.of(all, request.nextToken(), request.maxResults());
        return GetTablesResponse.builder().tableList(page.items()).nextToken(page.nextToken()).build();
    }

    @Override
    public GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        if (request.expression() != null) {
            throw GlueErrors.invalidInput("The embedded Glue catalog does not evaluate partition expressions");
        }
        CatalogState.Database database = database(request.databaseName());
        CatalogState.Table table = table(database, request.tableName());
        boolean withColumns = !Boolean.TRUE.equals(request.excludeColumnSchema());
        List<Partition> all = table.partitions().stream()
                .map(partition -> toSdk(database.name(), table, partition, withColumns)).toList();
        Page<Partition> page = Page.of(all, request.nextToken(), request.maxResults());
        return GetPartitionsResponse.builder().partitions(page.items()).nextToken(page.nextToken()).build();
    }

    private synchronized CatalogState snapshot() {
        return catalog;
    }

    private CatalogState.Database database(String name) {
        CatalogState.Database database = name == null ? null : snapshot().databases().get(name);
        if (database == null) {
            throw GlueErrors.entityNotFound("Database " + name + " not found.");
        }
        return database;
    }

    private static CatalogState.Table table(CatalogState.Database database, String name) {
        CatalogState.Table table = name == null ? null : database.tables().get(name);
        if (table == null) {
            throw GlueErrors.entityNotFound("Table " + name + " not found.");
        }
        return table;
    }

    private static <T> java.util.Comparator<T> byName(Function<T, String> name) {
        return java.util.Comparator.comparing(name);
    }

    // ---- conversions to the SDK model ----------------------------------------------------------------------

    private static Database toSdk(CatalogState.Database database) {
        return Database.builder().name(database.name()).createTime(Instant.ofEpochMilli(database.createTime()))
                .catalogId("000000000000").build();
    }

    private static Table toSdk(String databaseName, CatalogState.Table table) {
        return Table.builder()
                .name(table.name())
                .databaseName(databaseName)
                .owner("owner")
                .createTime(Instant.ofEpochMilli(table.createTime()))
                .updateTime(Instant.ofEpochMilli(table.updateTime()))
                .retention(0)
                .tableType("EXTERNAL_TABLE")
                .parameters(table.parameters())
                .partitionKeys(columns(table.partitionKeys()))
                .storageDescriptor(storage(table, table.location(), true, true))
                .createdBy("embedded-glue-crawler")
                .isRegisteredWithLakeFormation(false)
                .catalogId("000000000000")
                .build();
    }

    /** {@code withColumns} false for GetPartitions' ExcludeColumnSchema: the storage descriptor without its columns. */
    private static Partition toSdk(String databaseName, CatalogState.Table table, CatalogState.Partition partition,
                                   boolean withColumns) {
        return Partition.builder()
                .values(partition.values())
                .databaseName(databaseName)
                .tableName(table.name())
                .creationTime(Instant.ofEpochMilli(partition.createTime()))
                .storageDescriptor(storage(table, partition.location(), false, withColumns))
                .catalogId("000000000000")
                .build();
    }

    private static StorageDescriptor storage(CatalogState.Table table, String location, boolean withParameters,
                                             boolean withColumns) {
        String paths = String.join(",", table.columns().stream().map(CatalogState.Column::name).sorted().toList());
        boolean parquet = "parquet".equals(table.parameters().get("classification"));
        return StorageDescriptor.builder()
                .columns(withColumns ? columns(table.columns()) : null)
                .location(location)
                // what a Glue crawler records for each classification
                .inputFormat(parquet ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
                        : "org.apache.hadoop.mapred.TextInputFormat")
                .outputFormat(parquet ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"
                        : "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                .compressed(false)
                .numberOfBuckets(-1)
                .serdeInfo(parquet
                        ? SerDeInfo.builder().serializationLibrary(
                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                                .parameters(Map.of("serialization.format", "1")).build()
                        : SerDeInfo.builder().serializationLibrary("org.openx.data.jsonserde.JsonSerDe")
                                .parameters(Map.of("paths", paths)).build())
                .parameters(withParameters ? table.parameters() : Map.of())
                .storedAsSubDirectories(false)
                .build();
    }

    private static List<Column> columns(List<CatalogState.Column> columns) {
        return columns.stream().map(c -> Column.builder().name(c.name()).type(c.type()).build()).toList();
    }

    /** One page of a listing; the token is the offset of the next item, opaque to callers. */
    private record Page<T>(List<T> items, String nextToken) {
        static <T> Page<T> of(List<T> all, String token, Integer maxResults) {
            int from;
            try {
                from = token == null ? 0 : Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw GlueErrors.invalidInput("Invalid pagination token: " + token);
            }
            if (from < 0 || from > all.size()) {
                throw GlueErrors.invalidInput("Invalid pagination token: " + token);
            }
            int size = maxResults == null ? DEFAULT_PAGE : maxResults;
            if (size < 1) {
                throw GlueErrors.invalidInput("MaxResults must be at least 1");
            }
            int to = (int) Math.min((long) from + size, all.size());
            return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
        }
    }
}
