package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Align;
import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import java.util.List;
import java.util.Locale;

/**
 * How wide each column of a table must be for its header and every cell measured so far, row by row. The last
 * column, when left-aligned, is never padded, so its cells are not measured.
 */
public final class ColumnWidths {
    private final List<Column> columns;
    private final int[] widths;
    private final int measured;

    ColumnWidths(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header(columns.get(i)).length();
        }
        boolean lastUnpadded = !columns.isEmpty() && columns.get(columns.size() - 1).align() == Align.LEFT;
        this.measured = lastUnpadded ? columns.size() - 1 : columns.size();
    }

    void measure(List<String> row) {
        for (int i = 0; i < measured; i++) {
            widths[i] = Math.max(widths[i], shownLength(row.get(i), columns.get(i)));
        }
    }

    /** Makes {@code column} at least {@code width} wide, for cells known to be coming. */
    public void atLeast(int column, int width) {
        widths[column] = Math.max(widths[column], width);
    }

    int width(int column) {
        return widths[column];
    }

    static String header(Column column) {
        return column.name().toUpperCase(Locale.ROOT);
    }

    /** The length {@link TableRenderer} shows the cell at, without cutting it. */
    private static int shownLength(String cell, Column column) {
        if (cell == null) {
            return TableRenderer.MISSING.length();
        }
        return column.clip() == Clip.NONE ? cell.length() : Math.min(cell.length(), column.maxWidth());
    }
}
