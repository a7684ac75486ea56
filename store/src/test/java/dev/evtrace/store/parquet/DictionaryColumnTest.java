package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/** A page of one repeated id, written as one RLE run: what parquet's encoder writes for it, and read back. */
class DictionaryColumnTest {
    @Test
    void aPageOfOneIdIsTheLibrarysRun() throws IOException {
        for (int bitWidth = 0; bitWidth <= 17; bitWidth++) {
            int id = bitWidth == 0 ? 0 : (1 << bitWidth) - 1;
            for (int count : new int[] {8, 9, 127, 128, 8_192, 70_000}) {
                RunLengthBitPackingHybridEncoder library = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 16,
                        HeapByteBufferAllocator.getInstance());
                for (int i = 0; i < count; i++) {
                    library.writeInt(id);
                }
                byte[] expected = library.toBytes().toByteArray();
                byte[] run = DictionaryColumn.oneRun(bitWidth, id, count);
                assertThat(run[0]).isEqualTo((byte) bitWidth);
                assertThat(Arrays.copyOfRange(run, 1, run.length)).isEqualTo(expected);
                library.close();
            }
        }
    }

    /** Fewer than 8 repeats, which parquet's encoder would bit-pack: a short RLE run is as valid. */
    @Test
    void shortRunsReadBack() throws IOException {
        for (int bitWidth = 0; bitWidth <= 9; bitWidth++) {
            int id = bitWidth == 0 ? 0 : (1 << bitWidth) - 1;
            for (int count = 1; count <= 8; count++) {
                byte[] run = DictionaryColumn.oneRun(bitWidth, id, count);
                RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
                        new ByteArrayInputStream(run, 1, run.length - 1));
                for (int i = 0; i < count; i++) {
                    assertThat(decoder.readInt()).isEqualTo(id);
                }
            }
        }
    }
}
