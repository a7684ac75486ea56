package com.acme.backtest;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.bus.QueuedEventBus;
import com.acme.backtest.containers.ContainerEngine;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.Event;
import com.acme.backtest.events.EventType;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.PortfolioEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.events.SignalEvent;
import com.acme.backtest.guava.AsyncGuavaEngine;
import com.acme.backtest.guava.GuavaEngine;
import com.acme.backtest.onebus.GatewayEngine;
import com.acme.backtest.onebus.QueuedEngine;
import com.acme.backtest.onebus.SyncEngine;
import com.acme.backtest.queue.QueueEngine;
import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.Subscribe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every engine, run with a recorder of the events it publishes; the events' own ids are the ground truth. */
class EngineTest {

    private static final BacktestConfig SMALL = new BacktestConfig(5, 400, 7);
    // Twenty symbols can crowd the book past the gross limit; with this seed a few orders are refused.
    private static final BacktestConfig CROWDED = new BacktestConfig(20, 500, 2);

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyFillTracesBackThroughItsOrderToAPublishedSignal(Variant variant) {
        List<Event> events = variant.record(SMALL).events();

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

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyPortfolioUpdateNamesAFillAndEveryBreachAnOrder(Variant variant) {
        List<Event> events = variant.record(CROWDED).events();

        Set<Long> fillIds = new HashSet<>();
        Set<Long> orderIds = new HashSet<>();
        List<PortfolioEvent> updates = new ArrayList<>();
        List<RiskBreachEvent> breaches = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof FillEvent fill) {
                fillIds.add(fill.getFillId());
            } else if (event instanceof OrderEvent order) {
                orderIds.add(order.getOrderId());
            } else if (event instanceof PortfolioEvent update) {
                updates.add(update);
            } else if (event instanceof RiskBreachEvent breach) {
                breaches.add(breach);
            }
        }

        assertThat(updates).isNotEmpty().extracting(PortfolioEvent::getFillId).allMatch(fillIds::contains);
        assertThat(breaches).isNotEmpty().extracting(RiskBreachEvent::getOrderId).allMatch(orderIds::contains);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void numbersEachKindOfEventFromOneWithoutGaps(Variant variant) {
        List<Event> events = variant.record(SMALL).events();

        assertThat(ids(events, SignalEvent.class)).isEqualTo(oneTo(count(events, SignalEvent.class)));
        assertThat(ids(events, OrderEvent.class)).isEqualTo(oneTo(count(events, OrderEvent.class)));
        assertThat(ids(events, FillEvent.class)).isEqualTo(oneTo(count(events, FillEvent.class)));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void neverFillsARefusedOrder(Variant variant) {
        List<Event> events = variant.record(CROWDED).events();

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

    @ParameterizedTest
    @EnumSource(Variant.class)
    void countsEveryPublishedEventOnceInItsResults(Variant variant) {
        Recording recording = variant.record(CROWDED);

        assertThat(recording.results().eventsPublished()).isEqualTo(recording.events().size());
        assertThat(recording.results().trades()).isEqualTo(count(recording.events(), FillEvent.class));
        assertThat(recording.results().riskBreaches()).isEqualTo(count(recording.events(), RiskBreachEvent.class));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void givesTheSameResultsEveryTime(Variant variant) {
        Recording first = variant.record(CROWDED);
        Recording second = variant.record(CROWDED);

        assertThat(second.results()).isEqualTo(first.results());
        assertThat(types(second.events())).isEqualTo(types(first.events()));
    }

    // A handler on another thread (executor), routes between buses (containers) or Guava's breadth-first queue
    // per thread change nothing here: every handler that publishes is the last to handle its event.
    @ParameterizedTest
    @EnumSource(names = {"EXECUTOR", "CONTAINERS", "GUAVA"})
    void givesTheResultsOfTheSynchronousBus(Variant variant) {
        assertThat(variant.record(CROWDED).results()).isEqualTo(Variant.SYNC.record(CROWDED).results());
    }

    @ParameterizedTest
    @EnumSource(names = {"QUEUE", "GUAVA_ASYNC"})
    void givesTheResultsOfTheQueuedBus(Variant variant) {
        assertThat(variant.record(CROWDED).results()).isEqualTo(Variant.QUEUED.record(CROWDED).results());
    }

    @ParameterizedTest
    @EnumSource(names = {"QUEUED", "QUEUE", "GUAVA_ASYNC"})
    void handlesEveryBarOfADayBeforeAnySignalOfIt(Variant variant) {
        List<Event> events = variant.record(SMALL).events();

        Set<Long> daysWithSignals = new HashSet<>();
        for (Event event : events) {
            if (event instanceof SignalEvent) {
                daysWithSignals.add(event.getTimestamp());
            } else if (event instanceof BarEvent bar) {
                assertThat(daysWithSignals).as("signals before bar of %s", bar.getSymbol())
                        .doesNotContain(bar.getTimestamp());
            }
        }
        assertThat(daysWithSignals).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"SYNC", "EXECUTOR", "CONTAINERS"})
    void handlesASignalBeforeTheNextBarOfTheDay(Variant variant) {
        List<Event> events = variant.record(SMALL).events();

        // Depth first: the signal a bar triggers is sized before the next bar of the day is marked.
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof SignalEvent signal) {
                assertThat(events.subList(0, i)).filteredOn(BarEvent.class::isInstance)
                        .last().extracting(bar -> ((BarEvent) bar).getSymbol()).isEqualTo(signal.getSymbol());
            }
        }
    }

