package financestream;

import java.time.ZoneId;
import java.util.List;

import financestream.settings.Disagreements;
import financestream.settings.QuartzCron;
import financestream.settings.S3Location;
import financestream.settings.Setting;
import financestream.settings.WritableDirectory;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;

/**
 * The job's settings: which engines, the lake, one-shot or live and the schedules (route 4-schedule), health and
 * metrics. Defaults and meanings: {@code application.properties}.
 */
public record JobSettings(
        @Setting("finance.engines") @Pattern(regexp = "embedded|aws", message = "unknown, expected one of [aws, embedded]")
        String engines,
        @Setting("lake.dir") WritableDirectory lakeDir,
        @Setting("lake.layout") @Pattern(regexp = "json|parquet", message = "unknown, expected one of [json, parquet]")
        String lakeLayout,
        @Setting("lake.parquet-location") S3Location parquetLocation,
        @Setting("lake.compacted-location") S3Location compactedLocation,
        @Setting("lake.bucket") String lakeBucket,
        @Setting("aws.region") String awsRegion,
        @Setting("aws.endpoint-override") String awsEndpointOverride,
        @Setting("observe.enabled") boolean observeEnabled,
        @Setting("observe.port") @Range(min = 0, max = 65535) int observePort,
        @Setting("job.run-once") boolean runOnce,
        @Setting("job.live") boolean live,
        @Setting("job.exit-when-done") boolean exitWhenDone,
        @Setting("schedule.time-zone") ZoneId scheduleZone,
        @Setting("schedule.collect-cron") QuartzCron collectCron,
        @Setting("schedule.crawl-cron") QuartzCron crawlCron,
        @Setting("schedule.analyze-cron") QuartzCron analyzeCron) implements Disagreements {

    public boolean embedded() {
        return "embedded".equals(engines);
    }

    public boolean parquetLayout() {
        return "parquet".equals(lakeLayout);
    }

    @Override
    public List<String> disagreements() {
        if (parquetLayout() && !embedded()) {
            return List.of("lake.layout 'parquet': lake.layout=parquet compacts with the embedded engines only; "
                    + "on AWS, compact with an Athena INSERT INTO a Parquet table or a Glue job");
        }
        return List.of();
    }
}
