package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;

/**
 * An int64 column, required or optional, DELTA_BINARY_PACKED: ids, sequence numbers and times climb within a
 * file, so each value packs into the few bits of its difference to the one before. Values go straight into the
 * encoder ({@link DeltaLongs}, which packs a block of 128 at a time); min and max are kept on the way for the page
 * statistics that readers prune row groups and pages with. A payload column ({@link #choosingEncoding}) may write a
 * page PLAIN instead (see {@link PlainOrDelta}).
 */
final class LongColumn extends PageColumn {
    private final DeltaLongs values = new DeltaLongs();
    private final Levels definitions;
    private final boolean optional;
    /** Null for a column that is always delta-packed. */
    private final PlainOrDelta choice;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private int count;
    private int nulls;

    LongColumn(ColumnDescriptor descriptor) {
        this(descriptor, null);
    }

    private LongColumn(ColumnDescriptor descriptor, PlainOrDelta choice) {
        super(descriptor);
        this.optional = descriptor.getMaxDefinitionLevel() > 0;
        this.definitions = new Levels(descriptor.getMaxDefinitionLevel());
        this.choice = choice;
    }

    /** A payload column: each page PLAIN or delta-packed, whichever ZSTD makes smaller. */
    static LongColumn choosingEncoding(ColumnDescriptor descriptor) {
        return new LongColumn(descriptor, new PlainOrDelta());
    }

    void add(long value) throws IOException {
        if (choice == null) {
            values.add(value);
        } else {
            choice.add(value, count);
            if (!choice.plain()) {
                values.add(value);
            }
        }
        min = Math.min(min, value);
        max = Math.max(max, value);
        count++;
        if (optional) {
            definitions.add(1);
        }
    }

    /** Only for an optional column. */
    void addNull() throws IOException {
        definitions.add(0);
        nulls++;
    }

    @Override
    void writePage(PageWriter out, int rows) throws IOException {
        Statistics<?> statistics = Statistics.createStats(descriptor.getPrimitiveType());
        if (count > 0) {
            statistics.updateStats(min);
            statistics.updateStats(max);
        }
        statistics.incrementNumNulls(nulls);
        BytesInput encoded = choice == null ? values.bytes() : choice.encode(values, count);
        out.writePage(BytesInput.concat(definitions.pageBytes(), encoded), count + nulls, rows, statistics,
                Encoding.RLE, Encoding.RLE, choice == null ? Encoding.DELTA_BINARY_PACKED : choice.encoding());
        values.reset();
        min = Long.MAX_VALUE;
        max = Long.MIN_VALUE;
        count = 0;
        nulls = 0;
    }
}
