package dev.evtrace.store.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;

/**
 * A string column whose values repeat (types, runs, sources, handlers, threads, payload keys), dictionary
 * encoded: a PLAIN dictionary page per row group and RLE/bit-packed ids in the data pages. Required, or the
 * key of a map (repeated).
 *
 * <p>A value's id is found by its {@link Utf8#ordinal()}, an array index: parquet's dictionary writer hashes
 * and compares every byte of every value instead (a 60-byte class name, on every row). Page statistics
 * compare only the distinct values a page used, not every row's.
 */
final class DictionaryColumn extends PageColumn {
    /** Past either limit the row group ends, and the next starts a fresh dictionary. */
    static final int MAX_ENTRIES = 1 << 16;
    static final long MAX_BYTES = 1 << 20;

    private final List<Binary> dictionary = new ArrayList<>();
    // Dictionary id + 1 by cache ordinal (0: not in this row group's dictionary yet).
    private int[] idsByOrdinal = new int[INITIAL_CAPACITY];
    // Strings the cache could not number, by content.
    private final Map<Binary, Integer> uncachedIds = new HashMap<>();
    private final Levels repetitions;
    private final Levels definitions;
    private long dictionaryBytes;
    private int[] ids = new int[INITIAL_CAPACITY];
    private int count;
    private int nulls;
    // Marks which dictionary entries the current page used, for its min and max.
    private int[] usedInPage = new int[INITIAL_CAPACITY];
    private int page = 1;

    /** A required top-level column. */
    DictionaryColumn(ColumnDescriptor descriptor) {
        this(descriptor, new Levels(0));
    }

    /** The keys of a map, whose repetition levels the caller adds (its value column shares them). */
    DictionaryColumn(ColumnDescriptor descriptor, Levels repetitions) {
        super(descriptor);
        this.repetitions = repetitions;
        this.definitions = new Levels(descriptor.getMaxDefinitionLevel());
    }

    /** A value of a required top-level column. */
    void add(Utf8 value) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = idOf(value);
    }

    /** A key of a map. */
    void addEntry(Utf8 value) throws IOException {
        definitions.add(descriptor.getMaxDefinitionLevel());
        add(value);
    }

    /** A row whose map is empty. */
    void addEmpty() throws IOException {
        definitions.add(0);
        nulls++;
    }

    private int idOf(Utf8 value) {
        int ordinal = value.ordinal();
        if (ordinal == Utf8.UNCACHED) {
            Integer id = uncachedIds.get(value.bytes());
            if (id == null) {
                id = newEntry(value.bytes());
                uncachedIds.put(value.bytes(), id);
            }
            return id;
        }
        if (ordinal >= idsByOrdinal.length) {
            idsByOrdinal = Arrays.copyOf(idsByOrdinal, Math.max(ordinal + 1, idsByOrdinal.length * 2));
        }
        int id = idsByOrdinal[ordinal] - 1;
        if (id < 0) {
            id = newEntry(value.bytes());
            idsByOrdinal[ordinal] = id + 1;
        }
        return id;
    }

    private int newEntry(Binary bytes) {
        dictionary.add(bytes);
        dictionaryBytes += Integer.BYTES + bytes.length();
        return dictionary.size() - 1;
    }

    @Override
    boolean rowGroupFull() {
        return dictionary.size() >= MAX_ENTRIES || dictionaryBytes >= MAX_BYTES;
    }

    @Override
    void writePage(PageWriter out, int rows) throws IOException {
        Statistics<?> statistics = Statistics.createStats(descriptor.getPrimitiveType());
        statistics.incrementNumNulls(nulls);
        BytesInput levels = BytesInput.concat(repetitions.pageBytes(), definitions.pageBytes());
        if (count == 0) {
            // Only empty maps: no values, so no ids. Said to be dictionary encoded, the page would need a
            // dictionary page, which a row group of only empty maps does not have.
            out.writePage(levels, nulls, rows, statistics, Encoding.RLE, Encoding.RLE, Encoding.PLAIN);
        } else {
            out.writePage(BytesInput.concat(levels, encodeIds(statistics)), count + nulls, rows, statistics,
                    Encoding.RLE, Encoding.RLE, Encoding.RLE_DICTIONARY);
        }
        count = 0;
        nulls = 0;
        page++;
    }

    /** The page's ids, RLE/bit-packed behind their bit width; adds the page's min and max to its statistics. */
    private BytesInput encodeIds(Statistics<?> statistics) throws IOException {
        int bitWidth = BytesUtils.getWidthFromMaxInt(dictionary.size() - 1);
        if (oneValue()) {
            Binary value = dictionary.get(ids[0]);
            statistics.updateStats(value);
            statistics.updateStats(value);
            return BytesInput.from(oneRun(bitWidth, ids[0], count));
        }
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, INITIAL_CAPACITY,
                ENCODER_CAPACITY_HINT, HeapByteBufferAllocator.getInstance());
        if (usedInPage.length < dictionary.size()) {
            usedInPage = Arrays.copyOf(usedInPage, Math.max(dictionary.size(), usedInPage.length * 2));
        }
        Binary min = null;
        Binary max = null;
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            encoder.writeInt(id);
            if (usedInPage[id] != page) {
                usedInPage[id] = page;
                Binary value = dictionary.get(id);
                min = min == null || compare(value, min) < 0 ? value : min;
                max = max == null || compare(value, max) > 0 ? value : max;
            }
        }
        statistics.updateStats(min);
        statistics.updateStats(max);
        // A copy: the encoder's buffers go when it is closed.
        BytesInput ids = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}),
                BytesInput.from(encoder.toBytes().toByteArray()));
        encoder.close();
        return ids;
    }

    /**
     * Whether the page holds one id only, as most pages of a run's, a type's or a thread's column do in files that
     * hold one run of one type: the encoder would look at each row to find the run.
     */
    private boolean oneValue() {
        int first = ids[0];
        for (int i = 1; i < count; i++) {
            if (ids[i] != first) {
                return false;
            }
        }
        return true;
    }

    /** The RLE/bit-packed hybrid's bytes for {@code count} repeats of {@code id}: its width, then one RLE run. */
    static byte[] oneRun(int bitWidth, int id, int count) throws IOException {
        ByteArrayOutputStream run = new ByteArrayOutputStream(1 + 5 + 4);
        run.write(bitWidth);
        BytesUtils.writeUnsignedVarInt(count << 1, run);
        BytesUtils.writeIntLittleEndianPaddedOnBitWidth(run, id, bitWidth);
        return run.toByteArray();
    }

    private int compare(Binary a, Binary b) {
        return descriptor.getPrimitiveType().comparator().compare(a, b);
    }

    /** A PLAIN dictionary page of {@code values}, whose lengths and bytes come to {@code bytes}. */
    static DictionaryPage plainDictionary(List<Binary> values, long bytes) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream((int) bytes);
        for (Binary value : values) {
            BytesUtils.writeIntLittleEndian(plain, value.length());
            value.writeTo(plain);
        }
        return new DictionaryPage(BytesInput.from(plain.toByteArray()), values.size(), Encoding.PLAIN);
    }

    @Override
    void endRowGroup(PageWriter out) throws IOException {
        if (dictionary.isEmpty()) {
            return;
        }
        out.writeDictionaryPage(plainDictionary(dictionary, dictionaryBytes));
        dictionary.clear();
        uncachedIds.clear();
        Arrays.fill(idsByOrdinal, 0);
        Arrays.fill(usedInPage, 0);
        dictionaryBytes = 0;
        page = 1;
    }
}
