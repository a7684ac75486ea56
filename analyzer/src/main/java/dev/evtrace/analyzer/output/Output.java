package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/** Where a command's result goes, in the format the user chose. */
public final class Output {
    private final Format format;
    private final PrintWriter out;

    public Output(Format format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    public Format format() {
        return format;
    }

    public PrintWriter writer() {
        return out;
    }

    /**
     * Prints {@code table} as a table or CSV, or calls {@code json} to write the one JSON document.
     * JSON is written by each command because its shape nests where a table cannot (counts per type, steps).
     */
    public void print(Table table, Consumer<JsonWriter> json) {
        switch (format) {
            case TABLE -> TableRenderer.render(table, out);
            case CSV -> CsvWriter.write(table, out);
            case JSON -> json.accept(new JsonWriter(out));
        }
        out.flush();
    }

    /**
     * Prints rows that are read as they are printed, so that none need be held: CSV at once, a table as
     * {@link StreamedTable} does, with {@code beyondWindow} to widen its columns for cells known to be coming when
     * the rows outnumber its window; or calls {@code json} to write the one JSON document, which it streams itself.
     */
    public void stream(List<Column> columns, Rows rows, Consumer<ColumnWidths> beyondWindow,
                       Consumer<JsonWriter> json) {
        switch (format) {
            case TABLE -> {
                StreamedTable table = new StreamedTable(columns, beyondWindow, out);
                rows.forEach(table::row);
                table.end();
            }
            case CSV -> rows.forEach(new CsvWriter(columns, out)::row);
            case JSON -> json.accept(new JsonWriter(out));
        }
        out.flush();
    }
}
