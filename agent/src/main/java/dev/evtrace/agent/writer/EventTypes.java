package dev.evtrace.agent.writer;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/**
 * The type name of an event: the value of the configured accessor method or field ({@code tracer.event.type},
 * e.g. {@code getType}), or else the event class's simple name. Resolved on the writer thread, once per class.
 */
final class EventTypes {
    private final String accessor;
    private final Consumer<String> warn;
    private final ClassValue<Reader> readers = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            return readerFor(type);
        }
    };

    EventTypes(String accessor, Consumer<String> warn) {
        this.accessor = accessor;
        this.warn = warn;
    }

    String typeOf(Object event) {
        return readers.get(event.getClass()).read(event);
    }

    private interface Reader {
        String read(Object event);
    }

    private Reader readerFor(Class<?> type) {
        String simpleName = simpleName(type);
        if (accessor.isEmpty()) {
            return event -> simpleName;
        }
        Method method = findMethod(type);
        if (method != null) {
            return event -> valueOr(invoke(method, event), simpleName);
        }
        Field field = findField(type);
        if (field != null) {
            return event -> valueOr(get(field, event), simpleName);
        }
        warn.accept("event class " + type.getName() + " has no method or field '" + accessor
                + "' (tracer.event.type); its events are typed " + simpleName);
        return event -> simpleName;
    }

    private Method findMethod(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(accessor);
                if (m.getReturnType() != void.class && m.trySetAccessible()) {
                    return m;
                }
            } catch (NoSuchMethodException ignored) {
                // look in the superclass
            }
        }
        try {
            Method m = type.getMethod(accessor);
            return m.getReturnType() != void.class && m.trySetAccessible() ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private Field findField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(accessor);
                if (f.trySetAccessible()) {
                    return f;
                }
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        return null;
    }

    private static Object invoke(Method method, Object event) {
        try {
            return method.invoke(event);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static Object get(Field field, Object event) {
        try {
            return field.get(event);
        } catch (Exception e) {
            return null;
        }
    }

    private static String valueOr(Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        String s = value.toString();
        return s == null || s.isEmpty() ? fallback : s;
    }

    static String simpleName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
