package com.acme.backtest;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.EventType;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.events.SignalEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestTest {

    private static final BacktestConfig SMALL = new BacktestConfig(5, 400, 7);
    // Twenty symbols can crowd the book past the gross limit; with this seed a few orders are refused.
    private static final BacktestConfig CROWDED = new BacktestConfig(20, 500, 2);

    @Test
    void sameSeedGivesIdenticalResults() {
        Results first = new Backtest(SMALL, new EventBus()).run();
        Results second = new Backtest(SMALL, new EventBus()).run();

        assertThat(second).isEqualTo(first);
        assertThat(second.format()).isEqualTo(first.format());
    }

    @Test
    void differentSeedGivesDifferentResults() {
        Results seven = new Backtest(SMALL, new EventBus()).run();
        Results eight = new Backtest(new BacktestConfig(SMALL.symbols(), SMALL.bars(), 8), new EventBus()).run();

        assertThat(eight.finalEquity()).isNotEqualTo(seven.finalEquity());
    }

    @Test
    void everyFillTracesBackThroughItsOrderToAPublishedSignal() {
        List<Event> events = record(SMALL);

        Set<Long> signalIds = new HashSet<>();
        Map<Long, OrderEvent> orders = new HashMap<>();
        List<FillEvent> fills = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof SignalEvent signal) {
                signalIds.add(signal.getSignalId());
            } else if (event instanceof OrderEvent order) {
                orders.put(order.getOrderId(), order);
            } else if (event instanceof FillEvent fill) {
                fills.add(fill);
            }
        }

        assertThat(fills).isNotEmpty().allSatisfy(fill -> {
            OrderEvent order = orders.get(fill.getOrderId());
            assertThat(order).as("order of fill %d", fill.getFillId()).isNotNull();
            assertThat(signalIds).as("signal of order %d", order.getOrderId()).contains(order.getSignalId());
            assertThat(fill.getSymbol()).isEqualTo(order.getSymbol());
            assertThat(fill.getQuantity()).isEqualTo(order.getQuantity());
        });
    }

    @Test
    void numbersEachKindOfEventFromOneWithoutGaps() {
        List<Event> events = record(SMALL);

        assertThat(ids(events, SignalEvent.class)).isEqualTo(oneTo(count(events, SignalEvent.class)));
        assertThat(ids(events, OrderEvent.class)).isEqualTo(oneTo(count(events, OrderEvent.class)));
        assertThat(ids(events, FillEvent.class)).isEqualTo(oneTo(count(events, FillEvent.class)));
    }

    @Test
    void rejectedOrdersAreNeverFilled() {
        List<Event> events = record(CROWDED);

        Set<Long> refused = new HashSet<>();
        Set<Long> filled = new HashSet<>();
        for (Event event : events) {
            if (event instanceof RiskBreachEvent breach) {
                refused.add(breach.getOrderId());
            } else if (event instanceof FillEvent fill) {
                filled.add(fill.getOrderId());
            }
        }

        assertThat(refused).isNotEmpty();
        assertThat(filled).isNotEmpty().doesNotContainAnyElementsOf(refused);
    }

    @Test
    void countsEveryPublishedEventInItsResults() {
        EventBus bus = new EventBus();
        Backtest backtest = new Backtest(SMALL, bus);
        List<Event> events = subscribeRecorder(bus);

        Results results = backtest.run();

        assertThat(results.eventsPublished()).isEqualTo(events.size());
        assertThat(results.trades()).isEqualTo(count(events, FillEvent.class));
        assertThat(results.riskBreaches()).isEqualTo(count(events, RiskBreachEvent.class));
    }

    @Test
    void runsOnlyOnce() {
        Backtest backtest = new Backtest(new BacktestConfig(2, 50, 1), new EventBus());
        backtest.run();

        assertThatThrownBy(backtest::run).isInstanceOf(IllegalStateException.class);
    }

    private static List<Event> record(BacktestConfig config) {
        EventBus bus = new EventBus();
        Backtest backtest = new Backtest(config, bus);
        List<Event> events = subscribeRecorder(bus);
        backtest.run();
        return events;
    }

    private static List<Event> subscribeRecorder(EventBus bus) {
        List<Event> events = new ArrayList<>();
        for (EventType type : EventType.values()) {
            bus.subscribe(type, events::add);
        }
        return events;
    }

    private static long count(List<Event> events, Class<? extends Event> kind) {
        return events.stream().filter(kind::isInstance).count();
    }

    private static List<Long> ids(List<Event> events, Class<? extends Event> kind) {
        return events.stream().filter(kind::isInstance).map(BacktestTest::id).toList();
    }

    private static long id(Event event) {
        if (event instanceof SignalEvent signal) {
            return signal.getSignalId();
        }
        if (event instanceof OrderEvent order) {
            return order.getOrderId();
        }
        return ((FillEvent) event).getFillId();
    }

    private static List<Long> oneTo(long n) {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= n; id++) {
            ids.add(id);
        }
        return ids;
    }
}
