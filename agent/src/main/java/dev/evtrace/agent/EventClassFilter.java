package dev.evtrace.agent;

import java.util.function.Predicate;

/**
 * Whether an object is one of the program's events ({@code tracer.event.class}), decided once per class by
 * name up its hierarchy, so the event class need not be loadable from the agent. Without an event class
 * every object counts.
 */
final class EventClassFilter implements Predicate<Object> {
    private final String eventClass;
    private final ClassValue<Boolean> verdicts = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isA(type);
        }
    };

    EventClassFilter(String eventClass) {
        this.eventClass = eventClass;
    }

    @Override
    public boolean test(Object candidate) {
        return eventClass.isEmpty() || verdicts.get(candidate.getClass());
    }

    private boolean isA(Class<?> type) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(eventClass)) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (isA(i)) {
                return true;
            }
        }
        return isA(type.getSuperclass());
    }
}
