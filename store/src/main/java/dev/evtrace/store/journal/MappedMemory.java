package dev.evtrace.store.journal;

import dev.evtrace.store.UnsafeAccess;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import sun.misc.Unsafe;

/**
 * Stores into a mapped file by address, for the journal's records. The writer's code runs as C1 compiles it, and
 * C1 makes every put on a {@link MappedByteBuffer} a call through its bounds and scope checks: ~3 ns each, twenty
 * and more a row, where a store by address is ~0.5 ns (BENCHMARKS.md, session 23). The journal checks a record's
 * bound once, before it writes it. The store's ZSTD (aircompressor) needs the same {@link Unsafe}.
 */
final class MappedMemory {
    /** Null on a JVM that does not give it out: the journal is then not created (one line on stderr). */
    static final Unsafe UNSAFE = UnsafeAccess.UNSAFE;
    private static final long ADDRESS = UNSAFE == null ? -1 : addressOffset();

    private MappedMemory() {}

    /**
     * The address of the map's first byte; valid while the map is reachable. The journal's numbers are
     * little-endian, as the platform's must be for them to be stored as they are.
     */
    static long address(MappedByteBuffer map) throws IOException {
        if (ADDRESS < 0) {
            throw new IOException("this JVM gives out no sun.misc.Unsafe or java.nio.Buffer address to store with");
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IOException("this platform is big-endian; the journal's numbers are stored little-endian");
        }
        return UNSAFE.getLong(map, ADDRESS);
    }

    private static long addressOffset() {
        try {
            return UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
