package dev.evtrace.store.parquet;

import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes one event file in which runs follow each other, as stores of schema version 1 and other writers may
 * hold (the store's writer gives each run files of its own): the readers must still count and read them right.
 */
public final class MixedRunFiles {
    private MixedRunFiles() {}

    /** {@code events} into {@code file}, in row groups of about {@code rowGroupBytes} compressed bytes. */
    public static void write(Path file, List<TracedEvent> events, long rowGroupBytes) throws IOException {
        Files.createDirectories(file.getParent());
        PayloadShape shape = PayloadShape.NONE;
        for (TracedEvent e : events) {
            shape = shape.with(e.data());
        }
        ColumnFileWriter<TracedEvent> writer = new ColumnFileWriter<>(new LocalOutputFile(file),
                new TracedEventColumns(new Utf8Cache(), shape),
                PureJavaCodecs.INSTANCE.pageCompressor(), rowGroupBytes, 1_000);
        for (TracedEvent e : events) {
            writer.write(e);
        }
        writer.close(Map.of());
    }
}
