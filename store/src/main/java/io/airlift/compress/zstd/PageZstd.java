package io.airlift.compress.zstd;

import static io.airlift.compress.zstd.UnsafeUtil.UNSAFE;
import static sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET;

import java.util.Objects;

/**
 * ZSTD for one writer's pages, the frames aircompressor's {@link ZstdCompressor} writes (level 3), but with its
 * working memory kept from page to page. The library builds a context for every frame: two match-finding tables and
 * a block's sequence buffers, about 1.3 MB zeroed for a 64 KB page, which in a traced run was a third of all the
 * bytes the process allocated (BENCHMARKS.md, session 26). Here each kind of page keeps a context for each window
 * a page's size selects (a power of two, at most 2^21 bytes: the largest window's context is ~1.4 MB), and a new
 * frame clears only what the library's fresh context would have held: the tables, the repeated offsets and the last
 * block's Huffman table. The blocks' bytes are the same.
 *
 * <p>{@link #compressFixedWidth} cuts the two tables to {@value #TABLE_LOG} bits, for the store's plain pages of
 * fixed-width numbers (a payload's prices, mostly). Level 3 sizes the tables by the input: 2^16 and 2^15 entries for
 * a 64 KB page. Small tables remember only recent positions, which on such pages is what pays: a price's upper
 * bytes repeat those of its own symbol's price a few rows before, and ZSTD codes a match at a distance it has just
 * used in a few bits, where large tables find older, costlier ones. Measured (BENCHMARKS.md, session 21): a traced
 * run's store rewritten both ways 2.9% smaller with 20 symbols and 1.5% with 200, the plain price pages compressed
 * ~10% faster; delta-packed pages no smaller (the time columns and deliveries 1 to 3% larger), and text much larger
 * (source code 26% at 10 bits), so they keep the library's tables.
 *
 * <p>The frames carry no content checksum, as parquet-java's and Arrow's ZSTD pages do not: hashing every page's input
 * was 1% of a traced run's writer, for 4 bytes a page that Parquet readers do not ask for. A page's header still
 * carries a CRC32 of its compressed bytes (parquet's default, which {@code ColumnFileWriter} keeps): a page corrupted
 * on disk is still caught by readers that check it.
 *
 * <p>One thread at a time. In aircompressor's package because the frame writer and the context it reuses are
 * package-private; the frames are ordinary ZSTD frames, with level 3's window, which any decoder reads.
 */
public final class PageZstd {
    static final int TABLE_LOG = 9;
    /** The frame header descriptor's Content_Checksum_flag, which the library's header always sets. */
    static final int CHECKSUM_FLAG = 1 << 2;

    // By window (log2): a writer's pages come in a few sizes, its columns' pages taking turns.
    private final Context[] usual = new Context[Constants.MAX_WINDOW_LOG + 1];
    private final Context[] fixedWidth = new Context[Constants.MAX_WINDOW_LOG + 1];

    /** As {@link ZstdCompressor#compress(byte[], int, int, byte[], int, int)}: the compressed length. */
    public int compress(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset,
                        int maxOutputLength) {
        CompressionParameters parameters =
                CompressionParameters.compute(CompressionParameters.DEFAULT_COMPRESSION_LEVEL, inputLength);
        return compress(input, inputOffset, inputLength, output, outputOffset, maxOutputLength,
                Context.reuse(usual, parameters, ARRAY_BYTE_BASE_OFFSET + inputOffset, inputLength));
    }

    /** As {@link #compress}, with the small tables of a page of fixed-width numbers. */
    public int compressFixedWidth(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset,
                                  int maxOutputLength) {
        CompressionParameters level = CompressionParameters.compute(CompressionParameters.DEFAULT_COMPRESSION_LEVEL,
                inputLength);
        CompressionParameters parameters = new CompressionParameters(level.getWindowLog(),
                Math.min(level.getChainLog(), TABLE_LOG), Math.min(level.getHashLog(), TABLE_LOG),
                level.getSearchLog(), level.getSearchLength(), level.getTargetLength(), level.getStrategy());
        return compress(input, inputOffset, inputLength, output, outputOffset, maxOutputLength,
                Context.reuse(fixedWidth, parameters, ARRAY_BYTE_BASE_OFFSET + inputOffset, inputLength));
    }

