package dev.evtrace.agent.bootstrap;

/**
 * The component a handler class stands for, computed once per class: its name, except that a lambda or
 * method reference ({@code com.acme.Strategy$$Lambda$ByteBuddy$2/0x…}) stands for the class that wrote it.
 * The advice records a handler's class and the ring's reader asks for its name: the lookup (a ClassValue, ~20 ns
 * a delivery on the program's thread) runs on the writer's.
 */
final class SourceNames {
    /** The writer names the same few handler classes over and over: the last 8 are found by identity. */
    private static final RecentClasses<String> NAMES = new RecentClasses<>(new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getName();
            int lambda = name.indexOf("$$Lambda");
            return lambda > 0 ? name.substring(0, lambda) : name;
        }
    }, 8);

    private SourceNames() {}

    /** A source as the advice recorded it, a name or a handler's class, as a name. */
    static String name(Object source) {
        return source instanceof Class<?> type ? NAMES.get(type) : (String) source;
    }
}
