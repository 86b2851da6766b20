package financestream.bars;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data format as a route uses it: {@code marshal: {custom: {ref: barJson}}}. */
class BarJsonDataFormatTest {

    private static final String RECORD = "{\"high\": 98.80000305175781, \"low\": 97.9000015258789, \"ts\": \"2020-12-01 09:30:00-05:00\", \"name\": \"DDOG\"}";
    private static final Bar BAR = new Bar("DDOG", OffsetDateTime.of(2020, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5)),
            98.80000305175781, 97.9000015258789);

    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void startRoutes() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("barJson", new BarJsonDataFormat());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:marshal").marshal().custom("barJson");
                from("direct:unmarshal").unmarshal().custom("barJson");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopRoutes() {
        camel.stop();
    }

    @Test
    void marshalsABarToTheUtf8BytesOfItsRecordWithoutANewline() {
        byte[] bytes = template.requestBody("direct:marshal", BAR, byte[].class);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(RECORD);
    }

    @Test
    void unmarshalsOneRecordToABar() {
        assertThat(template.requestBody("direct:unmarshal", RECORD + "\n")).isEqualTo(BAR);
    }

    @Test
    void refusesToMarshalSomethingThatIsNotABar() {
        assertThatThrownBy(() -> template.requestBody("direct:marshal", "DDOG"))
                .hasRootCauseMessage("barJson can only marshal a financestream.bars.Bar body, not java.lang.String");
    }

    @Test
    void reportsARecordThatIsNotABar() {
        assertThatThrownBy(() -> template.requestBody("direct:unmarshal", "{\"high\": 1}"))
                .rootCause().isInstanceOf(BarFormatException.class).hasMessageContaining("missing field \"low\"");
    }
}
