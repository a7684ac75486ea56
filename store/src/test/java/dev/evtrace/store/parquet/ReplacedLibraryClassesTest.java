package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.zstd.ZstdCompressor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * them, the classes that the library's made as they initialized, and its own Huffman table, which orders a block's
 * symbols in fewer steps.
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

    @Test
    void huffmanTablesCompressToTheLibrarysVeryBytes() throws Exception {
        Class<?> table = Class.forName("io.airlift.compress.zstd.HuffmanCompressionTable");
        assertThat(Files.isDirectory(Path.of(codeSource(table).toURI()))).as("store's own table").isTrue();
        ZstdCompressor ours = new ZstdCompressor();
        try (URLClassLoader library = new URLClassLoader(new URL[] {codeSource(ZstdCompressor.class)},
                ClassLoader.getPlatformClassLoader())) {
            Object theirs = library.loadClass(ZstdCompressor.class.getName()).getConstructor().newInstance();
            Method compress = theirs.getClass().getMethod("compress", byte[].class, int.class, int.class,
                    byte[].class, int.class, int.class);
            SplittableRandom random = new SplittableRandom(7);
            int inputs = 0;
            // Alphabets from two symbols to all 256, skewed or flat (equal counts: ties), with and without byte 0,
            // in one block and in several.
            for (int alphabet : new int[] {2, 3, 17, 100, 255, 256}) {
                for (boolean skewed : new boolean[] {true, false}) {
                    for (int length : new int[] {1_000, 70_000, 300_000}) {
                        byte[] input = new byte[length];
                        for (int i = 0; i < length; i++) {
                            int symbol = skewed ? Math.min(alphabet - 1, Long.numberOfTrailingZeros(random.nextLong()))
                                    : random.nextInt(alphabet);
                            input[i] = (byte) (alphabet == 255 ? symbol + 1 : symbol);
                        }
                        byte[] expected = new byte[ours.maxCompressedLength(length)];
                        byte[] actual = new byte[expected.length];
                        int expectedSize = (int) compress.invoke(theirs, input, 0, length, expected, 0, expected.length);
                        int actualSize = ours.compress(input, 0, length, actual, 0, actual.length);
                        assertThat(Arrays.copyOf(actual, actualSize)).as("%d symbols, skewed %s, %d bytes",
                                alphabet, skewed, length).isEqualTo(Arrays.copyOf(expected, expectedSize));
                        inputs++;
                    }
                }
            }
            assertThat(inputs).isEqualTo(36);
        }
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
