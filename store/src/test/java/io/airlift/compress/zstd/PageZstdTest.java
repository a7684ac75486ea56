package io.airlift.compress.zstd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PageZstdTest {
    private final ZstdCompressor library = new ZstdCompressor();
    private final ZstdDecompressor decompressor = new ZstdDecompressor();

    @Test
    void everyPageDecompressesToItsBytesWhateverItsSize() {
        SplittableRandom random = new SplittableRandom(5);
        PageZstd zstd = new PageZstd();
        // Empty, tiny, one 128 KB block and a little more, several blocks, more than level 3's largest window;
        // numbers and noise.
        for (int size : new int[] {0, 1, 7, 100, 4_096, 65_536, 131_072, 131_080, 600_000, 2_500_000}) {
            byte[] prices = prices(size / 8, 20, random);
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            for (byte[] page : new byte[][] {Arrays.copyOf(prices, size), noise}) {
                for (boolean fixedWidth : new boolean[] {true, false}) {
                    byte[] compressed = new byte[library.maxCompressedLength(size) + 3];
                    int max = compressed.length - 3;
                    int length = fixedWidth ? zstd.compressFixedWidth(page, 0, size, compressed, 3, max)
                            : zstd.compress(page, 0, size, compressed, 3, max);
                    byte[] back = new byte[size];
                    assertThat(decompressor.decompress(compressed, 3, length, back, 0, size)).isEqualTo(size);
                    assertThat(back).isEqualTo(page);
                }
            }
        }
    }

    @Test
    void pagesAfterPagesComeOutAsTheLibraryWritesEachAlone() {
        // A writer's pages in a row, one instance: sizes that keep its context and sizes that change it, pages larger
        // than a window, and each page as a fresh context would have written it, match tables and all.
        SplittableRandom random = new SplittableRandom(17);
        PageZstd zstd = new PageZstd();
        int[] sizes = {65_536, 60_000, 65_536, 3_000, 65_536, 300_000, 2_300_000, 2_300_000, 65_536, 131_072, 1_000};
        for (int round = 0; round < 2; round++) {
            for (int size : sizes) {
                byte[] page = round == 0 ? prices(size / 8, 1 + random.nextInt(40), random) : text(size, random);
                byte[] ours = new byte[library.maxCompressedLength(page.length)];
                byte[] theirs = new byte[ours.length];
                int ourLength = zstd.compress(page, 0, page.length, ours, 0, ours.length);
                int theirLength = library.compress(page, 0, page.length, theirs, 0, theirs.length);
                assertThat(Arrays.copyOf(ours, ourLength)).as("a page of %d bytes", size)
                        .isEqualTo(withoutChecksum(theirs, theirLength));
            }
        }
    }

    @Test
    void fixedWidthPagesComeOutAsAFreshContextWritesThem() {
        SplittableRandom random = new SplittableRandom(23);
        PageZstd reused = new PageZstd();
        for (int size : new int[] {65_536, 65_536, 8_000, 65_536, 600_000, 65_536}) {
            byte[] page = prices(size / 8, 1 + random.nextInt(40), random);
            byte[] ours = new byte[library.maxCompressedLength(page.length)];
            byte[] fresh = new byte[ours.length];
            int ourLength = reused.compressFixedWidth(page, 0, page.length, ours, 0, ours.length);
            int freshLength = new PageZstd().compressFixedWidth(page, 0, page.length, fresh, 0, fresh.length);
            assertThat(Arrays.copyOf(ours, ourLength)).as("a page of %d bytes", size)
                    .isEqualTo(Arrays.copyOf(fresh, freshLength));
        }
    }

    @Test
    void pricesOfSymbolsTakingTurnsComeOutSmallerThanAtTheLibrarysTableSizes() {
        for (int symbols : new int[] {20, 200}) {
            byte[] page = prices(8_192, symbols, new SplittableRandom(symbols));
            byte[] compressed = new byte[library.maxCompressedLength(page.length)];
            int small = new PageZstd().compressFixedWidth(page, 0, page.length, compressed, 0, compressed.length);
            int usual = library.compress(page, 0, page.length, compressed, 0, compressed.length);
            assertThat(small).as("%d symbols", symbols).isLessThan(usual);
        }
    }

    @Test
    void framesCarryNoChecksum() {
        byte[] page = prices(8_192, 20, new SplittableRandom(3));
        byte[] compressed = new byte[library.maxCompressedLength(page.length)];
        PageZstd zstd = new PageZstd();
        zstd.compress(page, 0, page.length, compressed, 0, compressed.length);
        assertThat(compressed[4] & PageZstd.CHECKSUM_FLAG).isZero();
        zstd.compressFixedWidth(page, 0, page.length, compressed, 0, compressed.length);
        assertThat(compressed[4] & PageZstd.CHECKSUM_FLAG).isZero();
    }

    /** The library's frame as this class writes it: the descriptor's checksum flag cleared, the checksum dropped. */
    private static byte[] withoutChecksum(byte[] frame, int length) {
        assertThat(frame[4] & PageZstd.CHECKSUM_FLAG).isNotZero();
        byte[] stripped = Arrays.copyOf(frame, length - 4);
        stripped[4] &= (byte) ~PageZstd.CHECKSUM_FLAG;
        return stripped;
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

    /** Words drawn from a small vocabulary, as a text column's page of names and types reads. */
    private static byte[] text(int size, SplittableRandom random) {
        String[] words = {"BAR", "SIGNAL", "ORDER", "FILL", "AAPL", "MSFT", "momentum", "risk", "portfolio", "42.17"};
        StringBuilder out = new StringBuilder(size + 16);
        while (out.length() < size) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? '\n' : ' ');
        }
        return out.substring(0, size).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
