package financestream.bars;

import org.apache.camel.Exchange;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.support.service.ServiceSupport;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bar record as a Camel data format, so a route can say {@code marshal: {custom: {ref: barJson}}}.
 * Marshal: a {@link Bar} body → the UTF-8 bytes of its record, without a newline (Firehose needs one appended
 * by the route). Unmarshal: one record → a {@link Bar}.
 */
public class BarJsonDataFormat extends ServiceSupport implements DataFormat, DataFormatName {

    @Override
    public String getDataFormatName() {
        return "barJson";
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        if (!(graph instanceof Bar bar)) {
            throw new IllegalArgumentException("barJson can only marshal a " + Bar.class.getName() + " body, not "
                    + (graph == null ? "null" : graph.getClass().getName()));
        }
        stream.write(BarJson.format(bar).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return BarJson.parse(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    }
}
