package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.BytePackerForLong;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import shaded.parquet.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The store's own ParquetMetadata and Packer, which replace parquet's to leave unloaded, until something asks for
 * them, the classes that the library's made as they initialized.
 */
class ReplacedLibraryClassesTest {

    @Test
    void parquetMetadataInitializesWithoutLoadingJackson() throws Exception {
        List<String> loaded = loadedWhile(ParquetMetadata.class, loader ->
                Class.forName(ParquetMetadata.class.getName(), true, loader), FileMetaData.class, ObjectMapper.class);

        assertThat(loaded).contains(ParquetMetadata.class.getName()).noneMatch(name -> name.contains("jackson"));
    }

    @Test
    void parquetMetadataStillWritesAFooterAsJson() {
        FileMetaData file = new FileMetaData(MessageTypeParser.parseMessageType("message e { required int64 id; }"),
                Map.of("evtrace.writer", "w1"), "evtrace");
        String json = ParquetMetadata.toJSON(new ParquetMetadata(file, List.of()));

        assertThat(json).contains("\"evtrace.writer\":\"w1\"").contains("\"createdBy\":\"evtrace\"");
    }

    @Test
    void packerMakesOnlyTheFactoriesAskedFor() throws Exception {
        List<String> loaded = loadedWhile(Packer.class, loader -> {
            Class<?> packer = Class.forName(Packer.class.getName(), true, loader);
            Object littleEndian = packer.getField("LITTLE_ENDIAN").get(null);
            packer.getMethod("newBytePacker", int.class).invoke(littleEndian, 3);
            packer.getMethod("newBytePackerForLong", int.class).invoke(littleEndian, 7);
        }, BytePacker.class);

        String bitpacking = "org.apache.parquet.column.values.bitpacking.";
        assertThat(loaded).contains(bitpacking + "ByteBitPackingLE", bitpacking + "ByteBitPackingForLongLE")
                .doesNotContain(bitpacking + "ByteBitPackingBE", bitpacking + "ByteBitPackingForLongBE",
                        bitpacking + "LemireBitPackingBE", bitpacking + "LemireBitPackingLE");
    }

    @Test
    void packerStillPacksAsTheLibraryDoes() {
        long[] values = {0, 1, 127, 64, 3, 99, 100, 5};
        BytePackerForLong packer = Packer.LITTLE_ENDIAN.newBytePackerForLong(7);
        byte[] packed = new byte[7];
        packer.pack8Values(values, 0, packed, 0);
        long[] unpacked = new long[8];
        packer.unpack8Values(packed, 0, unpacked, 0);

        assertThat(unpacked).containsExactly(values);
        // Little-endian bit order: the first value's bits come first in the first byte.
        assertThat(packed[0] & 0x7f).isZero();
        assertThat(packed[0] & 0x80).isEqualTo(0x80);
    }

    /**
     * The classes a fresh loader is asked for while {@code action} runs in it, the loader seeing {@code own}'s
     * class directory first and then the jars of {@code others}. {@code own} must come from store's classes, not
     * a library's jar: that is the class under test.
     */
    private static List<String> loadedWhile(Class<?> own, LoaderAction action, Class<?>... others) throws Exception {
        URL ownLocation = codeSource(own);
        assertThat(Files.isDirectory(Path.of(ownLocation.toURI()))).as("%s comes from store's classes", own).isTrue();
        List<URL> classpath = new ArrayList<>(List.of(ownLocation));
        for (Class<?> other : others) {
            classpath.add(codeSource(other));
        }
        List<String> loaded = new ArrayList<>();
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), platform) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        }) {
            action.run(loader);
        }
        return loaded;
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private interface LoaderAction {
        void run(ClassLoader loader) throws Exception;
    }
}
