package dev.evtrace.agent.writer;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.sampling.SamplingOptions;
import dev.evtrace.store.sampling.SmartSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sampling of one run on the writer thread ({@code tracer.sample.rate} below 1): the seed's smart sampler
 * decides, a few events after each one, whether it is written; a handler delivery is written if and only
 * if its event is. Deliveries can come before their event's decision (a synchronous handler ends before
 * publish does) or long after it (a queued bus), so both are remembered, within fixed bounds.
 */
final class RunSampler {
    /** Decisions remembered for late deliveries, and deliveries waiting for a decision. */
    static final int MEMORY = 1 << 16;

    interface Sink {
        void write(TracedEvent event) throws IOException;

        void write(Delivery delivery) throws IOException;
    }

    private final Sink sink;
    private final SmartSampler<TracedEvent> sampler;
    private final Map<Long, List<Delivery>> waiting = new LinkedHashMap<>();
    private final LinkedHashMap<Long, Boolean> decided = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > MEMORY;
        }
    };
    private int waitingDeliveries;

    RunSampler(SamplingOptions options, Sink sink) {
        this.sink = sink;
        this.sampler = new SmartSampler<>(options, TracedEvent::eventType, this::kept, this::sampledOut);
    }

    void event(TracedEvent event) throws IOException {
        try {
            sampler.accept(event);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    void delivery(Delivery delivery) throws IOException {
        Boolean keep = decided.get(delivery.eventId());
        if (keep == null) {
            if (waitingDeliveries >= MEMORY) {
                forgetOldestWaiting();
            }
            waiting.computeIfAbsent(delivery.eventId(), id -> new ArrayList<>(2)).add(delivery);
            waitingDeliveries++;
        } else if (keep) {
            sink.write(delivery);
        }
    }

    /** Decides the events still waiting for the ones after them, as at the end of the run. */
    void flush() throws IOException {
        try {
            sampler.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    Map<String, Long> sampledOutByType() {
        return sampler.droppedByType();
    }

    private void kept(TracedEvent event) {
        try {
            sink.write(event);
            decided.put(event.eventId(), Boolean.TRUE);
            List<Delivery> deliveries = waiting.remove(event.eventId());
            if (deliveries != null) {
                waitingDeliveries -= deliveries.size();
                for (Delivery d : deliveries) {
                    sink.write(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sampledOut(TracedEvent event) {
        decided.put(event.eventId(), Boolean.FALSE);
        List<Delivery> deliveries = waiting.remove(event.eventId());
        if (deliveries != null) {
            waitingDeliveries -= deliveries.size();
        }
    }

    /** A delivery whose event never came (lost to a full ring) must not hold memory forever. */
    private void forgetOldestWaiting() {
        Iterator<Map.Entry<Long, List<Delivery>>> it = waiting.entrySet().iterator();
        if (it.hasNext()) {
            waitingDeliveries -= it.next().getValue().size();
            it.remove();
        }
    }
}
