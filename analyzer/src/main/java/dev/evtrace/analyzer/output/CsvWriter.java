package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rows as RFC 4180 CSV, each as it comes: a header row, CRLF line ends, quotes only where a field needs
 * them.
 */
public final class CsvWriter {
    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder();

    /** Prints the header row at once; the rows follow through {@link #row}. */
    public CsvWriter(List<Column> columns, PrintWriter out) {
        this.out = out;
        for (int i = 0; i < columns.size(); i++) {
            field(i, columns.get(i).name());
        }
        end();
    }

    public static void write(Table table, PrintWriter out) {
        table.rows().forEach(new CsvWriter(table.columns(), out)::row);
    }

    public void row(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            field(i, row.get(i) == null ? "" : row.get(i));
        }
        end();
    }

    private void end() {
        out.print(line.append("\r\n"));
        line.setLength(0);
    }

    private void field(int index, String value) {
        if (index > 0) {
            line.append(',');
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }
}
