package dev.evtrace.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What tracer.jar's classes cost a traced JVM beyond their loading. */
class TracerJarIT {
    private static final String INDY_CONCAT = "makeConcatWithConstants";

    /**
     * Each invokedynamic concatenation spins method-handle classes through the JDK's ASM the first time it runs, in
     * every traced JVM, and C1 and C2 then compile that ASM (BENCHMARKS.md, 2026-12-06 night): the tracer's modules
     * are compiled with {@code -XDstringConcat=inline}.
     */
    @Test
    void theTracersOwnClassesConcatenateWithoutInvokedynamic() throws IOException {
        List<String> own = new ArrayList<>();
        List<String> indy = new ArrayList<>();
        try (JarFile jar = new JarFile(JavaProcess.TRACER_JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("dev/evtrace/") && !name.startsWith("dev/evtrace/shaded/") && name.endsWith(".class")) {
                    own.add(name);
                    // The bootstrap method's name is a UTF-8 constant of every class that uses it; one byte a char.
                    String bytes = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (bytes.contains(INDY_CONCAT)) {
                        indy.add(name);
                    }
                }
            }
        }

        assertThat(own).hasSizeGreaterThan(100);
        assertThat(indy).isEmpty();
    }

    /**
     * The store's ParquetMetadata and Packer, not parquet's, whose static initializers load some 370 of Jackson's
     * classes and 164 packer classes nothing uses (BENCHMARKS.md, session 15): the store's ParquetMetadata has no
     * static initializer, and its Packer names no factory class itself.
     */
    @Test
    void carriesTheStoresParquetMetadataAndPacker() throws IOException {
        try (JarFile jar = new JarFile(JavaProcess.TRACER_JAR.toFile())) {
            String parquet = "dev/evtrace/shaded/org/apache/parquet/";
            assertThat(classBytes(jar, parquet + "hadoop/metadata/ParquetMetadata")).contains("toJSON")
                    .doesNotContain("<clinit>");
            assertThat(classBytes(jar, parquet + "column/values/bitpacking/Packer")).contains("LITTLE_ENDIAN")
                    .doesNotContain("BitPacking");
            assertThat(jar.getJarEntry(parquet + "column/values/bitpacking/Packer$LittleEndianLongs.class")).isNotNull();
        }
    }

    /** A class's bytes, one char a byte: its constants' names show as they are. */
    private static String classBytes(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name + ".class");
        assertThat(entry).as(name).isNotNull();
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
