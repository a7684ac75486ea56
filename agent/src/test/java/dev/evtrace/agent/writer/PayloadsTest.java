package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.agent.Config.PayloadMode;
import dev.evtrace.store.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {
    enum Side { BUY, SELL }

    static class Base {
        final long timestamp = 42;
    }

    static class Fill extends Base {
        final long orderId = 7;
        final Side side = Side.BUY;
        final double price = 101.5;
        final String symbol = "ABC";
        final String missing = null;
        final Venue venue = new Venue();
        static final String IGNORED = "static";
    }

    static class Venue {
        final String name = "XNAS";
        final Object deeper = new Object() {
            @Override
            public String toString() {
                return "deep";
            }
        };
    }

    static class Node {
        Node next;
        final List<Integer> values = new ArrayList<>(List.of(1, 2, 3));
        final int[] array = new int[1000];
    }

    static class Rude {
        final Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        final String huge = "x".repeat(10_000);
    }

    @Test
    void flattensFieldsWithSuperclassFirstAndNestedObjectsDotted() {
        Map<String, String> data = new Payloads(PayloadMode.FIELDS).of(new Fill());
        assertThat(data).containsEntry("timestamp", "42").containsEntry("orderId", "7").containsEntry("side", "BUY")
                .containsEntry("price", "101.5").containsEntry("symbol", "ABC").containsEntry("missing", null)
                .containsEntry("venue.name", "XNAS").containsEntry("venue.deeper", "deep")
                .doesNotContainKey("IGNORED").doesNotContainKey("_truncated");
        assertThat(data.keySet()).startsWith("timestamp");
    }

    static class Numbers {
        final int count = 3;
        final Integer boxed = 4;
        final double price = 0.1 + 0.2;
        final Double boxedPrice = 2.5;
        final float ratio = 0.1f;
        final boolean flag = true;
        final java.math.BigDecimal exact = new java.math.BigDecimal("1.10");
    }

    @Test
    void keepsWholeNumbersAndDoublesAsNumbersAndEverythingElseAsText() {
        Payload data = new Payloads(PayloadMode.FIELDS).of(new Numbers());
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            kinds.add(data.key(i) + ":" + data.kind(i));
        }
        assertThat(kinds).containsExactly("count:LONG", "boxed:LONG", "price:DOUBLE", "boxedPrice:DOUBLE",
                "ratio:TEXT", "flag:TEXT", "exact:TEXT");
        // The text is what the field prints, whatever its kind.
        assertThat(data).containsEntry("price", "0.30000000000000004").containsEntry("ratio", "0.1")
                .containsEntry("exact", "1.10").containsEntry("flag", "true").containsEntry("count", "3");
    }

    record Tick(String symbol, Object size, Venue venue) {}

    @Test
    void eachEventOfAClassGetsItsOwnValuesWhateverTheOneBeforeHeld() {
        // Consecutive events of one class: the same fields, a field of another kind, a nested object gone and back.
        Payloads payloads = new Payloads(PayloadMode.FIELDS);
        Payload first = payloads.of(new Tick("AAPL", 100L, new Venue()));
        Payload same = payloads.of(new Tick("MSFT", 200L, new Venue()));
        Payload otherKind = payloads.of(new Tick("IBM", "odd lot", new Venue()));
        Payload noVenue = payloads.of(new Tick("X", 1.5, null));
        Payload back = payloads.of(new Tick("Y", 7L, new Venue()));

        assertThat(first).containsExactly(Map.entry("symbol", "AAPL"), Map.entry("size", "100"),
                Map.entry("venue.name", "XNAS"), Map.entry("venue.deeper", "deep"));
        assertThat(first.kind(1)).isEqualTo(Payload.Kind.LONG);
        assertThat(same).containsExactly(Map.entry("symbol", "MSFT"), Map.entry("size", "200"),
                Map.entry("venue.name", "XNAS"), Map.entry("venue.deeper", "deep"));
        assertThat(otherKind).containsEntry("size", "odd lot").hasSize(4);
        assertThat(otherKind.kind(1)).isEqualTo(Payload.Kind.TEXT);
        assertThat(noVenue).containsEntry("symbol", "X").containsEntry("size", "1.5").containsEntry("venue", null);
        assertThat(noVenue.keySet()).containsExactly("symbol", "size", "venue");
        assertThat(noVenue.kind(1)).isEqualTo(Payload.Kind.DOUBLE);
        assertThat(back).containsExactly(Map.entry("symbol", "Y"), Map.entry("size", "7"),
                Map.entry("venue.name", "XNAS"), Map.entry("venue.deeper", "deep"));
        // The earlier ones are as they were.
        assertThat(first).containsEntry("symbol", "AAPL").containsEntry("size", "100");
        assertThat(first.kind(1)).isEqualTo(Payload.Kind.LONG);
    }

    static class EveryWidth {
        byte tiny = -1;
        short small = 300;
        int medium = -70_000;
        long large = Long.MIN_VALUE;
        double real = -0.5;
        volatile long sequence = 9;
        volatile double last = 2.25;
        volatile String note = "seen";
        char letter = 'q';
    }

    record Quote(String symbol, double bid, int size, long at) {}

    @Test
    void readsFieldsOfEveryWidthAndVolatileOnes() {
        Payload data = new Payloads(PayloadMode.FIELDS).of(new EveryWidth());
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            entries.add(data.key(i) + ":" + data.kind(i) + "=" + data.get(data.key(i)));
        }
        assertThat(entries).containsExactly("tiny:LONG=-1", "small:LONG=300", "medium:LONG=-70000",
                "large:LONG=" + Long.MIN_VALUE, "real:DOUBLE=-0.5", "sequence:LONG=9", "last:DOUBLE=2.25",
                "note:TEXT=seen", "letter:TEXT=q");
    }

    @Test
    void readsRecordsWhoseFieldsHaveNoOffset() {
        Payload data = new Payloads(PayloadMode.FIELDS).of(new Quote("ABC", 99.5, 200, 1_700_000_000_000L));
        assertThat(data).containsExactly(Map.entry("symbol", "ABC"), Map.entry("bid", "99.5"),
                Map.entry("size", "200"), Map.entry("at", "1700000000000"));
        assertThat(data.kind(1)).isEqualTo(Payload.Kind.DOUBLE);
        assertThat(data.kind(2)).isEqualTo(Payload.Kind.LONG);
    }

    @Test
    void survivesCyclesCollectionsAndArrays() {
        Node a = new Node();
        Node b = new Node();
        a.next = b;
        b.next = a;
        Map<String, String> data = new Payloads(PayloadMode.FIELDS).of(a);
        assertThat(data).containsEntry("values.size", "3").containsEntry("array.length", "1000")
                .containsEntry("_truncated", "true");
        assertThat(data.size()).isLessThanOrEqualTo(Payloads.MAX_ENTRIES + 1);
    }

    @Test
    void boundsHugeValuesAndThrowingToString() {
        Map<String, String> data = new Payloads(PayloadMode.FIELDS).of(new Rude());
        assertThat(data.get("bad")).startsWith("<toString threw java.lang.IllegalStateException");
        assertThat(data.get("huge")).hasSize(Payloads.MAX_VALUE_CHARS + 1);
        assertThat(data).containsEntry("_truncated", "true");
    }

    @Test
    void otherModes() {
        assertThat(new Payloads(PayloadMode.NONE).of(new Fill())).isEmpty();
        assertThat(new Payloads(PayloadMode.TOSTRING).of(new StringBuilder("sb"))).isEqualTo(Map.of("value", "sb"));
    }

    @Test
    void typesComeFromTheAccessorOrTheClassName() {
        List<String> warnings = new ArrayList<>();
        EventTypes byAccessor = new EventTypes("side", warnings::add);
        assertThat(byAccessor.typeOf(new Fill())).isEqualTo("BUY");
        assertThat(byAccessor.typeOf("a string")).isEqualTo("String");
        assertThat(warnings).singleElement().asString().contains("java.lang.String has no method or field 'side'");
        assertThat(new EventTypes("", warnings::add).typeOf(new Fill())).isEqualTo("PayloadsTest$Fill");
        assertThat(new EventTypes("name", warnings::add).typeOf(Side.SELL)).isEqualTo("SELL");
    }
}
