package financestream.analyze;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultTableTest {

    private final ResultTable table = new ResultTable(List.of("name", "hour", "highest_high"), List.of(
            List.of("BYND", "9", "140.7772979736328"),
            List.of("DDOG", "15", "99.5")));

    @Test
    void logsAsAnAlignedTableWithNumbersOnTheRight() {
        assertThat(table.toAlignedText()).isEqualTo("""
                name | hour |      highest_high
                -----+------+------------------
                BYND |    9 | 140.7772979736328
                DDOG |   15 |              99.5
                (2 rows)""");
    }

    @Test
    void writesCsvWithAHeaderAndTheValuesUntouched() {
        assertThat(table.toCsv()).isEqualTo("name,hour,highest_high\nBYND,9,140.7772979736328\nDDOG,15,99.5\n");
    }

    @Test
    void quotesCsvFieldsOnlyWhenNeededAndWritesNullAsEmpty() {
        ResultTable odd = new ResultTable(List.of("a", "b"), List.of(Arrays.asList("x,\"y\"", null)));
        assertThat(odd.toCsv()).isEqualTo("a,b\n\"x,\"\"y\"\"\",\n");
        assertThat(odd.toAlignedText()).contains("NULL");
    }

    @Test
    void refusesRowsThatDoNotFitTheColumns() {
        assertThatThrownBy(() -> new ResultTable(List.of("a"), List.of(List.of("1", "2"))))
                .hasMessageContaining("has 2 values for 1 columns");
    }
}
