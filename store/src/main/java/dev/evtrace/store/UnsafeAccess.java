package dev.evtrace.store;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * The JVM's {@link Unsafe}, for the writer's code that C1 compiles, where the safe APIs are chains of calls: the
 * journal's stores by address, the payload's field reads by offset (BENCHMARKS.md, sessions 23 and 24).
 */
public final class UnsafeAccess {
    /** Null on a JVM that does not give it out: its users then do without (one line on stderr, or reflection). */
    public static final Unsafe UNSAFE = unsafe();

    private UnsafeAccess() {}

    private static Unsafe unsafe() {
        try {
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            return (Unsafe) theUnsafe.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
