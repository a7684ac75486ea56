package dev.evtrace.store.parquet;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;

/**
 * A payload int64 column (a number, or a decimal's unscaled value), each page DELTA_BINARY_PACKED or PLAIN,
 * whichever ZSTD makes smaller: of every {@link #TRIAL_EVERY}th page, the first included, a part is compressed
 * both ways and the winner kept until the next trial. Delta packing wins for values that climb, as counters
 * do. Plain bytes win when consecutive rows belong to different series, as the bars of 20 symbols taking turns
 * do: a price differs from the row before by dollars, 15 to 20 bits a value once delta-packed, which ZSTD cannot
 * shrink; but its upper bytes repeat those of its own symbol's price 20 rows before, which ZSTD finds in plain
 * bytes (on the reference run, 3.1 bytes a price delta-packed, 2.0 plain).
 */
final class PayloadLongColumn extends PageColumn {
    static final int TRIAL_EVERY = 16;
    /** A trial compresses this many of the page's values, a quarter of a full page: enough to tell. */
    static final int TRIAL_VALUES = 2048;
    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The buffers a page is encoded and tried in, one set per writing thread rather than per column: a process
     * recording several runs has dozens of payload columns open, and per-column buffers of a page's size cost
     * the sweep of 4 runs ~28 MB of live heap.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final DeltaBinaryPackingValuesWriterForLong delta = new DeltaBinaryPackingValuesWriterForLong(
            INITIAL_CAPACITY, ENCODER_CAPACITY_HINT, HeapByteBufferAllocator.getInstance());
    private final Levels definitions;
    private final boolean optional;
    private long[] values = new long[INITIAL_CAPACITY];
    private int count;
    private int nulls;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private int pagesToTrial;
    private boolean plain;

    PayloadLongColumn(ColumnDescriptor descriptor) {
        super(descriptor);
        this.optional = descriptor.getMaxDefinitionLevel() > 0;
        this.definitions = new Levels(descriptor.getMaxDefinitionLevel());
    }

    /**
     * Delta-packed pages go straight into the encoder, as fixed columns do; the values themselves are kept only
     * when they may be written plain: on a plain page, and on a trial page.
     */
    void add(long value) throws IOException {
        if (plain || pagesToTrial == 0) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count] = value;
        }
        if (!plain) {
            delta.writeLong(value);
        }
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
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
        Scratch scratch = SCRATCH.get();
        // Whether this page's values went to the delta encoder as they came, or were only kept.
        boolean fedDelta = !plain;
        if (pagesToTrial-- == 0) {
            pagesToTrial = TRIAL_EVERY - 1;
            plain = plainIsSmaller(scratch);
        }
        BytesInput encoded;
        if (plain) {
            int length = scratch.plain(values, count);
            encoded = BytesInput.from(scratch.plain, 0, length);
        } else {
            encoded = deltaPacked(fedDelta);
            if (values.length > INITIAL_CAPACITY) {
                values = new long[INITIAL_CAPACITY]; // a delta-packed column keeps no page of values between trials
            }
        }
        out.writePage(BytesInput.concat(definitions.pageBytes(), encoded), count + nulls, rows, statistics,
                Encoding.RLE, Encoding.RLE, plain ? Encoding.PLAIN : Encoding.DELTA_BINARY_PACKED);
        delta.reset();
        min = Long.MAX_VALUE;
        max = Long.MIN_VALUE;
        count = 0;
        nulls = 0;
    }

    /**
     * Compresses the page's first {@link #TRIAL_VALUES} values both ways. Plain bytes are over twice as many for
     * ZSTD to compress, so they are chosen only for a clear gain, at least 10%.
     */
    private boolean plainIsSmaller(Scratch scratch) throws IOException {
        int n = Math.min(count, TRIAL_VALUES);
        for (int i = 0; i < n; i++) {
            scratch.delta.writeLong(values[i]);
        }
        byte[] packed = scratch.delta.getBytes().toByteArray();
        scratch.delta.reset();
        int plainLength = scratch.plain(values, n);
        int plainSize = scratch.compressedSize(scratch.plain, plainLength);
        return plainSize * 10L < scratch.compressedSize(packed, packed.length) * 9L;
    }

    private BytesInput deltaPacked(boolean fed) throws IOException {
        if (!fed) {
            for (int i = 0; i < count; i++) {
                delta.writeLong(values[i]);
            }
        }
        return delta.getBytes();
    }

    /** A writing thread's buffers: plain bytes of a page, a trial's delta packing, and ZSTD's output. */
    private static final class Scratch {
        final ZstdCompressor zstd = new ZstdCompressor();
        final DeltaBinaryPackingValuesWriterForLong delta = new DeltaBinaryPackingValuesWriterForLong(
                INITIAL_CAPACITY, TRIAL_VALUES * Long.BYTES, HeapByteBufferAllocator.getInstance());
        byte[] plain = new byte[0];
        byte[] compressed = new byte[0];

        /** The first n values as PLAIN int64 (8 bytes each, little-endian) in {@link #plain}; returns the length. */
        int plain(long[] values, int n) {
            int length = n * Long.BYTES;
            if (plain.length < length) {
                plain = new byte[Math.max(length, 2 * plain.length)];
            }
            for (int i = 0; i < n; i++) {
                LITTLE_ENDIAN_LONGS.set(plain, i * Long.BYTES, values[i]);
            }
            return length;
        }

        int compressedSize(byte[] bytes, int length) {
            int max = zstd.maxCompressedLength(length);
            if (compressed.length < max) {
                compressed = new byte[max];
            }
            return zstd.compress(bytes, 0, length, compressed, 0, compressed.length);
        }
    }
}
