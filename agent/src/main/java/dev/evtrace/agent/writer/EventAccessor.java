package dev.evtrace.agent.writer;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/**
 * Reads one configured property of an event: a no-argument method or a field of that name, found once per
 * event class (public or not, declared anywhere up the hierarchy). A class without it reads as null, and
 * one line says so.
 */
final class EventAccessor {
    private static final Object[] NO_ARGUMENTS = {};
    private final String name;
    private final String setting;
    private final Consumer<String> warn;
    private final ClassValue<Reader> readers = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            return readerFor(type);
        }
    };

    EventAccessor(String name, String setting, Consumer<String> warn) {
        this.name = name;
        this.setting = setting;
        this.warn = warn;
    }

    /** The property's value, or null when it is missing, null, or its getter throws. */
    Object read(Object event) {
        try {
            return readers.get(event.getClass()).read(event);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private interface Reader {
        Object read(Object event) throws Exception;
    }

    private Reader readerFor(Class<?> type) {
        Method method = findMethod(type);
        if (method != null) {
            // Not method::invoke: its varargs made a new empty array for every event.
            return event -> method.invoke(event, NO_ARGUMENTS);
        }
        Field field = findField(type);
        if (field != null) {
            return field::get;
        }
        warn.accept("event class " + type.getName() + " has no method or field '" + name + "' (" + setting + ")");
        return event -> null;
    }

    private Method findMethod(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name);
                if (m.getReturnType() != void.class && m.trySetAccessible()) {
                    return m;
                }
            } catch (NoSuchMethodException ignored) {
                // look in the superclass
            }
        }
        try {
            Method m = type.getMethod(name);
            return m.getReturnType() != void.class && m.trySetAccessible() ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private Field findField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                if (f.trySetAccessible()) {
                    return f;
                }
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        return null;
    }
}
