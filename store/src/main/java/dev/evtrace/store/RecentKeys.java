package dev.evtrace.store;

/**
 * The values of the last few keys looked up, found by the keys' identity: rows name their run and type with the
 * very same string objects again and again, so a few reference comparisons answer where a hash map would hash
 * and compare. A miss says nothing; the caller asks its map and {@link #put}s the answer. One thread uses it.
 */
final class RecentKeys<V> {
    private static final int SIZE = 8;
    private final Object[] keys = new Object[SIZE];
    private final Object[] values = new Object[SIZE];
    private int next;

    @SuppressWarnings("unchecked")
    V get(Object key) {
        for (int i = 0; i < SIZE; i++) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Remembers {@code key}, in place of the one remembered longest ago. */
    void put(Object key, V value) {
        keys[next] = key;
        values[next] = value;
        next = (next + 1) % SIZE;
    }
}
