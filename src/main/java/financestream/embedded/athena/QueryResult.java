package financestream.embedded.athena;

import java.util.List;

/**
 * A finished query's result as Athena holds it: the columns with their Athena (Trino) types, and the rows as
 * the text Athena returns for each value, {@code null} for SQL NULL. {@code header} is false for statements that
 * return no result set (Athena then returns no header row).
 */
record QueryResult(List<ResultColumn> columns, List<List<String>> rows, boolean header) {

    record ResultColumn(String name, String type, int precision, int scale) {
    }

    static QueryResult none() {
        return new QueryResult(List.of(), List.of(), false);
    }
}
