package dev.evtrace.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts the classes that inlined advice calls (package {@code dev.evtrace.agent.bootstrap}) on the bootstrap
 * class path, so instrumented code in any class loader (application, plugin, child-first) resolves the same
 * ones. Must run before anything loads a class of that package. The build carries the package in tracer.jar
 * as a jar of its own ({@value #RESOURCE}), copied out to a temporary file here.
 */
final class BootstrapJar {
    static final String RESOURCE = "/META-INF/evtrace/bootstrap.jar";

    private BootstrapJar() {}

    static void appendTo(Instrumentation inst) throws IOException, URISyntaxException {
        File agentJar = new File(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!agentJar.isFile()) {
            return; // running from classes (tests): the bootstrap package is on the class path already
        }
        Path jar = Files.createTempFile("evtrace-bootstrap", ".jar");
        jar.toFile().deleteOnExit();
        try (InputStream in = BootstrapJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(agentJar + " has no " + RESOURCE + " (not a tracer.jar from this build)");
            }
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
