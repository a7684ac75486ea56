package io.airlift.compress.zstd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedWidthZstdTest {
    private final ZstdCompressor library = new ZstdCompressor();
    private final ZstdDecompressor decompressor = new ZstdDecompressor();

    @Test
    void everyPageDecompressesToItsBytesWhateverItsSize() {
        SplittableRandom random = new SplittableRandom(5);
        // Empty, tiny, one 128 KB block and a little more, several blocks; numbers and noise.
        for (int size : new int[] {0, 1, 7, 100, 4_096, 65_536, 131_072, 131_080, 600_000}) {
            byte[] prices = prices(size / 8, 20, random);
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            for (byte[] page : new byte[][] {Arrays.copyOf(prices, size), noise}) {
                byte[] compressed = new byte[library.maxCompressedLength(size) + 3];
                int length = FixedWidthZstd.compress(page, 0, size, compressed, 3, compressed.length - 3);
                byte[] back = new byte[size];
                assertThat(decompressor.decompress(compressed, 3, length, back, 0, size)).isEqualTo(size);
                assertThat(back).isEqualTo(page);
            }
        }
    }

    @Test
    void pricesOfSymbolsTakingTurnsComeOutSmallerThanAtTheLibrarysTableSizes() {
        for (int symbols : new int[] {20, 200}) {
            byte[] page = prices(8_192, symbols, new SplittableRandom(symbols));
            byte[] compressed = new byte[library.maxCompressedLength(page.length)];
            int small = FixedWidthZstd.compress(page, 0, page.length, compressed, 0, compressed.length);
            int usual = library.compress(page, 0, page.length, compressed, 0, compressed.length);
            assertThat(small).as("%d symbols", symbols).isLessThan(usual);
        }
    }

    /** Plain little-endian int64 prices in cents, as a bar's column holds them: symbols in turn, each a random walk. */
    private static byte[] prices(int values, int symbols, SplittableRandom random) {
        long[] cents = new long[symbols];
        for (int s = 0; s < symbols; s++) {
            cents[s] = 2_000 + random.nextInt(18_000);
        }
        byte[] bytes = new byte[values * 8];
        for (int i = 0; i < values; i++) {
            int s = i % symbols;
            cents[s] = Math.max(100, cents[s] + random.nextInt(-150, 151));
            for (int b = 0; b < 8; b++) {
                bytes[i * 8 + b] = (byte) (cents[s] >>> 8 * b);
            }
        }
        return bytes;
    }
}
