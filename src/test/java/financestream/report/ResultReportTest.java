package financestream.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import financestream.analyze.ResultTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultReportTest {

    private static final ChartColumns COLUMNS = new ChartColumns("name", "hour", "highest_high");
    private static final ResultReport REPORT = new ResultReport("Highs <2020-12-01>", new ResultChart(COLUMNS),
            () -> ZonedDateTime.parse("2026-11-26T10:00:00Z"));

    @Test
    void pivotsOneValuePerCompanyAndHourWithTheValuesExactlyAsAnswered() {
        ResultTable table = new ResultTable(List.of("name", "hour", "highest_high"), List.of(
                List.of("DDOG", "10", "96.87999725341797"), List.of("DDOG", "9", "98.80000305175781"),
                List.of("A&B", "9", "1.0")));
        String html = REPORT.page(table, "cid:chart.png");
        assertThat(html).contains("<title>Highs &lt;2020-12-01&gt;</title>", "<th>A&amp;B</th>",
                "<td class=\"num\">96.87999725341797</td>", "<img src=\"cid:chart.png\"");
        // hours in numeric order, not text order (9 before 10)
        assertThat(html.indexOf("<th class=\"num\">9</th>")).isLessThan(html.indexOf("<th class=\"num\">10</th>"));
        // A&B has no 10 o'clock value: an empty cell, nothing invented
        assertThat(html).contains("<tr><th>A&amp;B</th><td class=\"num\">1.0</td><td class=\"num\"></td></tr>");
    }

    @Test
    void showsAnyOtherAnswerAsReturnedIncludingNulls() {
        ResultTable table = new ResultTable(List.of("name", "hour", "highest_high", "lowest_low"),
                List.of(Arrays.asList("FB", "9", "285.0", null)));
        String html = REPORT.page(table, "x.png");
        assertThat(html).contains("<th>lowest_low</th>", "<td>285.0</td>", "<span class=\"null\">NULL</span>");
    }

    @Test
    void drawsOnePanelPerCompany() throws Exception {
        ResultTable table = new ResultTable(List.of("name", "hour", "highest_high"), List.of(
                List.of("FB", "9", "285.0"), List.of("FB", "10", "286.1"), List.of("SQ", "9", "212.9")));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new ResultChart(COLUMNS).png(table)));
        assertThat(image.getWidth()).isEqualTo(2 * ResultChart.PANEL_WIDTH * ResultChart.SCALE);
        assertThat(image.getHeight()).isEqualTo(ResultChart.PANEL_HEIGHT * ResultChart.SCALE);
    }

    @Test
    void drawsAtMostThirtyPanelsAndSaysSoWhileTheTableListsEveryCompany() throws Exception {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int company = 0; company < 500; company++) {
            rows.add(List.of(String.format("C%03d", company), "9", "1.5"));
        }
        ResultTable table = new ResultTable(List.of("name", "hour", "highest_high"), rows);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new ResultChart(COLUMNS).png(table)));
        assertThat(image.getWidth()).isEqualTo(ResultChart.COLUMNS * ResultChart.PANEL_WIDTH * ResultChart.SCALE);
        assertThat(image.getHeight()).isEqualTo(6 * ResultChart.PANEL_HEIGHT * ResultChart.SCALE);
        String html = REPORT.page(table, "x.png");
        assertThat(html).contains("one panel per name (the first 30 of 500; the table lists every name)", "C000", "C499");
    }

    @Test
    void aChartColumnTheAnswerLacksIsNamedWithItsSetting() {
        ResultTable table = new ResultTable(List.of("symbol", "hour", "high"), List.of(List.of("FB", "9", "1")));
        assertThatThrownBy(() -> REPORT.html(table))
                .hasMessageStartingWith("report.chart.series=name is not a column of the answer [symbol, hour, high]");
    }
}
