package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Align;
import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a {@link Table} for people: upper-case header, columns two spaces apart, numbers right-aligned. */
public final class TableRenderer {
    static final String MISSING = "-";
    private static final String ELLIPSIS = "...";

    private TableRenderer() {}

    /**
     * Two passes over the rows, widths then lines, each line built in one reused buffer: a run's hundred thousand
     * events made a string per padding and a copy of every row, which cost more than reading them.
     */
    public static void render(Table table, PrintWriter out) {
        List<Column> columns = table.columns();
        List<String> header = new ArrayList<>();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            header.add(columns.get(i).name().toUpperCase(Locale.ROOT));
            widths[i] = header.get(i).length();
        }
        for (List<String> row : table.rows()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], shownLength(row.get(i), columns.get(i)));
            }
        }
        StringBuilder line = new StringBuilder();
        print(header, false, columns, widths, line, out);
        for (List<String> row : table.rows()) {
            print(row, true, columns, widths, line, out);
        }
    }

    private static void print(List<String> row, boolean clipped, List<Column> columns, int[] widths, StringBuilder line,
                              PrintWriter out) {
        line.setLength(0);
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i) == null ? MISSING : clipped ? clip(row.get(i), columns.get(i)) : row.get(i);
            int pad = widths[i] - cell.length();
            if (i > 0) {
                line.append("  ");
            }
            if (columns.get(i).align() == Align.RIGHT) {
                spaces(line, pad).append(cell);
            } else {
                line.append(cell);
                // The last column is not padded, so lines carry no trailing blanks.
                if (i < row.size() - 1) {
                    spaces(line, pad);
                }
            }
        }
        out.println(line);
    }

    private static StringBuilder spaces(StringBuilder line, int count) {
        for (int i = 0; i < count; i++) {
            line.append(' ');
        }
        return line;
    }

    /** The length {@link #clip} gives, without cutting the cell. */
    private static int shownLength(String cell, Column column) {
        if (cell == null) {
            return MISSING.length();
        }
        return column.clip() == Clip.NONE ? cell.length() : Math.min(cell.length(), column.maxWidth());
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
