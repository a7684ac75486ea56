package dev.evtrace.agent.bootstrap;

/**
 * The component a handler class stands for, computed once per class: its name, except that a lambda or
 * method reference ({@code com.acme.Strategy$$Lambda$ByteBuddy$2/0x…}) stands for the class that wrote it.
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

    private SourceNames() {}

    static String of(Object handler) {
        return NAMES.get(handler.getClass());
    }
}
