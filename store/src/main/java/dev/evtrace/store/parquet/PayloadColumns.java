package dev.evtrace.store.parquet;

import dev.evtrace.store.Payload;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;

/** One file's payload columns, as its {@link PayloadShape} lays them out. */
final class PayloadColumns {
    private final PayloadShape shape;
    private final PageColumn[] columns;
    private final boolean[] written;
    /** The payload {@link #accepts} last said yes to, and per field of it: its column and INT64 value. */
    private Payload prepared;
    private int[] places = new int[0];
    private long[] integers = new long[0];

    PayloadColumns(PayloadShape shape, MessageType schema, String group) {
        this.shape = shape;
        this.columns = new PageColumn[shape.size()];
        this.written = new boolean[shape.size()];
        for (int i = 0; i < columns.length; i++) {
            ColumnDescriptor leaf = schema.getColumnDescription(new String[] {group, shape.key(i)});
            columns[i] = switch (shape.kind(i)) {
                case TEXT -> new TextColumn(leaf);
                case LONG, DECIMAL -> LongColumn.choosingEncoding(leaf);
                case DOUBLE -> new DoubleColumn(leaf);
            };
        }
    }

    PageColumn[] columns() {
        return columns;
    }

    /**
     * Whether every entry of {@code data} has a column that holds its value exactly (see
     * {@link PayloadShape#accepts}). A typed payload's answer is kept, where each field goes and the integers it
     * stores, for {@link #add} of the same payload: a bar's prices are checked and scaled once.
     */
    boolean accepts(Map<String, String> data) {
        prepared = null;
        if (!(data instanceof Payload p)) {
            return shape.accepts(data);
        }
        int n = p.size();
        if (places.length < n) {
            places = new int[n];
            integers = new long[n];
        }
        if (!shape.placeAll(p, places, integers)) {
            return false;
        }
        prepared = p;
        return true;
    }

    /**
     * Throws unless this file's shape holds {@code data} exactly (it was made for it, or it {@link #accepts} it);
     * a row's other columns are added only after this.
     */
    void check(Map<String, String> data) {
        if (data instanceof Payload p && p != prepared && !accepts(p)) {
            throw new IllegalArgumentException("a payload value this file's columns cannot hold exactly");
        }
    }

    /** Adds one row, after {@link #check}. */
    void add(Map<String, String> data) throws IOException {
        Arrays.fill(written, false);
        if (data instanceof Payload p) {
            for (int i = 0; i < p.size(); i++) {
                int column = places[i];
                if (column >= 0) {
                    write(column, p, i);
                }
            }
        } else {
            int i = 0;
            for (Map.Entry<String, String> entry : data.entrySet()) {
                int column = shape.columnOf(entry.getKey(), i++);
                if (column >= 0 && entry.getValue() != null) {
                    ((TextColumn) columns[column]).add(entry.getValue());
                    written[column] = true;
                }
            }
        }
        for (int column = 0; column < columns.length; column++) {
            if (!written[column]) {
                addNull(column);
            }
        }
    }

    private void write(int column, Payload p, int i) throws IOException {
        written[column] = true;
        switch (shape.kind(column)) {
            case TEXT -> ((TextColumn) columns[column]).add(p.text(i));
            case LONG, DECIMAL -> ((LongColumn) columns[column]).add(integers[i]);
            case DOUBLE -> ((DoubleColumn) columns[column]).add(p.doubleValue(i));
        }
    }

    private void addNull(int column) throws IOException {
        switch (shape.kind(column)) {
            case TEXT -> ((TextColumn) columns[column]).add(null);
            case LONG, DECIMAL -> ((LongColumn) columns[column]).addNull();
            case DOUBLE -> ((DoubleColumn) columns[column]).addNull();
        }
    }
}
