package dev.evtrace.store.parquet;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
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

    private static final class Zstd implements BytesInputCompressor, BytesInputDecompressor {
        private final ZstdCompressor compressor = new ZstdCompressor();
        private final ZstdDecompressor decompressor = new ZstdDecompressor();

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            byte[] input = bytes.toByteArray();
            byte[] output = new byte[compressor.maxCompressedLength(input.length)];
            int size = compressor.compress(input, 0, input.length, output, 0, output.length);
            return BytesInput.from(output, 0, size);
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
