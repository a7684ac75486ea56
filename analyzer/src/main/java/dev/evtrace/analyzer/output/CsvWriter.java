package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.util.List;

/** Prints a {@link Table} as RFC 4180 CSV: a header row, CRLF line ends, quotes only where a field needs them. */
public final class CsvWriter {
    private CsvWriter() {}

    public static void write(Table table, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            field(sb, i, columns.get(i).name());
        }
        out.print(sb.append("\r\n"));
        for (List<String> row : table.rows()) {
            sb.setLength(0);
            for (int i = 0; i < row.size(); i++) {
                field(sb, i, row.get(i) == null ? "" : row.get(i));
            }
            out.print(sb.append("\r\n"));
        }
    }

    private static void field(StringBuilder sb, int index, String value) {
        if (index > 0) {
            sb.append(',');
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (quote) {
            sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(value);
        }
    }
}
