package financestream.embedded.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.paginators.GetQueryResultsIterable;

/** The real aws2-athena component driving the embedded engine, with the clients found in the registry by type. */
class CamelAthenaComponentTest {

    @TempDir
    Path dir;

    @Test
    void startQueryExecutionWaitsAndGetQueryResultsReturnsRowsAsStreamAndSelectList() throws Exception {
        LakeWithBars lake = new LakeWithBars(dir);
        lake.land("2026/11/26/08", LakeWithBars.LANDED);
        lake.crawl();
        List<List<String>> expected = EmbeddedAthenaClientTest.hourlyHighsOf(LakeWithBars.LANDED);

        try (EmbeddedAthenaClient athena = new EmbeddedAthenaClient(lake.lake, lake.glue);
             CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("glue", lake.glue);
            camel.getRegistry().bind("athena", athena);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            // No amazonAthenaClient option: the component autowires the only AthenaClient bean.
            Exchange started = template.request("aws2-athena:hourly?operation=startQueryExecution"
                    + "&database=finance_stream&outputLocation=" + LakeWithBars.RESULTS
                    + "&waitTimeout=60000&initialDelay=0&delay=50",
                    e -> e.getMessage().setBody(EmbeddedAthenaClientTest.HOURLY_HIGH));
            assertThat(started.getException()).isNull();
            assertThat(started.getMessage().getHeader("CamelAwsAthenaQueryExecutionState"))
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
            String id = started.getMessage().getHeader("CamelAwsAthenaQueryExecutionId", String.class);

            Object stream = template.requestBodyAndHeader("aws2-athena:hourly?operation=getQueryResults&outputType=StreamList",
                    null, "CamelAwsAthenaQueryExecutionId", id);
            assertThat(stream).isInstanceOf(GetQueryResultsIterable.class);
            List<List<String>> streamed = new ArrayList<>();
            ((GetQueryResultsIterable) stream).forEach(page ->
                    page.resultSet().rows().forEach(row -> streamed.add(EmbeddedAthenaClientTest.values(row))));
            assertThat(streamed.get(0)).containsExactly("name", "hour", "highest_high");
            assertThat(streamed.subList(1, streamed.size())).containsExactlyElementsOf(expected);

            Exchange selected = template.request("aws2-athena:hourly?operation=getQueryResults&outputType=SelectList"
                    + "&maxResults=5", e -> e.getMessage().setHeader("CamelAwsAthenaQueryExecutionId", id));
            GetQueryResultsResponse page = selected.getMessage().getBody(GetQueryResultsResponse.class);
            assertThat(page.resultSet().rows()).hasSize(5);
            assertThat(EmbeddedAthenaClientTest.values(page.resultSet().rows().get(1))).isEqualTo(expected.get(0));
            assertThat(selected.getMessage().getHeader("CamelAwsAthenaNextToken")).isNotNull();
            assertThat(selected.getMessage().getHeader("CamelAwsAthenaIsTruncated")).isEqualTo(true);
        } finally {
            lake.glue.close();
        }
    }
}
