package financestream.report;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/** Binds the beans the results sinks use ({@code resultSinks}, {@code resultReport}) from the settings. */
public final class ReportBeans {

    private ReportBeans() {
    }

    public static void bind(CamelContext context) {
        PropertiesComponent settings = context.getPropertiesComponent();
        ResultSinks sinks = new ResultSinks(setting(settings, "results.sinks"),
                settings.resolveProperty("email.to").orElse(""));
        ChartColumns columns = new ChartColumns(setting(settings, "report.chart.series"),
                setting(settings, "report.chart.x"), setting(settings, "report.chart.y"));
        context.getRegistry().bind("resultSinks", sinks);
        context.getRegistry().bind("resultReport",
                new ResultReport(setting(settings, "report.title"), new ResultChart(columns)));
    }

    private static String setting(PropertiesComponent settings, String key) {
        return settings.resolveProperty(key)
                .orElseThrow(() -> new IllegalArgumentException("Setting " + key + " is missing"));
    }
}
