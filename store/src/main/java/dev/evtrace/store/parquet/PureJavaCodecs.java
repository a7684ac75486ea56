package dev.evtrace.store.parquet;

import io.airlift.compress.zstd.PageZstd;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD (and no compression) in pure Java. Parquet's own ZSTD codec goes through zstd-jni, whose native
 * symbols are bound to its package name: it cannot be relocated inside the agent jar, so the store uses
 * aircompressor's implementation, which can.
 */
public final class PureJavaCodecs implements CompressionCodecFactory {
    public static final PureJavaCodecs INSTANCE = new PureJavaCodecs();

    private PureJavaCodecs() {}

    /** ZSTD for one file's pages (see {@link PageCompressor}). */
    PageCompressor pageCompressor() {
        return new Zstd();
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new Zstd();
            case UNCOMPRESSED -> new Identity();
            default -> throw new IllegalArgumentException("unsupported compression codec " + codec + " (ZSTD or UNCOMPRESSED)");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new Zstd();
            case UNCOMPRESSED -> new Identity();
            default -> throw new IllegalArgumentException("unsupported compression codec " + codec + " (ZSTD or UNCOMPRESSED)");
        };
    }

    @Override
    public void release() {}

    /**
     * A compressor for the pages of a file's columns, told before each page whether it is a plain page of
     * fixed-width numbers (int64, double), which {@link PageZstd#compressFixedWidth} compresses (see
     * {@link PlainNumbersPage}).
     */
    interface PageCompressor extends BytesInputCompressor {
        void plainNumbers(boolean plainNumbers);
    }

    /**
     * One instance per dataset writer or file reader, used by one thread. The compressor's buffers are reused
     * page after page: a page of payload values is about 2 MB, and two fresh arrays that size per page are
     * humongous allocations for G1 that showed in the profile as the kernel zeroing fresh memory. Reusing the
     * output is safe because parquet's page store copies a compressed page before it asks for the next one. So is
     * ZSTD's working memory ({@link PageZstd}).
     */
    private static final class Zstd implements PageCompressor, BytesInputDecompressor {
        private final ZstdCompressor compressor = new ZstdCompressor();
        private final PageZstd pages = new PageZstd();
        private boolean plainNumbers;
        private final ZstdDecompressor decompressor = new ZstdDecompressor();
        private final PageBuffer input = new PageBuffer();
        private byte[] output = new byte[0];

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            input.reset(bytes.size());
            bytes.writeAllTo(input);
            int max = compressor.maxCompressedLength(input.size);
            if (output.length < max) {
                output = new byte[max];
            }
            int size = plainNumbers ? pages.compressFixedWidth(input.bytes, 0, input.size, output, 0, output.length)
                    : pages.compress(input.bytes, 0, input.size, output, 0, output.length);
            return BytesInput.from(output, 0, size);
        }

        @Override
        public void plainNumbers(boolean plainNumbers) {
            this.plainNumbers = plainNumbers;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] input = bytes.toByteArray();
            byte[] output = new byte[uncompressedSize];
            decompressor.decompress(input, 0, input.length, output, 0, uncompressedSize);
            return BytesInput.from(output);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            ByteBuffer in = input.duplicate();
            in.limit(in.position() + compressedSize);
            ByteBuffer out = output.duplicate();
            out.limit(out.position() + uncompressedSize);
            decompressor.decompress(in, out);
        }

        @Override
        public void release() {}
    }

    /** A page's bytes in one array, reused and grown to the largest page seen (never doubled past it). */
    private static final class PageBuffer extends OutputStream {
        private byte[] bytes = new byte[0];
        private int size;

        void reset(long capacity) {
            if (bytes.length < capacity) {
                bytes = new byte[Math.toIntExact(capacity)];
            }
            size = 0;
        }

        @Override
        public void write(int b) {
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }

    private static final class Identity implements BytesInputCompressor, BytesInputDecompressor {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            ByteBuffer in = input.duplicate();
            in.limit(in.position() + compressedSize);
            output.duplicate().put(in);
        }

        @Override
        public void release() {}
    }
}
