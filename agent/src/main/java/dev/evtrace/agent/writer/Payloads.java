package dev.evtrace.agent.writer;

import dev.evtrace.agent.Config.PayloadMode;
import dev.evtrace.agent.bootstrap.RecentClasses;
import dev.evtrace.store.Payload;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns an event into key/values, on the writer thread: its fields (nested objects flattened as {@code a.b},
 * bounded in depth, count and length) or its toString. Whole numbers and doubles stay numbers (the store keeps
 * them in typed columns; formatting a double as text was a tenth of the writer's time); everything else is text.
 * Whatever the event holds (cycles, huge collections, a toString that throws), the result is bounded and the
 * event is marked truncated.
 */
final class Payloads {
    static final String TRUNCATED = "_truncated";
    static final int MAX_DEPTH = 2;
    static final int MAX_ENTRIES = 64;
    static final int MAX_VALUE_CHARS = 256;
    // How a field is read: stored numbers and references by offset, everything else through reflection.
    private static final int DOUBLE = 0;
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int SHORT = 3;
    private static final int BYTE = 4;
    private static final int OBJECT = 5;
    private static final int REFLECTED_DOUBLE = 6;
    private static final int REFLECTED_LONG = 7;
    private static final int REFLECTED = 8;
    private static final FieldReader[] NO_FIELDS = {};

    private final PayloadMode mode;
    // The objects being flattened, outermost first: one writer thread uses this instance.
    private final Object[] path = new Object[MAX_DEPTH];
    private final RecentClasses<EventFields> fields = new RecentClasses<>(new ClassValue<>() {
        @Override
        protected EventFields computeValue(Class<?> type) {
            return new EventFields(instanceFields(type));
        }
    }, 4);
    private Payload lastText = Payload.empty();

    Payloads(PayloadMode mode) {
        this.mode = mode;
    }

    Payload of(Object event) {
        return switch (mode) {
            case NONE -> Payload.empty();
            case TOSTRING -> {
                Payload.Builder out = Payload.builderLike(lastText, 2);
                out.text("value", bounded(safeToString(event), out));
                yield lastText = out.build();
            }
            case FIELDS -> {
                EventFields type = fields.get(event.getClass());
                Payload.Builder out = Payload.builderLike(type.last, type.readers.length);
                flatten("", event, type.readers, 0, out);
                yield type.last = out.build();
            }
        };
    }

    private void flatten(String prefix, Object object, FieldReader[] readers, int depth, Payload.Builder out) {
        path[depth] = object;
        for (FieldReader reader : readers) {
            if (out.size() >= MAX_ENTRIES) {
                out.text(TRUNCATED, "true");
                break;
            }
            String key = prefix.isEmpty() ? reader.name : prefix + reader.name;
            try {
                // Primitive fields are read as they are: boxing every price and volume made garbage per event.
                long at = reader.offset;
                switch (reader.kind) {
                    case DOUBLE -> out.doubleValue(key, FieldOffsets.UNSAFE.getDouble(object, at));
                    case LONG -> out.longValue(key, FieldOffsets.UNSAFE.getLong(object, at));
                    case INT -> out.longValue(key, FieldOffsets.UNSAFE.getInt(object, at));
                    case SHORT -> out.longValue(key, FieldOffsets.UNSAFE.getShort(object, at));
                    case BYTE -> out.longValue(key, FieldOffsets.UNSAFE.getByte(object, at));
                    case OBJECT -> flattenValue(key, FieldOffsets.UNSAFE.getObject(object, at), depth, out);
                    case REFLECTED_DOUBLE -> out.doubleValue(key, reader.field.getDouble(object));
                    case REFLECTED_LONG -> out.longValue(key, reader.field.getLong(object));
                    default -> flattenValue(key, reader.field.get(object), depth, out);
                }
            } catch (Exception e) {
                // An unreadable field is left out.
            }
        }
        path[depth] = null;
    }

    private void flattenValue(String key, Object value, int depth, Payload.Builder out) {
        if (value == null) {
            out.text(key, null);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.longValue(key, ((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.doubleValue(key, d);
        } else if (isScalar(value)) {
            out.text(key, bounded(scalar(value), out));
        } else if (onPath(value, depth)) {
            out.text(key, "<cycle>");
            out.text(TRUNCATED, "true");
        } else if (value instanceof Collection<?> c) {
            out.longValue(key + ".size", c.size());
        } else if (value instanceof Map<?, ?> m) {
            out.longValue(key + ".size", m.size());
        } else if (value.getClass().isArray()) {
            out.longValue(key + ".length", Array.getLength(value));
        } else {
            FieldReader[] nested = depth + 1 < MAX_DEPTH ? fields.get(value.getClass()).readers : NO_FIELDS;
            if (nested.length > 0) {
                flatten(key + ".", value, nested, depth + 1, out);
            } else {
                out.text(key, bounded(safeToString(value), out));
            }
        }
    }

    /** Whether {@code value} is the event or an object being flattened inside it (a cycle). */
    private boolean onPath(Object value, int depth) {
        for (int i = 0; i <= depth; i++) {
            if (path[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScalar(Object v) {
        return v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Character
                || v instanceof Enum<?> || v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID;
    }

    private static String scalar(Object v) {
        return v instanceof Enum<?> e ? e.name() : v.toString();
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (Throwable t) {
            return "<toString threw " + t.getClass().getName() + ">";
        }
    }

    private static String bounded(String s, Payload.Builder out) {
        if (s.length() <= MAX_VALUE_CHARS) {
            return s;
        }
        out.text(TRUNCATED, "true");
        return s.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static FieldReader[] instanceFields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<FieldReader> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && f.trySetAccessible()) {
                    out.add(new FieldReader(f));
                }
            }
        }
        return out.toArray(FieldReader[]::new);
    }

    /**
     * A class's fields, and the last payload made of an event of that class, whose keys and kinds the next one's
     * shares while they match (most events of a class have the same fields with values of the same kinds).
     */
    private static final class EventFields {
        final FieldReader[] readers;
        Payload last = Payload.empty();

        EventFields(FieldReader[] readers) {
            this.readers = readers;
        }
    }

    /**
     * An instance field, its name and how to read it, worked out once per class: asking the field for its name
     * and type for every event, through a list's iterator, was a tenth of flattening a bar on the writer's C1 code.
     * A field is read by its offset where it can be (a record's, a hidden class's or a volatile one cannot): the
     * writer's code runs as C1 compiles it, and C1 makes a reflective read three calls, one through an interface,
     * where a read by offset is a load (BENCHMARKS.md, session 24). Only a reader made for an object's own class
     * reads it, so an offset is never applied to an object of another class.
     */
    private static final class FieldReader {
        final Field field;
        final String name;
        final int kind;
        final long offset;

        FieldReader(Field field) {
            this.field = field;
            this.name = field.getName();
            Class<?> type = field.getType();
            long at = Modifier.isVolatile(field.getModifiers()) ? -1 : FieldOffsets.of(field);
            if (type == double.class) {
                kind = at < 0 ? REFLECTED_DOUBLE : DOUBLE;
            } else if (type == long.class || type == int.class || type == short.class || type == byte.class) {
                kind = at < 0 ? REFLECTED_LONG
                        : type == long.class ? LONG : type == int.class ? INT : type == short.class ? SHORT : BYTE;
            } else {
                // float, boolean and char print as text, boxed by reflection as before.
                kind = at >= 0 && !type.isPrimitive() ? OBJECT : REFLECTED;
            }
            offset = at;
        }
    }
}
