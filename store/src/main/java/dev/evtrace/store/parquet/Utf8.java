package dev.evtrace.store.parquet;

import org.apache.parquet.io.api.Binary;

/**
 * A string's UTF-8 bytes, and its number in the {@link Utf8Cache} that encoded it: a dictionary column finds
 * its id for the string by that number, an array index, without hashing the bytes.
 *
 * @param ordinal 0, 1, 2 … in the order the cache met the strings, or {@link #UNCACHED}
 */
record Utf8(Binary bytes, int ordinal) {
    /** The ordinal of a string met after the cache was full: looked up by its bytes. */
    static final int UNCACHED = -1;
}
