package dev.evtrace.store.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageWriter;

/**
 * One leaf column's values for the page being filled. Values are added as rows arrive and encoded into one data
 * page when the file cuts the page, so the per-value work is an append, not a trip through parquet's column
 * writer (level writers, statistics and size checks on every value).
 */
abstract class PageColumn {
    /** Initial capacity of the per-page buffers: a partition that sees few rows keeps little memory. */
    static final int INITIAL_CAPACITY = 256;
    /** What parquet's encoders are told to expect of a page, which sizes the slabs they grow by. */
    static final int ENCODER_CAPACITY_HINT = 1 << 20;

    final ColumnDescriptor descriptor;

    PageColumn(ColumnDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Encodes what was added since the last page as one page of {@code rows} rows, and starts the next. */
    abstract void writePage(PageWriter out, int rows) throws IOException;

    /** After the row group's last page: writes what belongs to the whole column chunk (a dictionary). */
    void endRowGroup(PageWriter out) throws IOException {}

    /** Whether the row group must end before it grows further (a dictionary at its limit). */
    boolean rowGroupFull() {
        return false;
    }

    /** Whether the page must end before it grows further; fixed-width columns are cut by row count alone. */
    boolean pageFull() {
        return false;
    }
}
