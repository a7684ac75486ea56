package dev.evtrace.analyzer.output;

import dev.evtrace.analyzer.output.Table.Align;
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

    public static void render(Table table, PrintWriter out) {
        List<Column> columns = table.columns();
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (Column column : columns) {
            header.add(column.name().toUpperCase(Locale.ROOT));
        }
        lines.add(header);
        for (List<String> row : table.rows()) {
            List<String> line = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                line.add(row.get(i) == null ? MISSING : clip(row.get(i), columns.get(i)));
            }
            lines.add(line);
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : lines) {
            out.println(format(line, columns, widths));
        }
    }

    private static String format(List<String> line, List<Column> columns, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
            String cell = line.get(i);
            int pad = widths[i] - cell.length();
            if (i > 0) {
                sb.append("  ");
            }
            if (columns.get(i).align() == Align.RIGHT) {
                sb.append(" ".repeat(pad)).append(cell);
            } else {
                sb.append(cell);
                // The last column is not padded, so lines carry no trailing blanks.
                if (i < line.size() - 1) {
                    sb.append(" ".repeat(pad));
                }
            }
        }
        return sb.toString();
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