    private static int compress(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset,
                                int maxOutputLength, CompressionContext context) {
        Objects.checkFromIndexSize(inputOffset, inputLength, input.length);
        Objects.checkFromIndexSize(outputOffset, maxOutputLength, output.length);
        CompressionParameters parameters = context.parameters;
        long inputAddress = ARRAY_BYTE_BASE_OFFSET + inputOffset;
        long outputAddress = ARRAY_BYTE_BASE_OFFSET + outputOffset;
        long outputLimit = outputAddress + maxOutputLength;

        long out = outputAddress;
        out += ZstdFrameCompressor.writeMagic(output, out, outputLimit);
        long descriptor = out;
        out += ZstdFrameCompressor.writeFrameHeader(output, out, outputLimit, inputLength, parameters.getWindowSize());
        UNSAFE.putByte(output, descriptor, (byte) (UNSAFE.getByte(output, descriptor) & ~CHECKSUM_FLAG));
        // ZstdFrameCompressor.compressFrame, which is private: the input block by block, one context for the frame.
        int blockSize = parameters.getBlockSize();
        long in = inputAddress;
        int remaining = inputLength;
        do {
            boolean lastBlock = blockSize >= remaining;
            blockSize = Math.min(blockSize, remaining);
            out += ZstdFrameCompressor.writeCompressedBlock(input, in, blockSize, output, out,
                    (int) (outputLimit - out), context, lastBlock);
            in += blockSize;
            remaining -= blockSize;
        }
        while (remaining > 0);
        return (int) (out - outputAddress);
    }

    /**
     * A context and what it was made for. The parameters fix the tables' sizes and the window, which level 3 makes
     * as large as the input up to 2^21 bytes: a page no larger never slides the window, so clearing the tables
     * leaves no trace of an earlier frame. A larger page moves the window's start, which only a new context resets,
     * so its context is not used again. The sequence buffers are made for a whole window, the largest input these
     * parameters are chosen for.
     */
    private record Context(CompressionContext context, long baseAddress, boolean reusable) {
        /** A context for the frame, cleared, from {@code kept} (by window) or new and kept there. */
        static CompressionContext reuse(Context[] kept, CompressionParameters parameters, long baseAddress,
                                        int inputLength) {
            boolean withinWindow = inputLength <= parameters.getWindowSize();
            Context last = kept[parameters.getWindowLog()];
            if (last != null && last.reusable && withinWindow && last.baseAddress == baseAddress
                    && sameTables(last.context.parameters, parameters)) {
                last.clear();
                return last.context;
            }
            Context fresh = new Context(new CompressionContext(parameters, baseAddress, parameters.getWindowSize()),
                    baseAddress, withinWindow);
            kept[parameters.getWindowLog()] = fresh;
            return fresh.context;
        }

        private static boolean sameTables(CompressionParameters a, CompressionParameters b) {
            return a.getWindowLog() == b.getWindowLog() && a.getChainLog() == b.getChainLog()
                    && a.getHashLog() == b.getHashLog() && a.getSearchLog() == b.getSearchLog()
                    && a.getSearchLength() == b.getSearchLength() && a.getTargetLength() == b.getTargetLength()
                    && a.getStrategy() == b.getStrategy();
        }

        /** Back to what a new context holds: empty tables, the format's initial offsets, no Huffman table to repeat. */
        private void clear() {
            context.blockCompressionState.reset();
            context.offsets.saveOffset0(1);
            context.offsets.saveOffset1(4);
            context.offsets.commit();
            context.huffmanContext.getPreviousTable().forget();
        }
    }
}
