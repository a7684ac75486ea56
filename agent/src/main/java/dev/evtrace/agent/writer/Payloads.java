package dev.evtrace.agent.writer;

import dev.evtrace.agent.Config.PayloadMode;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an event into string key/values, on the writer thread: its fields (nested objects flattened as
 * {@code a.b}, bounded in depth, count and length) or its toString. Whatever the event holds (cycles, huge
 * collections, a toString that throws), the result is bounded and the event is marked truncated.
 */
final class Payloads {
    static final String TRUNCATED = "_truncated";
    static final int MAX_DEPTH = 2;
    static final int MAX_ENTRIES = 64;
    static final int MAX_VALUE_CHARS = 256;

    private final PayloadMode mode;
    private final ClassValue<List<Field>> fields = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return instanceFields(type);
        }
    };

    Payloads(PayloadMode mode) {
        this.mode = mode;
    }

    Map<String, String> of(Object event) {
        return switch (mode) {
            case NONE -> Map.of();
            case TOSTRING -> {
                Map<String, String> out = new LinkedHashMap<>();
                out.put("value", bounded(safeToString(event), out));
                yield out;
            }
            case FIELDS -> {
                Map<String, String> out = new LinkedHashMap<>();
                flatten("", event, 0, out, new IdentityHashMap<>());
                yield out;
            }
        };
    }

    private void flatten(String prefix, Object object, int depth, Map<String, String> out, Map<Object, Boolean> path) {
        path.put(object, Boolean.TRUE);
        for (Field field : fields.get(object.getClass())) {
            if (out.size() >= MAX_ENTRIES) {
                out.put(TRUNCATED, "true");
                break;
            }
            String key = prefix + field.getName();
            Object value;
            try {
                value = field.get(object);
            } catch (Exception e) {
                continue;
            }
            if (value == null || isScalar(value)) {
                out.put(key, value == null ? null : bounded(scalar(value), out));
            } else if (path.containsKey(value)) {
                out.put(key, "<cycle>");
                out.put(TRUNCATED, "true");
            } else if (value instanceof Collection<?> c) {
                out.put(key + ".size", Integer.toString(c.size()));
            } else if (value instanceof Map<?, ?> m) {
                out.put(key + ".size", Integer.toString(m.size()));
            } else if (value.getClass().isArray()) {
                out.put(key + ".length", Integer.toString(Array.getLength(value)));
            } else if (depth + 1 < MAX_DEPTH && !fields.get(value.getClass()).isEmpty()) {
                flatten(key + ".", value, depth + 1, out, path);
            } else {
                out.put(key, bounded(safeToString(value), out));
            }
        }
        path.remove(object);
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

    private static String bounded(String s, Map<String, String> out) {
        if (s.length() <= MAX_VALUE_CHARS) {
            return s;
        }
        out.put(TRUNCATED, "true");
        return s.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && f.trySetAccessible()) {
                    out.add(f);
                }
            }
        }
        return List.copyOf(out);
    }
}
