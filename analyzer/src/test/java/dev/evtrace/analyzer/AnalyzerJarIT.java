package dev.evtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the built analyzer.jar carries. */
class AnalyzerJarIT {

    /**
     * The store's ParquetMetadata, not parquet-hadoop's, whose static initializer makes a JSON mapper out of some 370
     * of Jackson's classes in every command that reads a footer (BENCHMARKS.md, session 15).
     */
    @Test
    void carriesTheStoresParquetMetadata() throws IOException {
        Path jar = Path.of(System.getProperty("analyzer.launcher")).resolveSibling("analyzer.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry("org/apache/parquet/hadoop/metadata/ParquetMetadata.class");
            assertThat(entry).isNotNull();
            String bytes = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).contains("toJSON").doesNotContain("<clinit>");
        }
    }
}
