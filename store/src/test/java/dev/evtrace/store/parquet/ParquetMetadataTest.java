package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import shaded.parquet.com.fasterxml.jackson.databind.ObjectMapper;

/** The store's ParquetMetadata, which replaces parquet-hadoop's to leave Jackson unloaded until JSON is asked for. */
class ParquetMetadataTest {

    @Test
    void isTheStoresOwnAndInitializesWithoutLoadingJackson() throws Exception {
        URL own = ParquetMetadata.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(Files.isDirectory(Path.of(own.toURI()))).as("the class comes from store's classes, not the jar").isTrue();
        List<String> loaded = new ArrayList<>();
        URL[] classpath = {own, codeSource(FileMetaData.class), codeSource(ObjectMapper.class)};
        try (URLClassLoader loader = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        }) {
            Class.forName(ParquetMetadata.class.getName(), true, loader);
        }

        assertThat(loaded).contains(ParquetMetadata.class.getName()).noneMatch(name -> name.contains("jackson"));
    }

    @Test
    void stillWritesAFooterAsJson() {
        FileMetaData file = new FileMetaData(MessageTypeParser.parseMessageType("message e { required int64 id; }"),
                Map.of("evtrace.writer", "w1"), "evtrace");
        String json = ParquetMetadata.toJSON(new ParquetMetadata(file, List.of()));

        assertThat(json).contains("\"evtrace.writer\":\"w1\"").contains("\"createdBy\":\"evtrace\"");
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
