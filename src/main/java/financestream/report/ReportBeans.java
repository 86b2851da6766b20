package financestream.report;

import org.apache.camel.CamelContext;

/** Binds the beans the results sinks use ({@code resultSinks}, {@code resultReport}) from the report settings. */
public final class ReportBeans {

    private ReportBeans() {
    }

    public static void bind(CamelContext context, ReportSettings settings) {
        ResultSinks sinks = new ResultSinks(settings.sinks(), settings.emailTo());
        ChartColumns columns = new ChartColumns(settings.chartSeries(), settings.chartX(), settings.chartY());
        context.getRegistry().bind("resultSinks", sinks);
        context.getRegistry().bind("resultReport", new ResultReport(settings.title(), new ResultChart(columns)));
    }
}
