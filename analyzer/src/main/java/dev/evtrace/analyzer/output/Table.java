package dev.evtrace.analyzer.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rows of text cells under named columns: what the table and CSV formats print. A null cell is a missing value. */
public final class Table {
    public enum Align { LEFT, RIGHT }

    /** How a long cell is cut in table output (CSV keeps it whole). */
    public enum Clip { NONE, KEEP_START, KEEP_END }

    /**
     * @param name     the CSV header; the table header is its upper case
     * @param maxWidth the widest a cell is shown in table output, when clipped
     */
    public record Column(String name, Align align, Clip clip, int maxWidth) {
        public static Column text(String name) {
            return new Column(name, Align.LEFT, Clip.NONE, Integer.MAX_VALUE);
        }

        public static Column number(String name) {
            return new Column(name, Align.RIGHT, Clip.NONE, Integer.MAX_VALUE);
        }

        public static Column clipped(String name, Clip clip, int maxWidth) {
            return new Column(name, Align.LEFT, clip, maxWidth);
        }
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; numbers print as plain decimals, null stays a missing value. */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + columns.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? null : cell instanceof BigDecimal d ? d.toPlainString() : cell.toString());
        }
        rows.add(Collections.unmodifiableList(row));
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }
}
