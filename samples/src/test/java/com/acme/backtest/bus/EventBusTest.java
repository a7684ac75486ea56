package com.acme.backtest.bus;

import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.EventType;
import com.acme.backtest.events.RiskBreachEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusTest {

    private final EventBus bus = new EventBus();
    private final List<String> calls = new ArrayList<>();

    @Test
    void dispatchesToHandlersInSubscriptionOrder() {
        bus.subscribe(EventType.BAR, event -> calls.add("first"));
        bus.subscribe(EventType.BAR, event -> calls.add("second"));
        bus.subscribe(EventType.BAR, event -> calls.add("third"));

        bus.publish(bar());

        assertThat(calls).containsExactly("first", "second", "third");
    }

    @Test
    void dispatchesOnlyToHandlersOfTheEventsType() {
        bus.subscribe(EventType.BAR, event -> calls.add("bar"));
        bus.subscribe(EventType.RISK_BREACH, event -> calls.add("breach"));

        bus.publish(new RiskBreachEvent(0, 1, "SYM000", "test"));

        assertThat(calls).containsExactly("breach");
    }

    @Test
    void finishesNestedPublishBeforeTheOuterHandlerReturns() {
        bus.subscribe(EventType.BAR, event -> {
            calls.add("bar start");
            bus.publish(new RiskBreachEvent(event.getTimestamp(), 1, "SYM000", "nested"));
            calls.add("bar end");
        });
        bus.subscribe(EventType.BAR, event -> calls.add("second bar handler"));
        bus.subscribe(EventType.RISK_BREACH, event -> calls.add("breach"));

        bus.publish(bar());

        assertThat(calls).containsExactly("bar start", "breach", "bar end", "second bar handler");
    }

    @Test
    void countsEveryPublishedEventIncludingUnsubscribedAndNestedOnes() {
        bus.subscribe(EventType.BAR, event -> bus.publish(new RiskBreachEvent(0, 1, "SYM000", "nested")));

        bus.publish(bar());
        bus.publish(bar());

        assertThat(bus.publishedCount()).isEqualTo(4);
    }

    private static Event bar() {
        return new BarEvent(0, "SYM000", 10, 11, 9, 10.5, 1_000);
    }
}
