package dev.evtrace.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The delivery rows written beside version-2 events, in {@code src/test/resources/golden/v2/deliveries}: their
 * received and processed times as two timestamps. {@link GoldenV2Test} reads the committed files and expects
 * exactly these rows.
 *
 * <p>Nothing runs this program during a build. It was run once, from the repository root, by the last code that
 * wrote this form:
 * <pre>
 * mvn -B -q -pl store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.evtrace.store.GoldenV2Deliveries -Dexec.args=store/src/test/resources/golden/v2
 * </pre>
 * Never run it again over {@code golden/v2}, and never change these rows.
 */
public final class GoldenV2Deliveries {
    private GoldenV2Deliveries() {}

    /** Two handlers for every bar of {@link GoldenV2}, the second slower; one throws. */
    static List<Delivery> deliveries() {
        List<Delivery> rows = new ArrayList<>();
        for (TracedEvent bar : GoldenV2.events()) {
            if (bar.eventType().equals("BAR")) {
                long received = bar.receivedAt();
                rows.add(new Delivery(GoldenV2.RUN, bar.eventId(), "BAR", "com.acme.Portfolio", "main",
                        received, received + 2, false));
                rows.add(new Delivery(GoldenV2.RUN, bar.eventId(), "BAR", "com.acme.Strategy", "main",
                        received + 3, received + 5 + bar.eventId(), bar.eventId() == 9));
            }
        }
        return rows;
    }

    /** Writes the deliveries into the store named by the one argument. */
    public static void main(String[] args) throws IOException {
        try (EventDatasetWriter writer = new EventDatasetWriter(args[0], new WriterOptions("golden", 1_000, Map.of()))) {
            for (Delivery delivery : deliveries()) {
                writer.write(delivery);
            }
        }
    }
}
