package dev.evtrace.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Defines classes in the bootstrap class loader through the JDK's internal {@code Unsafe.defineClass}. Loaded
 * by {@link BootstrapClasses} in a class loader of its own, whose module alone is given the internal package:
 * it may use nothing but the JDK. A class whose supertype in the same batch is not defined yet is tried again
 * after the others.
 */
public final class BootDefiner implements Consumer<Map<String, byte[]>> {
    @Override
    public void accept(Map<String, byte[]> classes) {
        try {
            Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
            Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, java.security.ProtectionDomain.class);
            List<String> pending = new ArrayList<>(classes.keySet());
            while (!pending.isEmpty()) {
                List<String> later = new ArrayList<>();
                for (String name : pending) {
                    byte[] b = classes.get(name);
                    try {
                        define.invoke(unsafe, name, b, 0, b.length, null, null);
                    } catch (InvocationTargetException e) {
                        if (!(e.getCause() instanceof NoClassDefFoundError)) {
                            throw e;
                        }
                        later.add(name);
                    }
                }
                if (later.size() == pending.size()) {
                    throw new IllegalStateException("cannot define " + later + " in the boot loader");
                }
                pending = later;
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
