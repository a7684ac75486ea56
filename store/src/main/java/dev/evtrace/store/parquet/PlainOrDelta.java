package dev.evtrace.store.parquet;

import io.airlift.compress.zstd.PageZstd;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;

/**
 * A payload int64 column's choice of encoding, page by page: DELTA_BINARY_PACKED or PLAIN, whichever ZSTD makes
 * smaller. Of every {@link #TRIAL_EVERY}th page, the first included, a part is compressed both ways and the winner
 * kept until the next trial. Delta packing wins for values that climb, as counters do. Plain bytes win when
 * consecutive rows belong to different series, as the bars of 20 symbols taking turns do: a price differs from
 * the row before by dollars, 15 to 20 bits a value once delta-packed, which ZSTD cannot shrink; but its upper
 * bytes repeat those of its own symbol's price 20 rows before, which ZSTD finds in plain bytes (on the reference
 * run, 3.1 bytes a price delta-packed, 1.85 plain).
 *
 * <p>The column's values go to its delta encoder as they come unless the page is plain; they are kept here only
 * when they may be written plain (a plain page, a trial page).
 */
final class PlainOrDelta {
    static final int TRIAL_EVERY = 16;
    /** A trial compresses this many of the page's values, a quarter of a full page: enough to tell. */
    static final int TRIAL_VALUES = 2048;
    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * The buffers a page is encoded and tried in, one set per writing thread rather than per column: a process
     * recording several runs has dozens of payload columns open: with per-column buffers, and a page of values
     * kept by every column, the sweep of 4 runs took +55 MiB of live heap instead of +41.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private long[] values = new long[PageColumn.INITIAL_CAPACITY];
    private int pagesToTrial;
    private boolean plain;

    /** Whether this page is plain: its values do not go to the delta encoder. */
    boolean plain() {
        return plain;
    }

    /** The page's {@code index}th value, kept if the page may be written plain. */
    void add(long value, int index) {
        if (plain || pagesToTrial == 0) {
            if (index == values.length) {
                values = Arrays.copyOf(values, index * 2);
            }
            values[index] = value;
        }
    }

    /**
     * The page of {@code count} values, encoded; {@code delta} has them all unless the page was plain. Then
     * {@link #encoding()} says how.
     */
    BytesInput encode(DeltaLongs delta, int count) throws IOException {
        Scratch scratch = SCRATCH.get();
        boolean fedDelta = !plain;
        if (pagesToTrial-- == 0) {
            pagesToTrial = TRIAL_EVERY - 1;
            plain = plainIsSmaller(scratch, count);
        }
        if (plain) {
            int length = scratch.plain(values, count);
            return BytesInput.from(scratch.plain, 0, length);
        }
        if (!fedDelta) {
            for (int i = 0; i < count; i++) {
                delta.add(values[i]);
            }
        }
        if (values.length > PageColumn.INITIAL_CAPACITY) {
            values = new long[PageColumn.INITIAL_CAPACITY]; // a delta-packed column keeps no page of values between trials
        }
        return delta.bytes();
    }

    /** The encoding of the page {@link #encode} returned. */
    Encoding encoding() {
        return plain ? Encoding.PLAIN : Encoding.DELTA_BINARY_PACKED;
    }

    /**
     * Compresses the page's first {@link #TRIAL_VALUES} values both ways. Plain bytes are over twice as many for
     * ZSTD to compress, so they are chosen only for a clear gain, at least 10%.
     */
    private boolean plainIsSmaller(Scratch scratch, int count) throws IOException {
        int n = Math.min(count, TRIAL_VALUES);
        for (int i = 0; i < n; i++) {
            scratch.delta.add(values[i]);
        }
        byte[] packed = scratch.delta.bytes().toByteArray();
        scratch.delta.reset();
        int plainLength = scratch.plain(values, n);
        int plainSize = scratch.compressedSize(scratch.plain, plainLength, true);
        return plainSize * 10L < scratch.compressedSize(packed, packed.length, false) * 9L;
    }

    /** A writing thread's buffers: plain bytes of a page, a trial's delta packing, and ZSTD's output. */
    private static final class Scratch {
        final ZstdCompressor zstd = new ZstdCompressor();
        final PageZstd pages = new PageZstd();
        final DeltaLongs delta = new DeltaLongs();
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

        /** As the page would be compressed: plain pages as fixed-width numbers (see {@link PlainNumbersPage}). */
        int compressedSize(byte[] bytes, int length, boolean plain) {
            int max = zstd.maxCompressedLength(length);
            if (compressed.length < max) {
                compressed = new byte[max];
            }
            return plain ? pages.compressFixedWidth(bytes, 0, length, compressed, 0, compressed.length)
                    : pages.compress(bytes, 0, length, compressed, 0, compressed.length);
        }
    }
}
