package dev.evtrace.agent.writer;

import dev.evtrace.agent.bootstrap.RecentClasses;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import java.util.function.Function;

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
    private final RecentClasses<Function<Object, Object>> readers = new RecentClasses<>(new ClassValue<>() {
        @Override
        protected Function<Object, Object> computeValue(Class<?> type) {
            return readerFor(type);
        }
    }, 4);

    EventAccessor(String name, String setting, Consumer<String> warn) {
        this.name = name;
        this.setting = setting;
        this.warn = warn;
    }

    /** The property's value, or null when it is missing, null, or its getter throws. */
    Object read(Object event) {
        try {
            return readers.get(event.getClass()).apply(event);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private Function<Object, Object> readerFor(Class<?> type) {
        Method method = findMethod(type);
        if (method != null) {
            Function<Object, Object> call = directCall(method);
            // Not method::invoke: its varargs made a new empty array for every event.
            return call != null ? call : event -> {
                try {
                    return method.invoke(event, NO_ARGUMENTS);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            };
        }
        Field field = findField(type);
        if (field != null) {
            return event -> {
                try {
                    return field.get(event);
                } catch (IllegalAccessException e) {
                    return null;
                }
            };
        }
        warn.accept("event class " + type.getName() + " has no method or field '" + name + "' (" + setting + ")");
        return event -> null;
    }

    /**
     * The getter called as plain code, in a class the JDK spins beside the getter's (as it does for a method
     * reference), or null where it cannot (a class in a named module or in another class loader than the agent's):
     * the writer's code runs as C1 compiles it, and C1 makes a reflective call three calls deep, its result boxed
     * in an array's checks, where this is one call that C1 can inline the getter into (BENCHMARKS.md, session 24).
     */
    static Function<Object, Object> directCall(Method method) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(),
                    MethodHandles.lookup());
            MethodHandle getter = lookup.unreflect(method);
            MethodType generic = MethodType.methodType(Object.class, Object.class);
            @SuppressWarnings("unchecked")
            Function<Object, Object> call = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), generic, getter, getter.type().wrap()).getTarget().invoke();
            return call;
        } catch (Throwable t) {
            return null;
        }
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
