package dev.evtrace.agent;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * Puts the classes that inlined advice calls (package {@code dev.evtrace.agent.bootstrap}) in the bootstrap
 * class loader, so instrumented code in any class loader (application, plugin, child-first, the JDK's own)
 * resolves the same ones. Must run before anything loads a class of that package. The build carries the
 * package in tracer.jar as a jar of its own ({@value #RESOURCE}).
 *
 * <p>The classes are defined in the boot loader one by one ({@link BootDefiner}) rather than by appending
 * that jar to the boot class path: after an append the JVM maps only boot classes from its class-data sharing
 * archive (a program's own AppCDS archive is lost) and says so in a warning line on the program's stderr.
 * Should that fail (a JDK without the internal method it uses), the jar is appended after all.
 */
final class BootstrapClasses {
    static final String RESOURCE = "/META-INF/evtrace/bootstrap.jar";

    private BootstrapClasses() {}

    static void define(Instrumentation inst) throws IOException, URISyntaxException {
        File agentJar = new File(BootstrapClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!agentJar.isFile()) {
            return; // running from classes (tests): the bootstrap package is on the class path already
        }
        byte[] jar;
        try (InputStream in = BootstrapClasses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(agentJar + " has no " + RESOURCE + " (not a tracer.jar from this build)");
            }
            jar = in.readAllBytes();
        }
        try {
            defineInBootLoader(inst, classes(jar));
        } catch (Exception | LinkageError e) {
            append(inst, jar);
        }
    }

    /** The jar's classes by binary name, in the jar's order. */
    private static Map<String, byte[]> classes(byte[] jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().endsWith(".class")) {
                    String name = e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.');
                    classes.put(name, in.readAllBytes());
                }
            }
        }
        return classes;
    }

    /**
     * Loads {@link BootDefiner} anew in a class loader of its own and lets only that loader's unnamed module see
     * the JDK's internal {@code jdk.internal.misc} package: the program's classes, in the application loader,
     * see no more of the JDK than they did.
     */
    @SuppressWarnings("unchecked")
    private static void defineInBootLoader(Instrumentation inst, Map<String, byte[]> classes) throws Exception {
        String name = BootDefiner.class.getName();
        byte[] definer;
        try (InputStream in = BootstrapClasses.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            definer = in.readAllBytes();
        }
        ClassLoader isolated = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    throw new ClassNotFoundException(className);
                }
                return defineClass(className, definer, 0, definer.length);
            }
        };
        Class<?> type = isolated.loadClass(name);
        inst.redefineModule(Object.class.getModule(), Set.of(), Map.of("jdk.internal.misc", Set.of(type.getModule())),
                Map.of(), Set.of(), Map.of());
        ((Consumer<Map<String, byte[]>>) type.getDeclaredConstructor().newInstance()).accept(classes);
    }

    private static void append(Instrumentation inst, byte[] jar) throws IOException {
        Path file = Files.createTempFile("evtrace-bootstrap", ".jar");
        file.toFile().deleteOnExit();
        Files.copy(new ByteArrayInputStream(jar), file, StandardCopyOption.REPLACE_EXISTING);
        inst.appendToBootstrapClassLoaderSearch(new JarFile(file.toFile()));
    }
}
