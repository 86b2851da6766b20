package financestream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks infra/finance-stream.cfn.yaml the way a reviewer would before anyone runs `aws cloudformation deploy`. */
class CloudFormationTemplateTest {

    private static final Path TEMPLATE = Path.of("infra/finance-stream.cfn.yaml");
    private static final Path OUTPUTS_SCRIPT = Path.of("infra/outputs-to-properties.sh");

    /** The `aws` profile settings the stack must provide, and the output that provides each. */
    private static final Map<String, String> SETTING_TO_OUTPUT = Map.of(
            "firehose.stream", "FirehoseStream",
            "lake.bucket", "LakeBucket",
            "glue.crawler", "GlueCrawler",
            "glue.database", "GlueDatabase",
            "athena.workgroup", "AthenaWorkgroup",
            "athena.output-location", "AthenaOutputLocation");

    private static CloudFormationTemplate template;

    @BeforeAll
    static void loadTemplate() throws IOException {
        template = CloudFormationYaml.load(TEMPLATE);
    }

    @Test
    void isAWellFormedTemplate() {
        assertThat(template.document()).containsKeys("AWSTemplateFormatVersion", "Resources", "Outputs");
        assertThat(template.document().get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        template.resources().forEach((name, body) ->
                assertThat(CloudFormationTemplate.asMap(body, name)).as(name).containsKey("Type"));
    }

    @Test
    void declaresEveryResourceTheAppUses() {
        assertThat(template.resources().values())
                .extracting(body -> CloudFormationTemplate.asMap(body, "resource").get("Type"))
                .contains("AWS::S3::Bucket", "AWS::KinesisFirehose::DeliveryStream", "AWS::Glue::Database",
                        "AWS::Glue::Crawler", "AWS::Athena::WorkGroup", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role");
        assertThat(template.resourcesOfType("AWS::IAM::Role")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyReferenceNamesADeclaredResourceOrParameter() {
        assertThat(DanglingReferences.in(template)).isEmpty();
    }

    @Test
    void outputsCoverEveryAwsProfileSettingWithoutExports() {
        assertThat(template.outputs()).containsKeys(SETTING_TO_OUTPUT.values().toArray(String[]::new));
        assertThat(template.outputs()).containsKey("AppPolicyArn");
        template.outputs().forEach((name, body) ->
                assertThat(CloudFormationTemplate.asMap(body, name)).as(name).doesNotContainKey("Export"));
    }

    /** Each setting's output must come from the resource the setting is about, not merely exist. */
    @ParameterizedTest
    @CsvSource({
            "FirehoseStream, AWS::KinesisFirehose::DeliveryStream",
            "LakeBucket, AWS::S3::Bucket",
            "GlueCrawler, AWS::Glue::Crawler",
            "GlueDatabase, AWS::Glue::Database",
            "AthenaWorkgroup, AWS::Athena::WorkGroup",
            "AppPolicyArn, AWS::IAM::ManagedPolicy"})
    void outputRefersToTheResourceOfItsKind(String output, String resourceType) {
        Object value = CloudFormationTemplate.asMap(template.outputs().get(output), output).get("Value");
        Intrinsic ref = CloudFormationTemplate.intrinsic(value).orElseThrow();
        assertThat(ref.function()).isEqualTo("Ref");
        assertThat(template.resourceType((String) ref.argument())).isEqualTo(resourceType);
    }

    @Test
    void athenaOutputLocationIsTheWorkgroupsResultLocationInTheLakeBucket() {
        Object output = CloudFormationTemplate.asMap(template.outputs().get("AthenaOutputLocation"), "output")
                .get("Value");
        String workgroup = template.resourcesOfType("AWS::Athena::WorkGroup").get(0);
        Map<String, Object> config = CloudFormationTemplate.asMap(template.at(template.resource(workgroup),
                "Properties.WorkGroupConfiguration"), "WorkGroupConfiguration");
        Object resultLocation = template.at(config, "ResultConfiguration.OutputLocation");

        assertThat(output).isEqualTo(resultLocation);
        assertThat(CloudFormationTemplate.intrinsic(output).orElseThrow().argument())
                .isEqualTo("s3://${LakeBucket}/athena-results/");
        assertThat(config.get("EnforceWorkGroupConfiguration")).isEqualTo(true);
    }

    @Test
    void outputsScriptMapsExactlyTheAwsProfileSettings() throws IOException {
        Map<String, String> scriptMapping = mappingIn(Files.readString(OUTPUTS_SCRIPT));
        Map<String, String> expected = new LinkedHashMap<>();
        SETTING_TO_OUTPUT.forEach((setting, output) -> expected.put(output, setting));
        assertThat(scriptMapping).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void firehoseBufferingHintsStayWithinAwsRanges() {
        String stream = template.resourcesOfType("AWS::KinesisFirehose::DeliveryStream").get(0);
        Map<String, Object> hints = CloudFormationTemplate.asMap(template.at(template.resource(stream),
                "Properties.ExtendedS3DestinationConfiguration.BufferingHints"), "BufferingHints");

        assertWithinRange(hints.get("SizeInMBs"), 1, 128);
        assertWithinRange(hints.get("IntervalInSeconds"), 0, 900);
        assertThat(template.parameter("BufferSizeMiB").get("Default")).isEqualTo(5);
        assertThat(template.parameter("BufferIntervalSeconds").get("Default")).isEqualTo(60);
    }

    @Test
    void crawlerCrawlsTheBarsPrefixOfTheLakeBucket() {
        String crawler = template.resourcesOfType("AWS::Glue::Crawler").get(0);
        Map<String, Object> properties = CloudFormationTemplate.asMap(template.resource(crawler).get("Properties"),
                "crawler properties");
        List<?> targets = (List<?>) template.at(properties, "Targets.S3Targets");
        Object path = CloudFormationTemplate.asMap(targets.get(0), "S3Target").get("Path");

        assertThat(CloudFormationTemplate.intrinsic(path).orElseThrow().argument())
                .isEqualTo("s3://${LakeBucket}/${BarsPrefix}");
        assertThat(template.parameter("BarsPrefix").get("Default")).isEqualTo("bars/");
        // schema changes can be in any folder: new hour folders need no crawl (the table's projection)
        assertThat(template.at(properties, "RecrawlPolicy.RecrawlBehavior")).isEqualTo("CRAWL_EVERYTHING");
    }

    /**
     * The bars table is declared with Athena partition projection over Firehose's yyyy/MM/dd/HH folders, the same
     * properties the embedded engines declare: a new hour's bars are queryable without a crawl on both.
     */
    @Test
    void barsTableProjectsFirehoseHourFoldersAsTheEmbeddedEnginesDo() {
        List<String> tables = template.resourcesOfType("AWS::Glue::Table");
        assertThat(tables).hasSize(1);
        Map<String, Object> input = CloudFormationTemplate.asMap(
                template.at(template.resource(tables.get(0)), "Properties.TableInput"), "TableInput");
        // named as the crawler names the table it finds under BarsPrefix: the folder
        assertThat(CloudFormationTemplate.intrinsic(input.get("Name")).orElseThrow().function()).isEqualTo("Select");
        assertThat(template.parameter("BarsPrefix").get("AllowedPattern")).isEqualTo("^[a-z0-9][a-z0-9_]*/$");
        assertThat(((List<?>) input.get("PartitionKeys")).stream()
                .map(key -> CloudFormationTemplate.asMap(key, "key").get("Name")).toList())
                .containsExactly("partition_0", "partition_1", "partition_2", "partition_3");
        assertThat(CloudFormationTemplate.intrinsic(template.at(input, "StorageDescriptor.Location")).orElseThrow()
                .argument()).isEqualTo("s3://${LakeBucket}/${BarsPrefix}");

        Map<String, Object> parameters = CloudFormationTemplate.asMap(input.get("Parameters"), "table parameters");
        Map<String, String> declared = new LinkedHashMap<>();
        parameters.forEach((key, value) -> declared.put(key, CloudFormationTemplate.intrinsic(value)
                // !Sub "s3://${LakeBucket}/${BarsPrefix}${!partition_0}/…" as deployed with bucket b and prefix bars/
                .map(sub -> ((String) sub.argument()).replace("${LakeBucket}", "b").replace("${BarsPrefix}", "bars/")
                        .replace("${!", "${"))
                .orElse(String.valueOf(value))));
        assertThat(declared).containsEntry("classification", "json")
                .containsAllEntriesOf(financestream.embedded.glue.TableDeclaration.firehoseHourProjection("s3://b/bars/"));
        for (String key : List.of("partition_0", "partition_1", "partition_2", "partition_3")) {
            assertThat(declared.get("projection." + key + ".type")).as(key).isIn("date", "integer");
        }
    }

    /** The crawler keeps the schema: it adds new columns and keeps the projection (table properties it did not set). */
    @Test
    void crawlerAddsNewColumnsAndKeepsTheTablesProjection() throws Exception {
        String crawler = template.resourcesOfType("AWS::Glue::Crawler").get(0);
        Map<String, Object> body = template.resource(crawler);
        assertThat(body.get("DependsOn")).isEqualTo(template.resourcesOfType("AWS::Glue::Table").get(0));
        Map<String, Object> properties = CloudFormationTemplate.asMap(body.get("Properties"), "crawler properties");
        assertThat(template.at(properties, "SchemaChangePolicy.UpdateBehavior")).isEqualTo("UPDATE_IN_DATABASE");
        assertThat(template.at(properties, "SchemaChangePolicy.DeleteBehavior")).isEqualTo("LOG");
        var configuration = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) properties.get("Configuration"));
        assertThat(configuration.at("/CrawlerOutput/Tables/AddOrUpdateBehavior").asText()).isEqualTo("MergeNewColumns");
        assertThat(configuration.at("/CrawlerOutput/Partitions/AddOrUpdateBehavior").asText()).isEqualTo("InheritFromTable");
    }

    @Test
    void noPolicyStatementGrantsEveryActionOnEveryResource() {
        assertThat(WildcardPolicyStatements.in(template)).isEmpty();
    }

    // ---- the checks themselves must be able to fail ----

    @ParameterizedTest
    // YAML's own quotes must survive, so CSV quoting uses '"'
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'*'           | '*'",
            "s3:*          | '*'",
            "[glue:GetTable, 'glue:*'] | [arn:aws:s3:::x, '*']"})
    void wildcardCheckCatchesAPlantedStatement(String action, String resource) {
        CloudFormationTemplate planted = template.copy();
        plantStatement(planted, "Sid: Planted\nEffect: Allow\nAction: " + action + "\nResource: " + resource);

        assertThat(WildcardPolicyStatements.in(planted)).singleElement().asString().contains("Planted");
    }

    @Test
    void wildcardCheckCatchesAStatementWrittenWithSub() {
        CloudFormationTemplate planted = template.copy();
        plantStatement(planted, "Sid: Planted\nEffect: Allow\nAction: '*'\nResource: !Sub '*'");

        assertThat(WildcardPolicyStatements.in(planted)).hasSize(1);
    }

    @Test
    void wildcardCheckLeavesNarrowGrantsAlone() {
        CloudFormationTemplate planted = template.copy();
        plantStatement(planted, "Effect: Allow\nAction: 's3:*'\nResource: !GetAtt LakeBucket.Arn");
        plantStatement(planted, "Effect: Allow\nAction: 's3:Get*'\nResource: '*'");

        assertThat(WildcardPolicyStatements.in(planted)).isEmpty();
    }

    @Test
    void referenceCheckCatchesDanglingNames() {
        CloudFormationTemplate broken = CloudFormationYaml.parse("""
                Parameters:
                  Known: {Type: String}
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    DependsOn: Ghost
                    Properties:
                      BucketName: !Ref Missing
                      Tags:
                        - {Key: a, Value: !GetAtt Nowhere.Arn}
                        - {Key: b, Value: !Sub "${Known}-${Absent}-${AWS::Region}-${!Escaped}"}
                        - {Key: c, Value: {"Fn::GetAtt": [Vanished, Arn]}}
                """);

        assertThat(DanglingReferences.in(broken)).hasSize(5)
                .anySatisfy(problem -> assertThat(problem).contains("Missing"))
                .anySatisfy(problem -> assertThat(problem).contains("Nowhere"))
                .anySatisfy(problem -> assertThat(problem).contains("Absent"))
                .anySatisfy(problem -> assertThat(problem).contains("Vanished"))
                .anySatisfy(problem -> assertThat(problem).contains("Ghost"));
    }

    @Test
    void loaderRejectsATagCloudFormationDoesNotKnow() {
        assertThatThrownBy(() -> CloudFormationYaml.parse("Resources:\n  X: !Reff Y\n"))
                .hasMessageContaining("!Reff");
    }

    // ---- helpers ----

    private static void assertWithinRange(Object hint, int min, int max) {
        Intrinsic ref = CloudFormationTemplate.intrinsic(hint).orElseThrow();
        Map<String, Object> parameter = template.parameter((String) ref.argument());
        int lowest = (Integer) parameter.get("MinValue");
        int highest = (Integer) parameter.get("MaxValue");
        int fallback = (Integer) parameter.get("Default");
        assertThat(lowest).as("MinValue of %s", ref.argument()).isBetween(min, max);
        assertThat(highest).as("MaxValue of %s", ref.argument()).isBetween(lowest, max);
        assertThat(fallback).as("Default of %s", ref.argument()).isBetween(lowest, highest);
    }

    @SuppressWarnings("unchecked")
    private static void plantStatement(CloudFormationTemplate target, String statementYaml) {
        String policy = target.resourcesOfType("AWS::IAM::ManagedPolicy").get(0);
        List<Object> statements = (List<Object>) target.at(target.resource(policy),
                "Properties.PolicyDocument.Statement");
        statements = new ArrayList<>(statements);
        statements.add(CloudFormationYaml.parse(statementYaml).document());
        CloudFormationTemplate.asMap(target.at(target.resource(policy), "Properties.PolicyDocument"), "policy")
                .put("Statement", statements);
    }

    private static Map<String, String> mappingIn(String script) {
        Matcher block = Pattern.compile("# BEGIN OUTPUT MAPPING\\n(.*?)# END OUTPUT MAPPING", Pattern.DOTALL)
                .matcher(script);
        assertThat(block.find()).as("mapping block in %s", OUTPUTS_SCRIPT).isTrue();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String line : block.group(1).split("\\n")) {
            String[] keyAndSetting = line.trim().split("=", 2);
            mapping.put(keyAndSetting[0], keyAndSetting[1]);
        }
        return mapping;
    }
}
