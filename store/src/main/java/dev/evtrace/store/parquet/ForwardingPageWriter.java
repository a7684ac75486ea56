package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;

/** A page writer that passes everything to parquet's: subclasses change how data pages go there. */
abstract class ForwardingPageWriter implements PageWriter {
    final PageWriter pages;

    ForwardingPageWriter(PageWriter pages) {
        this.pages = pages;
    }

    @Override
    public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                          Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
        pages.writePage(bytes, valueCount, rowCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
    }

    @Override
    public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                          SizeStatistics sizeStatistics, Encoding rlEncoding, Encoding dlEncoding,
                          Encoding valuesEncoding) throws IOException {
        pages.writePage(bytes, valueCount, rowCount, statistics, sizeStatistics, rlEncoding, dlEncoding,
                valuesEncoding);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void writePage(BytesInput bytes, int valueCount, Statistics<?> statistics, Encoding rlEncoding,
                          Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
        pages.writePage(bytes, valueCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
    }

    /** Version 2 pages, which the store does not write, pass through as they are. */
    @Override
    public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
                            BytesInput definitionLevels, Encoding dataEncoding, BytesInput data,
                            Statistics<?> statistics) throws IOException {
        pages.writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, data,
                statistics);
    }

    @Override
    public long getMemSize() {
        return pages.getMemSize();
    }

    @Override
    public long allocatedSize() {
        return pages.allocatedSize();
    }

    @Override
    public void writeDictionaryPage(DictionaryPage dictionaryPage) throws IOException {
        pages.writeDictionaryPage(dictionaryPage);
    }

    @Override
    public String memUsageString(String prefix) {
        return pages.memUsageString(prefix);
    }
}
