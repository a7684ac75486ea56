package dev.evtrace.agent.writer;

import dev.evtrace.store.UnsafeAccess;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** Where an instance field lies in its objects, for reading it with {@link Unsafe} (see {@link Payloads}). */
final class FieldOffsets {
    /** Null on a JVM that does not give it out: every field is then read through reflection. */
    static final Unsafe UNSAFE = UnsafeAccess.UNSAFE;

    private FieldOffsets() {}

    /** The field's offset, or -1 where it has none to read by (a record's or a hidden class's field). */
    static long of(Field field) {
        if (UNSAFE == null) {
            return -1;
        }
        try {
            return UNSAFE.objectFieldOffset(field);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
