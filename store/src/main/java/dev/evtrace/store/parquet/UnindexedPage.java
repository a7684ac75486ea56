package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;

/**
 * Writes a column chunk's only page without a page index. A chunk of one page gains nothing from one (its
 * statistics are the chunk's own, in the footer), yet its column and offset index cost ~40 bytes a column, a
 * kilobyte for a small file of a rare event type. Parquet's page store writes no index for a chunk whose page
 * comes without a row count; readers then take the chunk whole, as they would its one page.
 */
final class UnindexedPage extends ForwardingPageWriter {
    UnindexedPage(PageWriter pages) {
        super(pages);
    }

    @Override
    public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                          Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
        writePage(bytes, valueCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
    }

    @Override
    public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                          SizeStatistics sizeStatistics, Encoding rlEncoding, Encoding dlEncoding,
                          Encoding valuesEncoding) throws IOException {
        writePage(bytes, valueCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
    }
}
