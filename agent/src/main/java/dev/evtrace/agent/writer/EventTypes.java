package dev.evtrace.agent.writer;

import java.util.function.Consumer;

/**
 * The type name of an event: the value of the configured accessor ({@code tracer.event.type}, e.g.
 * {@code getType}; an enum gives its name), or else the event class's simple name.
 */
public final class EventTypes {
    private final EventAccessor accessor;
    private final ClassValue<String> simpleNames = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    };

    public EventTypes(String accessorName, Consumer<String> warn) {
        this.accessor = accessorName.isEmpty() ? null : new EventAccessor(accessorName, "tracer.event.type", warn);
    }

    public String typeOf(Object event) {
        if (accessor != null) {
            Object value = accessor.read(event);
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            if (value != null) {
                String s = value.toString();
                if (s != null && !s.isEmpty()) {
                    return s;
                }
            }
        }
        return simpleNames.get(event.getClass());
    }
}
