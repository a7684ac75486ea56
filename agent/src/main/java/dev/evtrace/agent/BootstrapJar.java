package dev.evtrace.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the classes that inlined advice calls (package {@code dev.evtrace.agent.bootstrap}) on the bootstrap
 * class path, so instrumented code in any class loader (application, plugin, child-first) resolves the same
 * ones. Must run before anything loads a class of that package.
 */
final class BootstrapJar {
    static final String PACKAGE_PATH = "dev/evtrace/agent/bootstrap/";

    private BootstrapJar() {}

    static void appendTo(Instrumentation inst) throws IOException, URISyntaxException {
        File agentJar = new File(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!agentJar.isFile()) {
            return; // running from classes (tests): the bootstrap package is on the class path already
        }
        Path jar = Files.createTempFile("evtrace-bootstrap", ".jar");
        jar.toFile().deleteOnExit();
        try (JarFile source = new JarFile(agentJar);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PACKAGE_PATH) && !entry.isDirectory()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
