package io.airlift.compress.zstd;

import static sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET;

import java.util.Objects;

/**
 * ZSTD as aircompressor's {@link ZstdCompressor} writes it (level 3), but with its two match-finding tables cut to
 * {@value #TABLE_LOG} bits, for the store's plain pages of fixed-width numbers (a payload's prices, mostly). Level 3
 * sizes the tables by the input: 2^16 and 2^15 entries for a 64 KB page, allocated and zeroed for every page. Small
 * tables remember only recent positions, which on such pages is what pays: a price's upper bytes repeat those of
 * its own symbol's price a few rows before, and ZSTD codes a match at a distance it has just used in a few bits,
 * where large tables find older, costlier ones. Measured (BENCHMARKS.md, session 21): a traced run's store
 * rewritten both ways 2.9% smaller with 20 symbols and 1.5% with 200, the plain price pages compressed ~10% faster;
 * delta-packed pages no smaller (the time columns and deliveries 1 to 3% larger), and text much larger (source
 * code 26% at 10 bits), so they keep the library's tables.
 *
 * <p>In aircompressor's package because the frame writer it reuses is package-private; the frames are ordinary
 * ZSTD frames, with level 3's window and checksum, which any decoder reads.
 */
public final class FixedWidthZstd {
    static final int TABLE_LOG = 9;

    private FixedWidthZstd() {}

    /** As {@link ZstdCompressor#compress(byte[], int, int, byte[], int, int)}: the compressed length. */
    public static int compress(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset,
                               int maxOutputLength) {
        Objects.checkFromIndexSize(inputOffset, inputLength, input.length);
        Objects.checkFromIndexSize(outputOffset, maxOutputLength, output.length);
        long inputAddress = ARRAY_BYTE_BASE_OFFSET + inputOffset;
        long outputAddress = ARRAY_BYTE_BASE_OFFSET + outputOffset;
        long outputLimit = outputAddress + maxOutputLength;
        CompressionParameters level = CompressionParameters.compute(CompressionParameters.DEFAULT_COMPRESSION_LEVEL,
                inputLength);
        CompressionParameters parameters = new CompressionParameters(level.getWindowLog(),
                Math.min(level.getChainLog(), TABLE_LOG), Math.min(level.getHashLog(), TABLE_LOG),
                level.getSearchLog(), level.getSearchLength(), level.getTargetLength(), level.getStrategy());

        long out = outputAddress;
        out += ZstdFrameCompressor.writeMagic(output, out, outputLimit);
        out += ZstdFrameCompressor.writeFrameHeader(output, out, outputLimit, inputLength, parameters.getWindowSize());
        // ZstdFrameCompressor.compressFrame, which is private: the input block by block, one context for the frame.
        CompressionContext context = new CompressionContext(parameters, inputAddress, inputLength);
        int blockSize = parameters.getBlockSize();
        long in = inputAddress;
        int remaining = inputLength;
        do {
            boolean lastBlock = blockSize >= remaining;
            blockSize = Math.min(blockSize, remaining);
            out += ZstdFrameCompressor.writeCompressedBlock(input, in, blockSize, output, out, (int) (outputLimit - out),
                    context, lastBlock);
            in += blockSize;
            remaining -= blockSize;
        }
        while (remaining > 0);
        out += ZstdFrameCompressor.writeChecksum(output, out, outputLimit, input, inputAddress,
                inputAddress + inputLength);
        return (int) (out - outputAddress);
    }
}
