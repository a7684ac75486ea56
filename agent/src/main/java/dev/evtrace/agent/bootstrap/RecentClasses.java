package dev.evtrace.agent.bootstrap;

/**
 * A {@link ClassValue}'s values for the few classes asked for last, found by identity. The writer asks over and
 * over for the value of a handful of classes: each delivery's handler class (its name), each event's class (its
 * fields, its timestamp getter). Under C1, which compiles the writer (see the agent's {@code WriterCompilation}), a
 * {@link ClassValue#get} is ~15 ns of calls, 3% of the writer's CPU in a sync run's profile (BENCHMARKS.md, session
 * 31); a scan of these slots is a few.
 *
 * <p>Each slot holds a class and its value in one object, so a thread that reads a slot while another writes it
 * sees a pair, old or new. A class held here cannot be unloaded until as many others as there are slots have been
 * asked for since.
 */
public final class RecentClasses<V> {
    private final ClassValue<V> values;
    private final Entry<?>[] slots;
    private int next;

    /** @param slots a power of two */
    public RecentClasses(ClassValue<V> values, int slots) {
        this.values = values;
        this.slots = new Entry<?>[slots];
    }

    @SuppressWarnings("unchecked")
    public V get(Class<?> type) {
        Entry<?>[] recent = slots;
        for (Entry<?> entry : recent) {
            if (entry != null && entry.type == type) {
                return (V) entry.value;
            }
        }
        V value = values.get(type);
        recent[next++ & (recent.length - 1)] = new Entry<>(type, value);
        return value;
    }

    private record Entry<V>(Class<?> type, V value) {}
}
