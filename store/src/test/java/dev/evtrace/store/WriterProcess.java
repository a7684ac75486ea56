package dev.evtrace.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One writing JVM of {@link ConcurrentWritersTest}. Arguments: store, run (correlation id), bars, rollEvents.
 * Opens a writer with a fresh writer id, prints {@value #READY}, waits for a line on standard input so every
 * process starts writing at once, then writes {@link TradingRun#events} for its run and exits.
 */
public final class WriterProcess {
    static final String READY = "ready";
    static final long START = 1_764_000_000_000_000L;

    private WriterProcess() {}

    public static void main(String[] args) throws IOException {
        String store = args[0];
        String run = args[1];
        int bars = Integer.parseInt(args[2]);
        long rollEvents = Long.parseLong(args[3]);
        try (EventDatasetWriter writer = new EventDatasetWriter(store, new WriterOptions(WriterIds.newId(), rollEvents, Map.of()))) {
            System.out.println(READY);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            for (TracedEvent event : TradingRun.events(run, START, bars)) {
                writer.write(event);
            }
        }
    }
}
