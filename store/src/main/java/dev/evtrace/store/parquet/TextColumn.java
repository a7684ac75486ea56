package dev.evtrace.store.parquet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;

/**
 * A payload text column (optional strings). Dictionary encoded while a row group's values repeat, as an event's
 * text mostly does (symbols, sides, types, reasons): a PLAIN dictionary page per row group and RLE/bit-packed
 * ids in the data pages. Once the row group's dictionary passes {@value #MAX_ENTRIES} values or
 * {@value #MAX_DICTIONARY_BYTES} bytes (ids, free text), the rest of it is DELTA_LENGTH_BYTE_ARRAY: the lengths
 * delta-packed, then the bytes back to back (of the plain encodings the smallest under ZSTD on the reference
 * run: PLAIN's length prefixes cost 9% more, DELTA_BYTE_ARRAY 1.6%), as parquet-mr's writers fall back too.
 * Either way ZSTD saw the text whole before: the bars' symbol and type took 9 of the 60 bytes an event it went
 * through, and 0.11 of the 14.7 it wrote.
 * No min/max statistics: no reader prunes on payload text, and comparing every value costs.
 */
final class TextColumn extends PageColumn {
    // Bigger pages compress better (ZSTD sees more history): 2 MB saved 1.3% over 1 MB on the reference run,
    // at the price of a page buffer that size per open file.
    static final int MAX_PAGE_BYTES = 2 << 20;
    static final int MAX_PAGE_ENTRIES = 256 * 1024;
    static final int MAX_ENTRIES = 4_096;
    static final int MAX_DICTIONARY_BYTES = 256 << 10;
    private static final int RECENT_BITS = 6;
    private static final int RECENT_SLOTS = 1 << RECENT_BITS;

    private final Levels repetitions = new Levels(0);
    private final Levels definitions;
    private final int present;
    private final Map<String, Integer> ids = new HashMap<>();
    // Ids of recently seen strings, one per slot of their hash: a payload's text mostly comes from a few
    // instances the program holds (a symbol, an enum's name), whose cached hash and identity find the id here
    // without the map's node walk and boxed id (the map was 8% of the writer's CPU on the reference shapes).
    private final String[] recent = new String[RECENT_SLOTS];
    private final int[] recentIds = new int[RECENT_SLOTS];
    private final List<Binary> dictionary = new ArrayList<>();
    private long dictionaryBytes;
    private boolean dictionaryPages;
    // Whether the rest of the row group is written without the dictionary.
    private boolean plain;
    private int[] pageIds = new int[INITIAL_CAPACITY];
    private final DeltaBinaryPackingValuesWriterForInteger lengths = new DeltaBinaryPackingValuesWriterForInteger(
            INITIAL_CAPACITY, ENCODER_CAPACITY_HINT, HeapByteBufferAllocator.getInstance());
    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;
    private int count;
    private int nulls;

    TextColumn(ColumnDescriptor descriptor) {
        super(descriptor);
        this.present = descriptor.getMaxDefinitionLevel();
        this.definitions = new Levels(present);
    }

    /** A value, or null. */
    void add(String value) throws IOException {
        if (value == null) {
            definitions.add(present - 1);
            nulls++;
            return;
        }
        definitions.add(present);
        if (plain) {
            append(value.getBytes(StandardCharsets.UTF_8));
        } else {
            if (count == pageIds.length) {
                pageIds = Arrays.copyOf(pageIds, count * 2);
            }
            pageIds[count] = idOf(value);
            if (dictionary.size() > MAX_ENTRIES || dictionaryBytes > MAX_DICTIONARY_BYTES) {
                fallBack();
            }
        }
        count++;
    }

    private int idOf(String value) {
        int slot = (value.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - RECENT_BITS);
        String seen = recent[slot];
        if (seen == value || value.equals(seen)) {
            return recentIds[slot];
        }
        int id = dictionaryId(value);
        recent[slot] = value;
        recentIds[slot] = id;
        return id;
    }

    private int dictionaryId(String value) {
        Integer id = ids.get(value);
        if (id == null) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            id = dictionary.size();
            dictionary.add(Binary.fromConstantByteArray(utf8));
            dictionaryBytes += Integer.BYTES + utf8.length;
            ids.put(value, id);
        }
        return id;
    }

    /** The page so far, ids included the one just added, becomes plain bytes, as does the rest of the row group. */
    private void fallBack() throws IOException {
        plain = true;
        for (int i = 0; i <= count; i++) {
            append(dictionary.get(pageIds[i]).getBytesUnsafe());
        }
    }

    private void append(byte[] utf8) throws IOException {
        if (size + utf8.length > bytes.length) {
            // Doubling stops at the page limit: the page ends within a row of reaching it.
            bytes = Arrays.copyOf(bytes, Math.max(size + utf8.length, Math.min(bytes.length * 2, MAX_PAGE_BYTES)));
        }
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        lengths.writeInteger(utf8.length);
    }

    /**
     * Full at {@value #MAX_PAGE_BYTES} bytes of plain values, or at {@value #MAX_PAGE_ENTRIES} entries (the
     * ids and levels are buffered per entry).
     */
    @Override
    boolean pageFull() {
        return size >= MAX_PAGE_BYTES || count + nulls >= MAX_PAGE_ENTRIES;
    }

    @Override
    void writePage(PageWriter out, int rows) throws IOException {
        Statistics<?> none = Statistics.noopStats(descriptor.getPrimitiveType());
        BytesInput levels = BytesInput.concat(repetitions.pageBytes(), definitions.pageBytes());
        if (plain) {
            out.writePage(BytesInput.concat(levels, lengths.getBytes(), BytesInput.from(bytes, 0, size)),
                    count + nulls, rows, none, Encoding.RLE, Encoding.RLE, Encoding.DELTA_LENGTH_BYTE_ARRAY);
            lengths.reset();
            size = 0;
        } else if (count == 0) {
            // Only nulls: no ids, and so no need of a dictionary page this row group may not have.
            out.writePage(levels, nulls, rows, none, Encoding.RLE, Encoding.RLE, Encoding.PLAIN);
        } else {
            out.writePage(BytesInput.concat(levels, encodeIds()), count + nulls, rows, none, Encoding.RLE,
                    Encoding.RLE, Encoding.RLE_DICTIONARY);
            dictionaryPages = true;
        }
        count = 0;
        nulls = 0;
    }

    /** The page's ids, RLE/bit-packed behind their bit width. */
    private BytesInput encodeIds() throws IOException {
        int bitWidth = BytesUtils.getWidthFromMaxInt(dictionary.size() - 1);
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, INITIAL_CAPACITY,
                ENCODER_CAPACITY_HINT, HeapByteBufferAllocator.getInstance());
        for (int i = 0; i < count; i++) {
            encoder.writeInt(pageIds[i]);
        }
        // A copy: the encoder's buffers go when it is closed.
        BytesInput encoded = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}),
                BytesInput.from(encoder.toBytes().toByteArray()));
        encoder.close();
        return encoded;
    }

    @Override
    void endRowGroup(PageWriter out) throws IOException {
        if (dictionaryPages) {
            out.writeDictionaryPage(DictionaryColumn.plainDictionary(dictionary, dictionaryBytes));
        }
        ids.clear();
        Arrays.fill(recent, null);
        dictionary.clear();
        dictionaryBytes = 0;
        dictionaryPages = false;
        plain = false;
    }
}
