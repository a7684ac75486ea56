package dev.evtrace.agent.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events published but not yet delivered when publish returned (a queued bus, Guava's nested posts, an
 * async bus): a handler that runs later, on any thread, finds its event's id here by object identity. Keys
 * are weak, so an event the program has dropped leaves no trace here.
 */
final class DeferredEvents {
    record Entry(long eventId, RunState run) {}

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    void register(Object event, long eventId, RunState run) {
        for (Object stale = collected.poll(); stale != null; stale = collected.poll()) {
            entries.remove(stale);
        }
        entries.put(new WeakKey(event, collected), new Entry(eventId, run));
    }

    Entry lookup(Object event) {
        return entries.get(new Probe(event));
    }

    int size() {
        return entries.size();
    }

    /** Equal to a WeakKey or Probe of the same object: identity, never the event's own equals. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object event, ReferenceQueue<Object> queue) {
            super(event, queue);
            hash = System.identityHashCode(event);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object mine = get();
            return mine != null && (other instanceof WeakKey k ? k.get() == mine : other instanceof Probe p && p.event == mine);
        }
    }

    private static final class Probe {
        final Object event;

        Probe(Object event) {
            this.event = event;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(event);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey k ? k.get() == event : other instanceof Probe p && p.event == event;
        }
    }
}
