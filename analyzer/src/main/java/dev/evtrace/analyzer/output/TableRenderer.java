package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Align;
import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a table for people: upper-case header, columns two spaces apart, numbers right-aligned, each column as
 * wide as {@link ColumnWidths} measured it. Rows are printed as they come, each line built in one reused buffer: a
 * run's hundred thousand events made a string per padding and a copy of every row, which cost more than reading
 * them.
 */
public final class TableRenderer {
    static final String MISSING = "-";
    private static final String ELLIPSIS = "...";

    private final List<Column> columns;
    private final ColumnWidths widths;
    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder();

    /** Prints the header line at once; the rows follow through {@link #row}. */
    public TableRenderer(List<Column> columns, ColumnWidths widths, PrintWriter out) {
        this.columns = List.copyOf(columns);
        this.widths = widths;
        this.out = out;
        List<String> header = new ArrayList<>(columns.size());
        for (Column column : columns) {
            header.add(ColumnWidths.header(column));
        }
        print(header, false);
    }

    /** Two passes over the table's rows: widths, then lines. */
    public static void render(Table table, PrintWriter out) {
        ColumnWidths widths = new ColumnWidths(table.columns());
        table.rows().forEach(widths::measure);
        TableRenderer renderer = new TableRenderer(table.columns(), widths, out);
        table.rows().forEach(renderer::row);
    }

    /** A row wider than the widths measured so far widens its columns, from its line on. */
    public void row(List<String> row) {
        widths.measure(row);
        print(row, true);
    }

    private void print(List<String> row, boolean clipped) {
        line.setLength(0);
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i) == null ? MISSING : clipped ? clip(row.get(i), columns.get(i)) : row.get(i);
            int pad = widths.width(i) - cell.length();
            if (i > 0) {
                line.append("  ");
            }
            if (columns.get(i).align() == Align.RIGHT) {
                spaces(pad).append(cell);
            } else {
                line.append(cell);
                // The last column is not padded, so lines carry no trailing blanks.
                if (i < row.size() - 1) {
                    spaces(pad);
                }
            }
        }
        out.println(line);
    }

    private StringBuilder spaces(int count) {
        for (int i = 0; i < count; i++) {
            line.append(' ');
        }
        return line;
    }

    private static String clip(String cell, Column column) {
        int max = column.maxWidth();
        if (cell.length() <= max) {
            return cell;
        }
        return switch (column.clip()) {
            case NONE -> cell;
            case KEEP_START -> cell.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
            case KEEP_END -> ELLIPSIS + cell.substring(cell.length() - (max - ELLIPSIS.length()));
        };
    }
}
