package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;

/**
 * Repetition or definition levels of one page, RLE/bit-packed with the length prefix a version-1 data page
 * stores them with. A column whose maximum level is 0 stores none.
 *
 * <p>{@link #pageBytes()} ends the page's levels and may be asked again until the next level is added: a map's
 * key and value columns repeat together, so they share one instance and its encoding.
 */
final class Levels {
    private final RunLengthBitPackingHybridEncoder encoder;
    private BytesInput page;

    Levels(int maxLevel) {
        this.encoder = maxLevel == 0 ? null : new RunLengthBitPackingHybridEncoder(
                BytesUtils.getWidthFromMaxInt(maxLevel), PageColumn.INITIAL_CAPACITY,
                PageColumn.ENCODER_CAPACITY_HINT, HeapByteBufferAllocator.getInstance());
    }

    void add(int level) throws IOException {
        page = null;
        encoder.writeInt(level);
    }

    /** The levels added since the last page ended. */
    BytesInput pageBytes() throws IOException {
        if (encoder == null) {
            return BytesInput.empty();
        }
        if (page == null) {
            // A copy: the encoder's buffers are reused for the next page.
            BytesInput levels = encoder.toBytes();
            page = BytesInput.concat(BytesInput.fromInt(Math.toIntExact(levels.size())),
                    BytesInput.from(levels.toByteArray()));
            encoder.reset();
        }
        return page;
    }
}
