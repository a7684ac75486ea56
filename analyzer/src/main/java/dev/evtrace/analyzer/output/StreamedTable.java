package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A table printed as its rows arrive, holding only the first {@link #WINDOW}: its columns are as wide as those rows
 * need, so a table of up to that many rows prints exactly as a table held whole. Past them the rows print as they
 * come, and a wider cell widens its column from its line on, which is how a run's hundred thousand events print in
 * one pass and bounded memory. A second pass over the rows, only to measure them, cost more CPU than all else the
 * rows take in a cold JVM.
 */
final class StreamedTable {
    static final int WINDOW = 10_000;

    private final List<Column> columns;
    private final ColumnWidths widths;
    private final Consumer<ColumnWidths> beyondWindow;
    private final PrintWriter out;
    private final List<List<String>> window = new ArrayList<>();
    private TableRenderer renderer;

    /** @param beyondWindow widens columns for the cells still to come, once the rows outnumber the window */
    StreamedTable(List<Column> columns, Consumer<ColumnWidths> beyondWindow, PrintWriter out) {
        this.columns = columns;
        this.widths = new ColumnWidths(columns);
        this.beyondWindow = beyondWindow;
        this.out = out;
    }

    void row(List<String> row) {
        if (renderer != null) {
            renderer.row(row);
            return;
        }
        widths.measure(row);
        window.add(row);
        if (window.size() > WINDOW) {
            // A clipped column would widen up to its clip as the rows come: the width it has in a long table.
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).clip() != Clip.NONE) {
                    widths.atLeast(i, columns.get(i).maxWidth());
                }
            }
            beyondWindow.accept(widths);
            printWindow();
        }
    }

    /** Prints what the window still holds: all rows, when there were no more than it holds. */
    void end() {
        if (renderer == null) {
            printWindow();
        }
    }

    private void printWindow() {
        renderer = new TableRenderer(columns, widths, out);
        window.forEach(renderer::row);
        window.clear();
    }
}
