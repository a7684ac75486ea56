package com.acme.backtest.bus;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.EventType;
import com.acme.backtest.events.RiskBreachEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueuedEventBusTest {

    private final QueuedEventBus bus = new QueuedEventBus();
    private final List<String> calls = new ArrayList<>();

    @Test
    void runsNoHandlerUntilThePendingEventsAreDispatched() {
        bus.subscribe(EventType.BAR, event -> calls.add("bar"));

        bus.publish(bar("A"));

        assertThat(calls).isEmpty();
        bus.dispatchPending();
        assertThat(calls).containsExactly("bar");
    }

    @Test
    void dispatchesEventsPublishedByHandlersAfterThoseAlreadyQueued() {
        bus.subscribe(EventType.BAR, event -> {
            String symbol = ((BarEvent) event).getSymbol();
            calls.add("bar " + symbol + " start");
            bus.publish(new RiskBreachEvent(event.getTimestamp(), 1, symbol, "nested"));
            calls.add("bar " + symbol + " end");
        });
        bus.subscribe(EventType.RISK_BREACH, event -> calls.add("breach " + ((RiskBreachEvent) event).getSymbol()));

        bus.publish(bar("A"));
        bus.publish(bar("B"));
        bus.dispatchPending();

        assertThat(calls).containsExactly("bar A start", "bar A end", "bar B start", "bar B end", "breach A",
                "breach B");
    }

    @Test
    void countsAnEventWhenItIsPublishedNotWhenItIsDispatched() {
        bus.subscribe(EventType.BAR, event -> bus.publish(new RiskBreachEvent(0, 1, "A", "nested")));

        bus.publish(bar("A"));
        assertThat(bus.publishedCount()).isEqualTo(1);

        bus.dispatchPending();
        assertThat(bus.publishedCount()).isEqualTo(2);
    }

    private static Event bar(String symbol) {
        return new BarEvent(0, symbol, 10, 11, 9, 10.5, 1_000);
    }
}
