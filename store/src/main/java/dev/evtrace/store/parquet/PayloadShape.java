package dev.evtrace.store.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.decimalType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;

import dev.evtrace.store.Payload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The payload columns of one event file: a column per key, typed by the values seen (one event type per file,
 * so usually the fields of one class). A long is an INT64, a double a DECIMAL when it is a short decimal
 * fraction (a price in cents: its digits are all there is to store) or a DOUBLE, anything else text. Every
 * value reads back as the same text it would have had in a text payload: a double goes in as a decimal only
 * when dividing the stored integer by the scale gives back exactly the same double.
 *
 * <p>Immutable. A row that does not fit (a new key, or a value the column's type cannot hold exactly) needs
 * a new file, whose shape is this one {@link #with widened} for the row; a key is widened a bounded number of
 * times (decimal scales up to {@value #MAX_SCALE}, then double or text), so files do not multiply.
 */
final class PayloadShape {
    enum Kind { TEXT, LONG, DOUBLE, DECIMAL }

    static final PayloadShape NONE = new PayloadShape(new String[0], new Kind[0], new int[0]);
    static final int MAX_SCALE = 9;
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    // Beyond 2^53 a double no longer holds every integer: the stored integer would not be exact.
    private static final double EXACT_LIMIT = 0x1p53;
    // No unscaled integer is this far from zero (they stay below 2^53).
    static final long NOT_EXACT = Long.MIN_VALUE;
    /** {@link #place}: a null, which needs no column. */
    static final int ABSENT = -1;
    /** {@link #place}: no column of this shape holds the value exactly. */
    static final int REFUSED = -2;

    private final String[] keys;
    private final Kind[] kinds;
    private final int[] scales;
    private final Map<String, Integer> index = new HashMap<>();

    private PayloadShape(String[] keys, Kind[] kinds, int[] scales) {
        this.keys = keys;
        this.kinds = kinds;
        this.scales = scales;
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
    }

    int size() {
        return keys.length;
    }

    String key(int column) {
        return keys[column];
    }

    Kind kind(int column) {
        return kinds[column];
    }

    int scale(int column) {
        return scales[column];
    }

    /** The column of {@code key}, or -1; {@code hint} is where it usually is (entries come in field order). */
    int columnOf(String key, int hint) {
        // Keys are mostly the very objects the shape was made from (a class's interned field names): C1, which
        // compiles the writer, calls String.equals rather than inlining its identity check.
        if (hint < keys.length && (keys[hint] == key || keys[hint].equals(key))) {
            return hint;
        }
        Integer column = index.get(key);
        return column == null ? -1 : column;
    }

    /** Whether every entry of {@code data} has a column that holds its value exactly. A null key throws. */
    boolean accepts(Map<String, String> data) {
        if (data instanceof Payload p) {
            return placeAll(p, new int[p.size()], new long[p.size()]);
        }
        int i = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            int column = columnOf(Objects.requireNonNull(entry.getKey(), "payload key"), i++);
            if (column < 0 ? entry.getValue() != null : kinds[column] != Kind.TEXT && entry.getValue() != null) {
                return false;
            }
        }
        return true;
    }

    /** {@link #place} for every value of {@code p}, its column in {@code places[i]}: false at the first refused. */
    boolean placeAll(Payload p, int[] places, long[] integers) {
        for (int i = 0; i < p.size(); i++) {
            int column = place(p, i, integers);
            if (column == REFUSED) {
                return false;
            }
            places[i] = column;
        }
        return true;
    }

    /**
     * Where the i-th value of {@code p} goes: its column, {@link #ABSENT} for a null (no column needed), or
     * {@link #REFUSED} when no column holds it exactly. For an INT64 column (a long, or a decimal's unscaled
     * integer) the value to store is left in {@code integers[i]}, so that a row is checked and converted once.
     */
    int place(Payload p, int i, long[] integers) {
        if (p.isNull(i)) {
            return ABSENT;
        }
        Payload.Kind kind = p.kind(i);
        int column = columnOf(p.key(i), i);
        if (column < 0) {
            return REFUSED;
        }
        switch (kinds[column]) {
            case LONG -> {
                if (kind != Payload.Kind.LONG) {
                    return REFUSED;
                }
                integers[i] = p.longValue(i);
            }
            case DOUBLE -> {
                if (kind != Payload.Kind.DOUBLE) {
                    return REFUSED;
                }
            }
            case DECIMAL -> {
                long unscaled = kind == Payload.Kind.DOUBLE ? exactly(p.doubleValue(i), scales[column]) : NOT_EXACT;
                if (unscaled == NOT_EXACT) {
                    return REFUSED;
                }
                integers[i] = unscaled;
            }
            case TEXT -> {
                // Text holds any value, as its text.
            }
        }
        return column;
    }

    /** This shape grown to hold {@code data}: new keys appended, columns that cannot hold a value widened. */
    PayloadShape with(Map<String, String> data) {
        List<String> k = new ArrayList<>(Arrays.asList(keys));
        List<Kind> t = new ArrayList<>(Arrays.asList(kinds));
        List<Integer> s = new ArrayList<>();
        for (int scale : scales) {
            s.add(scale);
        }
        Payload p = data instanceof Payload typed ? typed : null;
        int i = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String key = entry.getKey();
            if (key == null) {
                throw new NullPointerException("payload key");
            }
            Kind kind = p == null ? Kind.TEXT : valueKind(p, i);
            int scale = kind == Kind.DECIMAL ? scaleOf(p.doubleValue(i)) : 0;
            boolean isNull = p == null ? entry.getValue() == null : p.isNull(i);
            i++;
            if (isNull) {
                continue;
            }
            int column = k.indexOf(key);
            if (column < 0) {
                k.add(key);
                t.add(kind);
                s.add(scale);
            } else if (t.get(column) != kind || (kind == Kind.DECIMAL && s.get(column) < scale)) {
                Kind widened = widen(t.get(column), kind);
                t.set(column, widened);
                s.set(column, widened == Kind.DECIMAL ? Math.max(s.get(column), scale) : 0);
            }
        }
        return new PayloadShape(k.toArray(String[]::new), t.toArray(Kind[]::new),
                s.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The {@code data} group's fields, in column order; all optional, as an event may lack any key. */
    List<Type> fields() {
        List<Type> fields = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            fields.add(switch (kinds[i]) {
                case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(stringType()).named(keys[i]);
                case LONG -> Types.optional(PrimitiveTypeName.INT64).named(keys[i]);
                case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(keys[i]);
                case DECIMAL -> Types.optional(PrimitiveTypeName.INT64).as(decimalType(scales[i], 18)).named(keys[i]);
            });
        }
        return fields;
    }

    /**
     * The integer nearest {@code x}, for |x| < 2^53. {@code Math.rint} rather than {@code Math.round}: C2 makes it
     * one instruction, where {@code Math.round}'s branches on sign and magnitude, untaken until a run's first
     * negative or zero value, threw away the compiled row-writing code that inlined it (four methods at once in
     * the reference run). The two differ only at exact halves, which no value that fits a scale is.
     */
    private static long nearest(double x) {
        return (long) Math.rint(x);
    }

    /** What a decimal column's integer stands for: exactly the double that was stored. */
    static double scaled(long unscaled, int scale) {
        return unscaled / POWERS[scale];
    }

    static boolean fits(double value, int scale) {
        return exactly(value, scale) != NOT_EXACT;
    }

    /** The integer a decimal column of {@code scale} stores for {@code value}, or {@link #NOT_EXACT}. */
    static long exactly(double value, int scale) {
        double scaledUp = value * POWERS[scale];
        if (!(Math.abs(scaledUp) < EXACT_LIMIT)) {
            return NOT_EXACT;
        }
        long unscaled = nearest(scaledUp);
        return Double.doubleToRawLongBits(scaled(unscaled, scale)) == Double.doubleToRawLongBits(value)
                ? unscaled : NOT_EXACT;
    }

    /** The smallest scale that holds {@code value} exactly, or -1. */
    static int scaleOf(double value) {
        for (int scale = 0; scale <= MAX_SCALE; scale++) {
            if (fits(value, scale)) {
                return scale;
            }
        }
        return -1;
    }

    private static Kind valueKind(Payload p, int i) {
        return switch (p.kind(i)) {
            case TEXT -> Kind.TEXT;
            case LONG -> Kind.LONG;
            case DOUBLE -> scaleOf(p.doubleValue(i)) >= 0 ? Kind.DECIMAL : Kind.DOUBLE;
        };
    }

    /** Long and double values in one column read back differently ("5" and "5.0"): only text holds both. */
    private static Kind widen(Kind column, Kind value) {
        if (column == value) {
            return column;
        }
        boolean doubles = (column == Kind.DOUBLE || column == Kind.DECIMAL)
                && (value == Kind.DOUBLE || value == Kind.DECIMAL);
        return doubles ? Kind.DOUBLE : Kind.TEXT;
    }
}
