package dev.evtrace.store.parquet;

import java.util.Objects;

/**
 * The UTF-8 of one string field across consecutive rows. Within a file the field usually holds the very same
 * string as in the row before: often the same instance (the file's event type, the run's id, the writer
 * thread's name), which one comparison recognises, or an equal one (a payload's i-th key, built afresh for
 * each event), which {@code equals} recognises faster than a hash lookup. Anything else goes to the dataset's
 * {@link Utf8Cache}.
 */
final class FieldStrings {
    private final Utf8Cache cache;
    private String last;
    private Utf8 lastUtf8;

    FieldStrings(Utf8Cache cache) {
        this.cache = cache;
    }

    /** @throws NullPointerException for null: every column these strings go to requires a value */
    Utf8 get(String s) {
        Objects.requireNonNull(s, "a required string is null");
        if (s != last && !s.equals(last)) {
            lastUtf8 = cache.get(s);
            last = s;
        }
        return lastUtf8;
    }
}
