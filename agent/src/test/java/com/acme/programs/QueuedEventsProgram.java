package com.acme.programs;

import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.function.BiFunction;

/**
 * A queued bus (publish enqueues, a loop delivers later), traced by QueuedEventsIT with either event class as
 * {@code tracer.event.class}: one the agent can give the fields of a deferred event, and a Serializable one that
 * declares no serialVersionUID, which it must leave as it is. It prints that serialVersionUID, and on stderr
 * the interfaces each event class has.
 */
public final class QueuedEventsProgram {
    /** The event class the agent may add fields to. The cause names the type of the event that led to it. */
    public static class Event {
        final String name;
        final String cause;

        Event(String name, String cause) {
            this.name = name;
            this.cause = cause;
        }
    }

    /** The same, serializable with the serialVersionUID Java derives from its members. */
    public static class SerialEvent implements Serializable {
        final String name;
        final String cause;

        SerialEvent(String name, String cause) {
            this.name = name;
            this.cause = cause;
        }
    }

    public interface Handler {
        void handle(Object event);
    }

    public static final class Bus {
        private final Queue<Object> queue = new ArrayDeque<>();
        private final List<Handler> handlers = new ArrayList<>();

        void subscribe(Handler handler) {
            handlers.add(handler);
        }

        public void publish(Object event) {
            queue.add(event);
        }

        void dispatch() {
            for (Object event; (event = queue.poll()) != null; ) {
                for (Handler h : handlers) {
                    h.handle(event);
                }
            }
        }
    }

    /** A named class: the JVM hides a lambda's class from agents. */
    static final class Strategy implements Handler {
        private final Bus bus;
        private final BiFunction<String, String, Object> make;

        Strategy(Bus bus, BiFunction<String, String, Object> make) {
            this.bus = bus;
            this.make = make;
        }

        @Override
        public void handle(Object event) {
            String name = event instanceof Event e ? e.name : ((SerialEvent) event).name;
            if (name.equals("BAR")) {
                bus.publish(make.apply("SIGNAL", "BAR"));
            } else if (name.equals("SIGNAL")) {
                bus.publish(make.apply("ORDER", "SIGNAL"));
            }
        }
    }

    private QueuedEventsProgram() {}

    public static void main(String[] args) {
        BiFunction<String, String, Object> make = args.length > 0 && args[0].equals("serial")
                ? SerialEvent::new : Event::new;
        Bus bus = new Bus();
        bus.subscribe(new Strategy(bus, make));
        bus.publish(make.apply("BAR", ""));
        bus.publish(make.apply("BAR", ""));
        bus.dispatch();
        System.out.println("serialVersionUID " + ObjectStreamClass.lookup(SerialEvent.class).getSerialVersionUID());
        System.err.println("Event implements " + Arrays.toString(Event.class.getInterfaces()));
        System.err.println("SerialEvent implements " + Arrays.toString(SerialEvent.class.getInterfaces()));
        System.out.println("done");
    }
}
