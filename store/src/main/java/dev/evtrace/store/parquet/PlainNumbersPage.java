package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;

/**
 * The page writer of an int64 or double column: tells the file's compressor, as each page goes to parquet's page
 * store (which compresses it there and then), whether the page is PLAIN, as a payload column's prices mostly are,
 * so that it is compressed as fixed-width numbers ({@code PageZstd.compressFixedWidth}). Delta-packed pages keep
 * ZSTD's usual tables: rewriting a traced run's store both ways, they made the time columns and the deliveries 1 to
 * 3% larger.
 */
final class PlainNumbersPage extends ForwardingPageWriter {
    private final PureJavaCodecs.PageCompressor compressor;

    PlainNumbersPage(PageWriter pages, PureJavaCodecs.PageCompressor compressor) {
        super(pages);
        this.compressor = compressor;
    }

    @Override
    public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                          Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
        compressor.plainNumbers(valuesEncoding == Encoding.PLAIN);
        try {
            super.writePage(bytes, valueCount, rowCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
        } finally {
            compressor.plainNumbers(false);
        }
    }

    @Override
    public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                          SizeStatistics sizeStatistics, Encoding rlEncoding, Encoding dlEncoding,
                          Encoding valuesEncoding) throws IOException {
        compressor.plainNumbers(valuesEncoding == Encoding.PLAIN);
        try {
            super.writePage(bytes, valueCount, rowCount, statistics, sizeStatistics, rlEncoding, dlEncoding,
                    valuesEncoding);
        } finally {
            compressor.plainNumbers(false);
        }
    }

    /** The one {@link UnindexedPage} calls, for a chunk's only page. */
    @Override
    @SuppressWarnings("deprecation")
    public void writePage(BytesInput bytes, int valueCount, Statistics<?> statistics, Encoding rlEncoding,
                          Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
        compressor.plainNumbers(valuesEncoding == Encoding.PLAIN);
        try {
            super.writePage(bytes, valueCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
        } finally {
            compressor.plainNumbers(false);
        }
    }
}
