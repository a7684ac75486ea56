package dev.evtrace.analyzer.lineage;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static dev.evtrace.analyzer.StoreFixture.data;
import static dev.evtrace.analyzer.StoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evtrace.analyzer.DataException;
import dev.evtrace.store.TracedEvent;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CausationChainTest {
    private static Map<Long, TracedEvent> run(TracedEvent... events) {
        return Stream.of(events).collect(Collectors.toMap(TracedEvent::eventId, Function.identity()));
    }

    @Test
    void endsAtTheRootWithTheTargetLast() {
        TracedEvent fill = event("r", T0, 4, "FILL", 3, data());
        Map<Long, TracedEvent> run = run(event("r", T0, 1, "BAR", 0, data()), event("r", T0, 2, "SIGNAL", 1, data()),
                event("r", T0, 3, "ORDER", 2, data()), fill);
        CausationChain chain = CausationChain.walk(fill, run::get);
        assertThat(chain.path()).isEqualTo("BAR -> SIGNAL -> ORDER -> FILL");
        assertThat(chain.complete()).isTrue();
        assertThat(chain.firstCreatedAt()).isEqualTo(T0 + 1_000);
    }

    @Test
    void aRootAloneIsAChainOfOne() {
        TracedEvent bar = event("r", T0, 1, "BAR", 0, data());
        assertThat(CausationChain.walk(bar, run(bar)::get).steps()).hasSize(1);
    }

    @Test
    void stopsAtAMissingCause() {
        TracedEvent fill = event("r", T0, 4, "FILL", 3, data());
        CausationChain chain = CausationChain.walk(fill, run(fill)::get);
        assertThat(chain.path()).isEqualTo("(missing 3) -> FILL");
        assertThat(chain.complete()).isFalse();
        assertThat(chain.firstCreatedAt()).isEqualTo(fill.createdAt());
    }

    @Test
    void failsOnCausationIdsThatLoop() {
        TracedEvent a = event("r", T0, 1, "A", 2, data());
        TracedEvent b = event("r", T0, 2, "B", 1, data());
        assertThatThrownBy(() -> CausationChain.walk(a, run(a, b)::get))
                .isInstanceOf(DataException.class)
                .hasMessage("causation ids loop through event 1 in run r");
    }
}