    /** An engine wired with a recorder that sees every event once, in the order they are published. */
    enum Variant {
        SYNC {
            @Override
            Engine wire(Components parts, List<Event> events) {
                return new SyncEngine(parts, new RecordingBus(events));
            }
        },
        QUEUED {
            @Override
            Engine wire(Components parts, List<Event> events) {
                QueuedEventBus bus = new QueuedEventBus() {
                    @Override
                    public void publish(Event event) {
                        events.add(event);
                        super.publish(event);
                    }
                };
                return new QueuedEngine(parts, bus);
            }
        },
        EXECUTOR {
            // The gateway thread records too; it and the main thread take turns, ordered by the fill's future.
            @Override
            Engine wire(Components parts, List<Event> events) {
                return new GatewayEngine(parts, new RecordingBus(events));
            }
        },
        CONTAINERS {
            @Override
            Engine wire(Components parts, List<Event> events) {
                Set<Event> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                return new ContainerEngine(parts, () -> new RecordingBus(events, seen));
            }
        },
        GUAVA {
            @Override
            Engine wire(Components parts, List<Event> events) {
                return new GuavaEngine(parts, failures -> {
                    com.google.common.eventbus.EventBus bus = new com.google.common.eventbus.EventBus(failures);
                    bus.register(new GuavaRecorder(events));
                    return bus;
                });
            }
        },
        GUAVA_ASYNC {
            // Recorded on the guava-async thread; read after the run, once the engine waited for it to go idle.
            @Override
            Engine wire(Components parts, List<Event> events) {
                return new AsyncGuavaEngine(parts, (executor, failures) -> {
                    AsyncEventBus bus = new AsyncEventBus(executor, failures);
                    bus.register(new GuavaRecorder(events));
                    return bus;
                });
            }
        },
        QUEUE {
            @Override
            Engine wire(Components parts, List<Event> events) {
                return new QueueEngine(parts, new ArrayDeque<>() {
                    @Override
                    public boolean add(Event event) {
                        events.add(event);
                        return super.add(event);
                    }
                });
            }
        };

        abstract Engine wire(Components parts, List<Event> events);

        Recording record(BacktestConfig config) {
            Components parts = new Components(config);
            List<Event> events = new ArrayList<>();
            Results results = new Backtest(parts, wire(parts, events)).run();
            return new Recording(results, events);
        }
    }

    private record Recording(Results results, List<Event> events) {
    }

    /** Records what is published on it; with a shared {@code seen}, only the first bus to publish an event does. */
    private static final class RecordingBus extends EventBus {

        private final List<Event> events;
        private final Set<Event> seen;

        RecordingBus(List<Event> events) {
            this(events, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        RecordingBus(List<Event> events, Set<Event> seen) {
            this.events = events;
            this.seen = seen;
        }

        @Override
        public void publish(Event event) {
            if (seen.add(event)) {
                events.add(event);
            }
            super.publish(event);
        }
    }

    /** Subscribed to the supertype of all events, it is called for each of them, after their own subscribers. */
    public static final class GuavaRecorder {

        private final List<Event> events;

        GuavaRecorder(List<Event> events) {
            this.events = events;
        }

        @Subscribe
        public void record(Event event) {
            events.add(event);
        }
    }

    private static long count(List<Event> events, Class<? extends Event> kind) {
        return events.stream().filter(kind::isInstance).count();
    }

    private static List<EventType> types(List<Event> events) {
        return events.stream().map(Event::getType).toList();
    }

    private static List<Long> ids(List<Event> events, Class<? extends Event> kind) {
        return events.stream().filter(kind::isInstance).map(EngineTest::id).toList();
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
