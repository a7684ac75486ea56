package dev.evtrace.store.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/**
 * A page of int64 values, DELTA_BINARY_PACKED as parquet's own {@code DeltaBinaryPackingValuesWriterForLong}
 * writes it: blocks of 128 differences, each block's least difference, then four miniblocks of 32 packed in the
 * fewest bits that hold each one's differences above that least. Any Parquet reader reads it.
 *
 * <p>Why not the library's: its block flush asks a factory for a generated packer class at every miniblock, packs
 * eight values a call through it and copies them on through a slab stream, and its 65 packer classes are loaded,
 * verified and compiled in every traced JVM. The agent's writer runs C1's code (see its {@code WriterCompilation}),
 * where in a profile of a traced sync run the library's block flushes took 250 ms of the writer's 5.4 s and these
 * take 120 (BENCHMARKS.md, session 31). Here one loop packs a miniblock into a long and stores it eight bytes at a
 * time. The bytes differ only where the format leaves them free: the bit widths of a last block's unused miniblocks
 * (zero here) and the padding of its last miniblock (zeros).
 */
final class DeltaLongs {
    static final int BLOCK = 128;
    static final int MINIBLOCKS = 4;
    static final int MINIBLOCK = BLOCK / MINIBLOCKS;
    /** A block at most: its least difference, the widths, four miniblocks of 32 values of 64 bits. */
    private static final int MAX_BLOCK_BYTES = 10 + MINIBLOCKS + BLOCK * Long.BYTES;

    private final long[] deltas = new long[BLOCK];
    private final byte[] header = new byte[2 + 1 + 5 + 10];
    /**
     * Grown by doubling from room for one block, and kept from page to page: at most a page of 8,192 values at 64
     * bits (the library's slabs were let go after each page, and grown again while the next one filled).
     */
    private byte[] bytes = new byte[MAX_BLOCK_BYTES];
    private int length;
    private int count;
    private int pending;
    private long first;
    private long previous;
    private long least = Long.MAX_VALUE;

    void add(long value) {
        if (count++ == 0) {
            first = value;
            previous = value;
            return;
        }
        long delta = value - previous;
        previous = value;
        deltas[pending++] = delta;
        if (delta < least) {
            least = delta;
        }
        if (pending == BLOCK) {
            flushBlock();
        }
    }

    /** The page: its header, then its blocks. Valid until the next {@link #add} or {@link #reset}. */
    BytesInput bytes() {
        if (pending > 0) {
            flushBlock();
        }
        int h = 0;
        h = putUnsigned(header, h, BLOCK);
        h = putUnsigned(header, h, MINIBLOCKS);
        h = putUnsigned(header, h, count);
        h = putUnsigned(header, h, zigzag(first));
        return BytesInput.concat(BytesInput.from(header, 0, h), BytesInput.from(bytes, 0, length));
    }

    void reset() {
        length = 0;
        count = 0;
        pending = 0;
        first = 0;
        least = Long.MAX_VALUE;
    }

    private void flushBlock() {
        if (bytes.length - length < MAX_BLOCK_BYTES) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + MAX_BLOCK_BYTES));
        }
        long min = least;
        // A last block's missing differences pack as zeros: readers stop at the page's count.
        for (int i = 0; i < pending; i++) {
            deltas[i] -= min;
        }
        Arrays.fill(deltas, pending, BLOCK, 0L);
        int miniblocks = (pending + MINIBLOCK - 1) / MINIBLOCK;
        int out = putUnsigned(bytes, length, zigzag(min));
        int widths = out;
        out += MINIBLOCKS;
        for (int m = 0; m < MINIBLOCKS; m++) {
            int width = 0;
            if (m < miniblocks) {
                long bits = 0;
                for (int i = m * MINIBLOCK, end = i + MINIBLOCK; i < end; i++) {
                    bits |= deltas[i];
                }
                width = Long.SIZE - Long.numberOfLeadingZeros(bits);
                out = pack(m * MINIBLOCK, width, out);
            }
            bytes[widths + m] = (byte) width;
        }
        length = out;
        pending = 0;
        least = Long.MAX_VALUE;
    }

    /**
     * Miniblock values {@code from..from+31}, each {@code width} bits, least significant first, into the bytes from
     * {@code out}: 32 * width bits, so what is left after the last whole long is none or half of one.
     */
    private int pack(int from, int width, int out) {
        if (width == 0) {
            return out;
        }
        long word = 0;
        int bits = 0;
        for (int i = from, end = from + MINIBLOCK; i < end; i++) {
            long v = deltas[i];
            word |= v << bits;
            int filled = bits + width;
            if (filled >= Long.SIZE) {
                putLong(out, word);
                out += Long.BYTES;
                int written = Long.SIZE - bits;
                word = written == Long.SIZE ? 0 : v >>> written;
                bits = filled - Long.SIZE;
            } else {
                bits = filled;
            }
        }
        if (bits > 0) {
            putInt(out, (int) word);
            out += Integer.BYTES;
        }
        return out;
    }

    private void putLong(int at, long v) {
        putInt(at, (int) v);
        putInt(at + 4, (int) (v >>> 32));
    }

    private void putInt(int at, int v) {
        byte[] b = bytes;
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    /** ULEB128: 7 bits a byte, low first, the high bit saying another follows. */
    private static int putUnsigned(byte[] to, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            to[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        to[at++] = (byte) v;
        return at;
    }
}
