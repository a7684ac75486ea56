package dev.evtrace.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.evtrace.agent.bootstrap.DeferredEvent;
import dev.evtrace.agent.bootstrap.RunState;
import java.io.Serializable;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.FieldPersistence;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.FieldAccessor;

/**
 * Makes the program's event class a {@link DeferredEvent} as it loads: two fields and the three methods that
 * read and write them. Only a class can take them (not an interface or a record, whose fields are its
 * components), and only as it loads: a retransformation can neither add members nor remove them.
 */
public final class EventFields {
    private EventFields() {}

    public static boolean canCarry(TypeDescription type) {
        if (type.isInterface() || type.isRecord() || type.isAssignableTo(DeferredEvent.class)) {
            return false;
        }
        // Java serialization derives the serialVersionUID of a class that declares none from its members and
        // interfaces: with ours added it could no longer read what the untraced program wrote.
        return !type.isAssignableTo(Serializable.class)
                || !type.getDeclaredFields().filter(named("serialVersionUID")).isEmpty();
    }

    /**
     * Whether a loaded class took the members as it loaded. Retransforming it (another agent may) starts again
     * from the class file it was loaded from, and a retransformation must not remove members: it takes them
     * again.
     */
    public static boolean carries(Class<?> loaded) {
        for (Class<?> i : loaded.getInterfaces()) {
            if (i == DeferredEvent.class) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the event class's loader resolves {@link DeferredEvent} to the agent's own: a loader that hands
     * only {@code java.*} to the boot loader (OSGi's default) would fail to load an event class implementing it,
     * where a missing {@code Tracer} only turns the advice off.
     */
    public static boolean visibleFrom(ClassLoader loader) {
        try {
            return Class.forName(DeferredEvent.class.getName(), false, loader) == DeferredEvent.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static DynamicType.Builder<?> add(DynamicType.Builder<?> builder) {
        return builder
                .defineField(DeferredEvent.RUN_FIELD, RunState.class,
                        Visibility.PRIVATE, FieldPersistence.TRANSIENT, SyntheticState.SYNTHETIC)
                // Volatile: written after the run, it publishes both to the thread that delivers the event.
                .defineField(DeferredEvent.ID_FIELD, long.class,
                        Visibility.PRIVATE, FieldPersistence.TRANSIENT, FieldManifestation.VOLATILE, SyntheticState.SYNTHETIC)
                .implement(DeferredEvent.class)
                .defineMethod("evtrace$defer", void.class, Visibility.PUBLIC, SyntheticState.SYNTHETIC)
                .withParameters(long.class, RunState.class)
                .intercept(FieldAccessor.ofField(DeferredEvent.RUN_FIELD).setsArgumentAt(1)
                        .andThen(FieldAccessor.ofField(DeferredEvent.ID_FIELD).setsArgumentAt(0)))
                .defineMethod("evtrace$eventId", long.class, Visibility.PUBLIC, SyntheticState.SYNTHETIC)
                .intercept(FieldAccessor.ofField(DeferredEvent.ID_FIELD))
                .defineMethod("evtrace$run", RunState.class, Visibility.PUBLIC, SyntheticState.SYNTHETIC)
                .intercept(FieldAccessor.ofField(DeferredEvent.RUN_FIELD));
    }
}
