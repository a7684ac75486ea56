package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.junit.jupiter.api.Test;

/** Pages read back by parquet's own reader, and whole blocks byte for byte as parquet's own writer packs them. */
class DeltaLongsTest {
    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void emptyPagesAndSingleValuesReadBack() throws IOException {
        assertReadsBack(new long[0]);
        assertReadsBack(new long[] {42});
        assertReadsBack(new long[] {Long.MIN_VALUE});
        assertReadsBack(new long[] {-7, -7});
    }

    @Test
    void everyLengthAroundTheBlocksAndMiniblocksReadsBack() throws IOException {
        for (int n = 0; n <= 3 * DeltaLongs.BLOCK + 2; n++) {
            long[] values = new long[n];
            long at = 1_764_000_000_000_000L;
            for (int i = 0; i < n; i++) {
                at += random.nextInt(0, 5_000);
                values[i] = at;
            }
            assertReadsBack(values);
        }
    }

    /** Differences of every width from 0 to 64 bits, of either sign, including those that overflow a long. */
    @Test
    void everyWidthReadsBack() throws IOException {
        for (int width = 0; width <= 64; width++) {
            int w = width;
            long mask = w == 64 ? -1L : (1L << w) - 1;
            assertReadsBack(values(1_000, i -> random.nextLong() & mask));
            assertReadsBack(values(1_000, i -> (i % 2 == 0 ? 1 : -1) * (random.nextLong() & mask)));
        }
        assertReadsBack(values(500, i -> i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE));
        assertReadsBack(values(500, i -> random.nextLong()));
    }

    @Test
    void pagesAfterAResetReadBack() throws IOException {
        DeltaLongs delta = new DeltaLongs();
        for (int page = 0; page < 5; page++) {
            long[] values = values(1 + random.nextInt(3_000), i -> random.nextLong(-1_000_000, 1_000_000));
            for (long v : values) {
                delta.add(v);
            }
            assertThat(read(delta.bytes().toByteArray(), values.length)).containsExactly(values);
            delta.reset();
        }
    }

    /** Where the format leaves no freedom (blocks all full), the bytes are those of the library's own writer. */
    @Test
    void wholeBlocksAreTheLibrarysBytes() throws IOException {
        for (int blocks = 1; blocks <= 4; blocks++) {
            long[] values = values(1 + blocks * DeltaLongs.BLOCK, i -> i * 1_000 + random.nextInt(0, 1 << 12));
            DeltaBinaryPackingValuesWriterForLong library = new DeltaBinaryPackingValuesWriterForLong(
                    DeltaLongs.BLOCK, DeltaLongs.MINIBLOCKS, 256, 1 << 16, HeapByteBufferAllocator.getInstance());
            DeltaLongs ours = new DeltaLongs();
            for (long v : values) {
                library.writeLong(v);
                ours.add(v);
            }
            assertThat(ours.bytes().toByteArray()).isEqualTo(library.getBytes().toByteArray());
        }
    }

    private long[] values(int n, LongUnaryOperator value) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = value.applyAsLong(i);
        }
        return values;
    }

    private static void assertReadsBack(long[] values) throws IOException {
        DeltaLongs delta = new DeltaLongs();
        for (long v : values) {
            delta.add(v);
        }
        assertThat(read(delta.bytes().toByteArray(), values.length)).containsExactly(values);
    }

    private static long[] read(byte[] page, int count) throws IOException {
        DeltaBinaryPackingValuesReader reader = new DeltaBinaryPackingValuesReader();
        reader.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(page)));
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = reader.readLong();
        }
        return values;
    }
}
