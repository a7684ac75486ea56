package dev.evtrace.analyzer.output;

import java.io.PrintWriter;
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
}
