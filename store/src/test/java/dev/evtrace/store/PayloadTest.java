package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTest {
    @Test
    void readsAsTheTextMapOfTheSameEntriesInOrder() {
        Payload p = Payload.builder(1).text("symbol", "AAPL").longValue("qty", -3).doubleValue("price", 101.5)
                .text("note", null).build();
        Map<String, String> text = new LinkedHashMap<>();
        text.put("symbol", "AAPL");
        text.put("qty", "-3");
        text.put("price", "101.5");
        text.put("note", null);

        assertThat(p).isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(p.entrySet()).containsExactlyElementsOf(text.entrySet());
        assertThat(p.get("price")).isEqualTo("101.5");
        assertThat(p.containsKey("note")).isTrue();
        assertThat(p.get("missing")).isNull();
        assertThat(p.kind(1)).isEqualTo(Payload.Kind.LONG);
        assertThat(p.doubleValue(2)).isEqualTo(101.5);
    }

    @Test
    void aKeyPutAgainKeepsItsPlaceAndTakesTheNewValue() {
        Payload p = Payload.builder(2).text("a", "1").longValue("b", 2).doubleValue("a", 0.5).build();
        assertThat(p).containsExactly(Map.entry("a", "0.5"), Map.entry("b", "2"));
        assertThat(p.kind(0)).isEqualTo(Payload.Kind.DOUBLE);
    }

    @Test
    void keysWithTheSameHashCodeStayApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Payload p = Payload.builder(2).longValue("Aa", 1).longValue("BB", 2).longValue(new String("Aa"), 3).build();
        assertThat(p).containsExactly(Map.entry("Aa", "3"), Map.entry("BB", "2"));
    }

    @Test
    void aPayloadLikeAnotherIsItsOwnWhateverTheOtherHolds() {
        Payload bar = Payload.builder(3).text("symbol", "AAPL").doubleValue("close", 101.5).longValue("volume", 900)
                .build();
        Payload same = Payload.builderLike(bar, 3).text("symbol", "MSFT").doubleValue("close", 40.25)
                .longValue("volume", 12).build();
        Payload fewer = Payload.builderLike(same, 3).text("symbol", "IBM").build();
        Payload otherKind = Payload.builderLike(same, 3).text("symbol", "X").longValue("close", 7).build();
        Payload moreAndAgain = Payload.builderLike(same, 3).text("symbol", "Y").doubleValue("close", 1.5)
                .longValue("volume", 2).longValue("extra", 3).text("symbol", "Z").build();
        Payload otherOrder = Payload.builderLike(same, 3).longValue("volume", 5).text("symbol", "W").build();

        assertThat(bar).containsExactly(Map.entry("symbol", "AAPL"), Map.entry("close", "101.5"),
                Map.entry("volume", "900"));
        assertThat(same).containsExactly(Map.entry("symbol", "MSFT"), Map.entry("close", "40.25"),
                Map.entry("volume", "12"));
        assertThat(fewer).containsExactly(Map.entry("symbol", "IBM"));
        assertThat(otherKind).containsExactly(Map.entry("symbol", "X"), Map.entry("close", "7"));
        assertThat(otherKind.kind(1)).isEqualTo(Payload.Kind.LONG);
        assertThat(moreAndAgain).containsExactly(Map.entry("symbol", "Z"), Map.entry("close", "1.5"),
                Map.entry("volume", "2"), Map.entry("extra", "3"));
        assertThat(otherOrder).containsExactly(Map.entry("volume", "5"), Map.entry("symbol", "W"));
        // None of them changed the one it was like.
        assertThat(same).containsExactly(Map.entry("symbol", "MSFT"), Map.entry("close", "40.25"),
                Map.entry("volume", "12"));
        assertThat(same.kind(1)).isEqualTo(Payload.Kind.DOUBLE);
        assertThat(Payload.builderLike(Payload.empty(), 0).longValue("a", 1).build())
                .containsExactly(Map.entry("a", "1"));
    }

    @Test
    void hasTheLayoutOfAnotherWithTheSameKeysAndKindsInOrder() {
        Payload bar = Payload.builder(3).text("symbol", "AAA").doubleValue("close", 1.5).longValue("volume", 7).build();
        Payload shared = Payload.builderLike(bar, 3).text("symbol", "BBB").doubleValue("close", 2.5)
                .longValue("volume", 8).build();
        Payload apart = Payload.builder(3).text(new String("symbol"), null).doubleValue("close", 0)
                .longValue("volume", 0).build();
        assertThat(bar.sameLayout(shared)).isTrue();
        assertThat(bar.sameLayout(apart)).isTrue();
        assertThat(apart.sameLayout(shared)).isTrue();

        assertThat(bar.sameLayout(Payload.builder(3).text("symbol", "AAA").longValue("close", 1)
                .longValue("volume", 7).build())).as("a kind changed").isFalse();
        assertThat(bar.sameLayout(Payload.builder(3).doubleValue("close", 1.5).text("symbol", "AAA")
                .longValue("volume", 7).build())).as("keys in another order").isFalse();
        assertThat(bar.sameLayout(Payload.builderLike(bar, 3).text("symbol", "AAA").doubleValue("close", 1.5)
                .build())).as("fewer keys").isFalse();
        assertThat(bar.sameLayout(Payload.builder(3).text("symbol", "AAA").doubleValue("close", 1.5)
                .longValue("qty", 7).build())).as("another key").isFalse();
    }

    @Test
    void amongManyKeysEachPutAgainKeepsItsPlace() {
        // More keys than the builder's 64 hash bits, so that new keys share bits with earlier ones.
        Payload.Builder b = Payload.builder(4);
        for (int i = 0; i < 300; i++) {
            b.longValue("k" + i, i);
        }
        for (int i = 0; i < 300; i += 7) {
            b.longValue("k" + i, -i);
        }
        Payload p = b.build();
        assertThat(p).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(p.key(i)).isEqualTo("k" + i);
            assertThat(p.longValue(i)).isEqualTo(i % 7 == 0 ? -i : i);
        }
    }

    @Test
    void refusesNullKeysAndChanges() {
        assertThatThrownBy(() -> Payload.builder(1).text(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Payload.empty().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Payload.empty()).isEmpty();
    }
}
