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

    /** Adds one row; {@link PayloadShape#accepts} must have said yes to it. Keys it lacks are null. */
    void add(Map<String, String> data) throws IOException {
        Arrays.fill(written, false);
        if (data instanceof Payload p) {
            for (int i = 0; i < p.size(); i++) {
                int column = shape.columnOf(p.key(i), i);
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
        Payload.Kind kind = p.kind(i);
        if (kind == Payload.Kind.TEXT && p.text(i) == null) {
            return;
        }
        written[column] = true;
        switch (shape.kind(column)) {
            case TEXT -> ((TextColumn) columns[column]).add(p.text(i));
            case LONG -> ((LongColumn) columns[column]).add(p.longValue(i));
            case DOUBLE -> ((DoubleColumn) columns[column]).add(p.doubleValue(i));
            case DECIMAL -> ((LongColumn) columns[column]).add(
                    PayloadShape.unscaled(p.doubleValue(i), shape.scale(column)));
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
