package dev.evtrace.agent.writer;

/**
 * A {@link ClassValue}'s values for the few classes asked for last, found by identity. The writer asks for the
 * value of each event's class (its fields, its timestamp getter) over and over, for a handful of classes; under
 * C1, which compiles the writer (see the agent's {@code WriterCompilation}), a {@link ClassValue#get} is ~15 ns of
 * calls, a scan of these slots a few. One writer thread uses an instance.
 */
final class RecentClasses<V> {
    private static final int SLOTS = 4;

    private final ClassValue<V> values;
    private final Class<?>[] recent = new Class<?>[SLOTS];
    private final Object[] recentValues = new Object[SLOTS];
    private int next;

    RecentClasses(ClassValue<V> values) {
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    V get(Class<?> type) {
        for (int i = 0; i < SLOTS; i++) {
            if (recent[i] == type) {
                return (V) recentValues[i];
            }
        }
        V value = values.get(type);
        recent[next] = type;
        recentValues[next] = value;
        next = (next + 1) & (SLOTS - 1);
        return value;
    }
}
