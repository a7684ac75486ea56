package dev.evtrace.store.parquet;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Runs the writer's code over made-up rows into nowhere, so that the JIT has compiled it before a program's
 * first events arrive. Cold, the writer drains the ring tens of times slower than it later does, and a program
 * that starts publishing at once waited for buffer space until it was warm.
 */
public final class WriterWarmUp {
    private WriterWarmUp() {}

    /** Writes {@code rows} events, each with a delivery, unless {@code stop} says to give up. */
    public static void run(int rows, BooleanSupplier stop) throws IOException {
        PureJavaCodecs.PageCompressor zstd = PureJavaCodecs.INSTANCE.pageCompressor();
        Utf8Cache strings = new Utf8Cache();
        ColumnFileWriter<TracedEvent> events = new ColumnFileWriter<>(new Nowhere(),
                TracedEventColumns.first(strings, event(1)), zstd, 4 << 20);
        ColumnFileWriter<Delivery> deliveries = new ColumnFileWriter<>(new Nowhere(), new DeliveryColumns(strings),
                zstd, 4 << 20);
        for (int i = 1; i <= rows; i++) {
            if (i % 1_024 == 0 && stop.getAsBoolean()) {
                return;
            }
            TracedEvent e = event(i);
            events.write(e);
            deliveries.write(new Delivery(e.correlationId(), e.eventId(), e.eventType(), "warm-up", "warm-up",
                    e.receivedAt(), e.processedAt(), false));
        }
        events.close(Map.of());
        deliveries.close(Map.of());
    }

    private static TracedEvent event(long id) {
        long t = 1_700_000_000_000_000L + id * 7;
        // Prices in cents, as a decimal column holds them exactly: a row its file's columns refuse would throw.
        Payload data = Payload.builder(4).text("symbol", "S" + id % 20)
                .doubleValue("price", (10_000 + id % 997) / 100.0).doubleValue("ratio", id / 3.0)
                .longValue("volume", id * 31).build();
        return new TracedEvent(id, "WARM_UP", t, "warm-up", id - 1, "warm-up", t, t, t + 1, t + 3, data,
                TracedEvent.CURRENT_VERSION, id, "");
    }

    /** A file that keeps nothing. */
    private static final class Nowhere implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) {
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    position += len;
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
