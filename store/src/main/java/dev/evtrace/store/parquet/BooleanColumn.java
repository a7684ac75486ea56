package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;

/** A required boolean column, RLE: a flag that is almost always false costs next to nothing. */
final class BooleanColumn extends PageColumn {
    private final RunLengthBitPackingHybridValuesWriter values = new RunLengthBitPackingHybridValuesWriter(
            1, INITIAL_CAPACITY, ENCODER_CAPACITY_HINT, HeapByteBufferAllocator.getInstance());
    private boolean anyTrue;
    private boolean anyFalse;
    private int count;

    BooleanColumn(ColumnDescriptor descriptor) {
        super(descriptor);
    }

    void add(boolean value) {
        values.writeBoolean(value);
        anyTrue |= value;
        anyFalse |= !value;
        count++;
    }

    @Override
    void writePage(PageWriter out, int rows) throws IOException {
        Statistics<?> statistics = Statistics.createStats(descriptor.getPrimitiveType());
        if (anyFalse) {
            statistics.updateStats(false);
        }
        if (anyTrue) {
            statistics.updateStats(true);
        }
        statistics.incrementNumNulls(0);
        out.writePage(values.getBytes(), count, rows, statistics, Encoding.RLE, Encoding.RLE, Encoding.RLE);
        values.reset();
        anyTrue = false;
        anyFalse = false;
        count = 0;
    }
}
