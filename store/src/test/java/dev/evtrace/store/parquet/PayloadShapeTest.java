package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.EventQuery;
import dev.evtrace.store.Payload;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed payload columns hold exactly what the text payload would have said, whatever the values. */
class PayloadShapeTest {
    @Test
    void aDoubleIsADecimalOnlyWhenTheIntegerGivesBackTheSameDouble() {
        assertThat(PayloadShape.scaleOf(132.42)).isEqualTo(2);
        assertThat(PayloadShape.scaleOf(100.0)).isZero();
        assertThat(PayloadShape.scaleOf(0.1 + 0.2)).isEqualTo(-1);
        assertThat(PayloadShape.scaleOf(1.0 / 3)).isEqualTo(-1);
        assertThat(PayloadShape.scaleOf(-0.0)).isEqualTo(-1);
        assertThat(PayloadShape.scaleOf(Double.NaN)).isEqualTo(-1);
        assertThat(PayloadShape.scaleOf(Double.POSITIVE_INFINITY)).isEqualTo(-1);
        assertThat(PayloadShape.scaleOf(1e300)).isEqualTo(-1);
        assertThat(PayloadShape.scaleOf(-12.5)).isEqualTo(1);
        assertThat(PayloadShape.fits(132.4, 2)).isTrue();
        assertThat(PayloadShape.fits(132.425, 2)).isFalse();
        assertThat(PayloadShape.scaled(PayloadShape.exactly(132.42, 2), 2)).isEqualTo(132.42);
    }

    @Test
    void aDecimalStoresTheIntegerNearestItsScaledValue() {
        Random random = new Random(7);
        int decimals = 0;
        for (int i = 0; i < 200_000; i++) {
            int scale = random.nextInt(PayloadShape.MAX_SCALE + 1);
            long digits = random.nextLong() % 100_000_000_000L;
            double value = i % 3 == 0 ? digits / Math.pow(10, scale) : random.nextGaussian() * 1e4;
            if (PayloadShape.fits(value, scale)) {
                decimals++;
                long unscaled = PayloadShape.exactly(value, scale);
                assertThat(unscaled).isEqualTo(Math.round(value * Math.pow(10, scale)));
                assertThat(PayloadShape.scaled(unscaled, scale)).isEqualTo(value);
            }
        }
        assertThat(decimals).isGreaterThan(60_000);
        assertThat(PayloadShape.fits(-0.25, 1)).isFalse();
        assertThat(PayloadShape.fits(2.5, 0)).isFalse();
        assertThat(PayloadShape.exactly(-12.5, 1)).isEqualTo(-125);
        assertThat(PayloadShape.exactly(132.425, 2)).isEqualTo(PayloadShape.NOT_EXACT);
    }

    @Test
    void aColumnWidensOnlyAsFarAsItsValuesNeed() {
        PayloadShape shape = PayloadShape.NONE.with(Payload.builder(3).doubleValue("price", 1.5).longValue("qty", 3)
                .text("side", "BUY").build());
        assertThat(kinds(shape)).containsExactly("DECIMAL/1", "LONG/0", "TEXT/0");

        Payload finer = Payload.builder(1).doubleValue("price", 1.25).build();
        assertThat(shape.accepts(finer)).isFalse();
        shape = shape.with(finer);
        assertThat(kinds(shape)).containsExactly("DECIMAL/2", "LONG/0", "TEXT/0");
        assertThat(shape.accepts(Payload.builder(1).doubleValue("price", 7.1).build())).isTrue();

        shape = shape.with(Payload.builder(2).doubleValue("price", Math.PI).doubleValue("qty", 2.5).build());
        assertThat(kinds(shape)).containsExactly("DOUBLE/0", "TEXT/0", "TEXT/0");
        // Text takes anything; a key it has never seen needs a new column, unless its value is null.
        assertThat(shape.accepts(Payload.builder(2).longValue("side", 1).text("note", null).build())).isTrue();
        assertThat(shape.accepts(Map.of("venue", "XNAS"))).isFalse();
    }

    @Test
    void randomTypedPayloadsReadBackAsTheSameTextThroughTheStore(@TempDir Path store) throws IOException {
        Random random = new Random(42);
        double[] specials = {-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE,
                0.1 + 0.2, 1e15 + 0.5, 9_007_199_254.740_992, -123.456};
        List<TracedEvent> events = new ArrayList<>();
        for (int id = 1; id <= 5_000; id++) {
            Payload.Builder data = Payload.builder(4);
            for (String key : List.of("a", "b", "c", "d")) {
                switch (random.nextInt(6)) {
                    case 0 -> data.longValue(key, random.nextLong());
                    case 1 -> data.doubleValue(key, random.nextDouble() * 1_000);
                    case 2 -> data.doubleValue(key, Math.round(random.nextDouble() * 100_000) / 100.0);
                    case 3 -> data.doubleValue(key, specials[random.nextInt(specials.length)]);
                    case 4 -> data.text(key, random.nextBoolean() ? null : "t" + random.nextInt(50));
                    default -> { }
                }
            }
            long t = 1_700_000_000_000_000L + id;
            events.add(new TracedEvent(id, id % 3 == 0 ? "FILL" : "BAR", t, "run", TracedEvent.ABSENT, "src", t, t,
                    t, t, data.build(), TracedEvent.CURRENT_VERSION, id, ""));
        }
        try (EventDatasetWriter writer = new EventDatasetWriter(store.toString(), new WriterOptions("w", 1_000, Map.of()))) {
            for (TracedEvent e : events) {
                writer.write(e);
            }
        }
        List<TracedEvent> read = new ArrayList<>(new EventDatasetReader(store.toString()).read(EventQuery.all()));
        read.sort((x, y) -> Long.compare(x.eventId(), y.eventId()));
        assertThat(read).isEqualTo(dev.evtrace.store.NullPayloadValues.dropped(events));
    }

    private static List<String> kinds(PayloadShape shape) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < shape.size(); i++) {
            kinds.add(shape.kind(i) + "/" + shape.scale(i));
        }
        return kinds;
    }
}
