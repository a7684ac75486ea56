package dev.evtrace.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An event's payload that remembers which values were numbers. Read as a {@code Map<String, String>} it is the
 * same as the text payload every reader knows (a long reads as {@link Long#toString(long)}, a double as
 * {@link Double#toString(double)}); the store's writer asks for the numbers themselves and keeps them in typed
 * columns, which are far smaller than their text and cost no formatting on the way in. Insertion-ordered,
 * immutable once built.
 */
public final class Payload extends AbstractMap<String, String> {
    /** What a value was given as. */
    public enum Kind { TEXT, LONG, DOUBLE }

    private static final Payload EMPTY = new Builder(0).build();

    private final String[] keys;
    private final Kind[] kinds;
    private final long[] numbers;
    private final String[] texts;
    private final int size;
    private Set<Entry<String, String>> entries;

    private Payload(Builder b) {
        this.keys = b.keys;
        this.kinds = b.kinds;
        this.numbers = b.numbers;
        this.texts = b.texts;
        this.size = b.size;
    }

    public static Payload empty() {
        return EMPTY;
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /**
     * A builder whose payload shares the keys and kinds of {@code like} (an earlier payload of the same class of
     * event, say) for as long as its entries come with the same keys, in the same order, and values of the same
     * kinds: a writer flattening a million bars then makes two arrays for each, not four.
     */
    public static Builder builderLike(Payload like, int expectedSize) {
        return new Builder(like, expectedSize);
    }

    @Override
    public int size() {
        return size;
    }

    public String key(int i) {
        return keys[i];
    }

    public Kind kind(int i) {
        return kinds[i];
    }

    /** The i-th value if it is a {@link Kind#LONG}. */
    public long longValue(int i) {
        return numbers[i];
    }

    /** The i-th value if it is a {@link Kind#DOUBLE}. */
    public double doubleValue(int i) {
        return Double.longBitsToDouble(numbers[i]);
    }

    /**
     * Whether {@code other} has the same keys, with values of the same kinds, in the same order: three comparisons
     * of references when it shares them (see {@link #builderLike}), one a field otherwise, as keys are mostly the
     * very same strings (a class's field names).
     */
    public boolean sameLayout(Payload other) {
        if (size != other.size) {
            return false;
        }
        if (keys == other.keys && kinds == other.kinds) {
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (kinds[i] != other.kinds[i] || (keys[i] != other.keys[i] && !keys[i].equals(other.keys[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the i-th value is null (only text can be). */
    public boolean isNull(int i) {
        return kinds[i] == Kind.TEXT && texts[i] == null;
    }

    /** The i-th value as text: what a text payload would hold (null stays null). */
    public String text(int i) {
        return switch (kinds[i]) {
            case TEXT -> texts[i];
            case LONG -> Long.toString(numbers[i]);
            case DOUBLE -> Double.toString(doubleValue(i));
        };
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : text(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys[i], text(i));
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
        return entries;
    }

    /** Collects entries in order; a key put again keeps its place and takes the new value. */
    public static final class Builder {
        private String[] keys;
        private Kind[] kinds;
        private long[] numbers;
        private String[] texts;
        private int size;
        // Bit (hash & 63) set for each key's hash code: a key whose bit is clear is new without a look at the others.
        private long hashBits;
        // While > 0: keys and kinds are another payload's, which has this many entries, never written here; every
        // entry so far matched its own, so the keys are distinct (and hashBits not kept) until copied.
        private int sharedSize;

        private Builder(int expectedSize) {
            int capacity = Math.max(expectedSize, 1);
            keys = new String[capacity];
            kinds = new Kind[capacity];
            numbers = new long[capacity];
            texts = new String[capacity];
        }

        private Builder(Payload like, int expectedSize) {
            boolean share = like.size > 0 && like.keys.length >= expectedSize;
            int capacity = share ? like.keys.length : Math.max(expectedSize, 1);
            keys = share ? like.keys : new String[capacity];
            kinds = share ? like.kinds : new Kind[capacity];
            numbers = new long[capacity];
            texts = new String[capacity];
            sharedSize = share ? like.size : 0;
        }

        public Builder text(String key, String value) {
            int i = slot(key, Kind.TEXT);
            texts[i] = value;
            return this;
        }

        public Builder longValue(String key, long value) {
            int i = slot(key, Kind.LONG);
            numbers[i] = value;
            texts[i] = null;
            return this;
        }

        public Builder doubleValue(String key, double value) {
            int i = slot(key, Kind.DOUBLE);
            numbers[i] = Double.doubleToRawLongBits(value);
            texts[i] = null;
            return this;
        }

        public int size() {
            return size;
        }

        public Payload build() {
            return new Payload(this);
        }

        /** The index of {@code key}'s entry, which now holds a value of {@code kind}. */
        private int slot(String key, Kind kind) {
            if (sharedSize > 0) {
                if (size < sharedSize && key != null && kinds[size] == kind
                        && (keys[size] == key || keys[size].equals(key))) {
                    return size++;
                }
                stopSharing();
            }
            int i = slot(key);
            kinds[i] = kind;
            return i;
        }

        private void stopSharing() {
            keys = keys.clone();
            kinds = kinds.clone();
            for (int i = 0; i < size; i++) {
                hashBits |= 1L << keys[i].hashCode();
            }
            sharedSize = 0;
        }

        private int slot(String key) {
            if (key == null) {
                throw new NullPointerException("payload key");
            }
            // The agent's writer puts every field of every event here: comparing each key with every key before it
            // was a twentieth of its time as text, and still a sixth of flattening a bar by hash codes.
            int hash = key.hashCode();
            long bit = 1L << hash;
            if ((hashBits & bit) != 0) {
                for (int i = 0; i < size; i++) {
                    if (keys[i].hashCode() == hash && keys[i].equals(key)) {
                        return i;
                    }
                }
            }
            hashBits |= bit;
            if (size == keys.length) {
                int capacity = size * 2;
                keys = Arrays.copyOf(keys, capacity);
                kinds = Arrays.copyOf(kinds, capacity);
                numbers = Arrays.copyOf(numbers, capacity);
                texts = Arrays.copyOf(texts, capacity);
            }
            keys[size] = key;
            return size++;
        }
    }
}
