package dev.evtrace.agent.bootstrap;

/**
 * The component a handler class stands for, computed once per class: its name, except that a lambda or
 * method reference ({@code com.acme.Strategy$$Lambda$ByteBuddy$2/0x…}) stands for the class that wrote it.
 * The advice records a handler's class and the ring's reader asks for its name: the lookup (a ClassValue, ~20 ns
 * a delivery on the program's thread) runs on the writer's.
 */
final class SourceNames {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getName();
            int lambda = name.indexOf("$$Lambda");
            return lambda > 0 ? name.substring(0, lambda) : name;
        }
    };

    private static final int RECENT = 8;
    /**
     * The handler classes named last, checked by identity first: a bus delivers to the same few handlers over and
     * over, and under C1, which compiles the writer, a {@link ClassValue#get} is ~15 ns of calls (2% of the writer's
     * CPU in a sync run's profile, BENCHMARKS.md, session 31). Each slot holds a class and its name in one object, so a
     * thread that reads a slot another is writing sees a pair, old or new. (A class held here cannot be unloaded
     * until eight others have been named since.)
     */
    private static final Named[] recent = new Named[RECENT];
    private static int next;

    private SourceNames() {}

    /** A source as the advice recorded it, a name or a handler's class, as a name. */
    static String name(Object source) {
        if (!(source instanceof Class<?> type)) {
            return (String) source;
        }
        Named[] slots = recent;
        for (int i = 0; i < RECENT; i++) {
            Named named = slots[i];
            if (named != null && named.type == type) {
                return named.name;
            }
        }
        String name = NAMES.get(type);
        slots[next++ & (RECENT - 1)] = new Named(type, name);
        return name;
    }

    private record Named(Class<?> type, String name) {}
}
