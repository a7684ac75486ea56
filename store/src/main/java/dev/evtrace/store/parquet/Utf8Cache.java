package dev.evtrace.store.parquet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/**
 * The UTF-8 bytes of strings that repeat endlessly (types, runs, sources, handlers, threads, payload keys),
 * encoded once and numbered. One cache serves all of a dataset's files; {@link FieldStrings} in front of it
 * spares most lookups. Bounded: past the limit, strings are encoded on every use rather than remembered.
 */
final class Utf8Cache {
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Utf8> known = new HashMap<>();

    Utf8 get(String s) {
        Utf8 utf8 = known.get(s);
        if (utf8 == null) {
            // The array is never written again, so the columns may keep it without copying.
            Binary bytes = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
            if (known.size() < MAX_ENTRIES) {
                utf8 = new Utf8(bytes, known.size());
                known.put(s, utf8);
            } else {
                utf8 = new Utf8(bytes, Utf8.UNCACHED);
            }
        }
        return utf8;
    }
}
