package dev.evtrace.agent.writer;

import java.util.Objects;

/**
 * The type names of the events the writer read last, by run and event id, so that an event's rows share one
 * reading of its type: each delivery row names its event's type, and the configured accessor is a reflective
 * call (a twentieth of the writer's time when every delivery made it). An event's deliveries and its own row
 * are close together in the ring (on a synchronous bus the deliveries come first, its own row when publish
 * returns), so a small table indexed by the id finds them. Event ids are unique within a run, so a hit is the
 * same event, read earlier by a few rows; an event object that is reused for another event gets another id
 * and is read again. One writer thread uses an instance.
 */
final class RecentTypes {
    private static final int SIZE = 256;

    private final EventTypes types;
    private final long[] ids = new long[SIZE];
    private final String[] runs = new String[SIZE];
    private final String[] names = new String[SIZE];

    RecentTypes(EventTypes types) {
        this.types = types;
    }

    String typeOf(Object event, String run, long eventId) {
        int i = (int) eventId & (SIZE - 1);
        if (names[i] != null && ids[i] == eventId && Objects.equals(runs[i], run)) {
            return names[i];
        }
        String type = types.typeOf(event);
        ids[i] = eventId;
        runs[i] = run;
        names[i] = type;
        return type;
    }
}
