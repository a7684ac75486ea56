package com.acme.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * A small engine with every handler shape real code has, traced by the agent's HandlerShapesIT: a lambda, a
 * method reference, an interface default method, an abstract base class, a generic handler (whose compiler
 * bridge must count once), a handler that publishes re-entrantly, and one that throws.
 */
public final class HandlerShapesProgram {
    /** The program's events: the name says what the event is, the cause what its handler expects it to have. */
    public record Event(String name, String cause) {}

    public interface Handler {
        void handle(Event event);
    }

    public interface DefaultHandler extends Handler {
        @Override
        default void handle(Event event) {
            if (event.name().equals("BAR")) {
                Bus.current.publish(new Event("FROM_DEFAULT", "BAR"));
            }
        }
    }

    public abstract static class BaseHandler implements Handler {
        @Override
        public void handle(Event event) {
            if (event.name().equals("BAR")) {
                onBar(event);
            }
        }

        protected abstract void onBar(Event event);
    }

    public interface TypedHandler<T> {
        void handle(T event);
    }

    public static final class Bus {
        static Bus current;
        private final List<Handler> handlers = new ArrayList<>();

        public void subscribe(Handler handler) {
            handlers.add(handler);
        }

        public void publish(Event event) {
            for (Handler h : handlers) {
                h.handle(event);
            }
        }
    }

    public static final class Strategy {
        public void onEvent(Event event) {
            if (event.name().equals("BAR")) {
                Bus.current.publish(new Event("FROM_METHOD_REF", "BAR"));
            }
        }
    }

    static final class Defaulted implements DefaultHandler {}

    static final class Derived extends BaseHandler {
        @Override
        protected void onBar(Event event) {
            Bus.current.publish(new Event("FROM_BASE", "BAR"));
        }
    }

    /** Generic: javac adds a bridge handle(Object) that calls handle(Event); only one delivery must count. */
    public static final class Generic implements TypedHandler<Event>, Handler {
        @Override
        public void handle(Event event) {
            if (event.name().equals("BAR")) {
                Bus.current.publish(new Event("FROM_GENERIC", "BAR"));
            }
        }
    }

    public static final class Thrower implements Handler {
        @Override
        public void handle(Event event) {
            if (event.name().equals("BOOM")) {
                throw new IllegalStateException("boom");
            }
        }
    }

    private HandlerShapesProgram() {}

    public static void main(String[] args) {
        // JDK code whose lambdas live in non-exported packages: an agent that redefines lambdas breaks this.
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Bus bus = new Bus();
        Bus.current = bus;
        Strategy strategy = new Strategy();
        bus.subscribe(event -> {
            if (event.name().equals("BAR")) {
                bus.publish(new Event("FROM_LAMBDA", "BAR"));
            } else if (event.name().equals("FROM_LAMBDA")) {
                bus.publish(new Event("REENTRANT", "FROM_LAMBDA"));
            }
        });
        bus.subscribe(strategy::onEvent);
        bus.subscribe(new Defaulted());
        bus.subscribe(new Derived());
        bus.subscribe(new Generic());
        bus.subscribe(new Thrower());
        bus.publish(new Event("BAR", ""));
        try {
            bus.publish(new Event("BOOM", ""));
        } catch (IllegalStateException e) {
            System.out.println("caught: " + e.getMessage());
        }
        System.out.println("done");
    }
}
