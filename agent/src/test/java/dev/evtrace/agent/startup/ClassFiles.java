package dev.evtrace.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The class file a class was loaded from, as the gate sees it. */
final class ClassFiles {
    private ClassFiles() {}

    static byte[] of(Class<?> type) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassHeader headerOf(Class<?> type) {
        return ClassHeader.parse(of(type));
    }
}
