package com.acme.programs;

import com.acme.programs.HandlerShapesProgram.Bus;
import com.acme.programs.HandlerShapesProgram.Event;
import com.acme.programs.HandlerShapesProgram.Handler;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Publishes from its first line, while the agent is still installing its instrumentation on another thread:
 * every class here that needs instrumenting is loaded then, each matched a different way (a handler two levels
 * below the configured interface, the program's own executor, a JDK call site in a caller class); the bus is
 * {@link HandlerShapesProgram}'s. Used by the agent's EarlyClassesIT and, as real class files, by the start-up
 * gate's unit tests.
 */
public final class EarlyPublisherProgram {
    /** Two levels below the configured interface. */
    public abstract static class BaseHandler implements Handler {}

    /** Runs each task on a thread of its own and waits for it: a context must cross to that thread. */
    public static final class ThreadPerTask implements Executor {
        @Override
        public void execute(Runnable task) {
            Thread t = new Thread(task);
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static final class Strategy extends BaseHandler {
        private final Bus bus;
        private final Executor executor;

        Strategy(Bus bus, Executor executor) {
            this.bus = bus;
            this.executor = executor;
        }

        @Override
        public void handle(Event event) {
            if (event.name().equals("BAR")) {
                bus.publish(new Event("SIGNAL", "BAR"));
                executor.execute(() -> bus.publish(new Event("FROM_TASK", "BAR")));
            }
        }
    }

    /** No bus: events go into a queue, whose add() is the configured JDK publish method. */
    public static final class Inbox {
        private final Queue<Event> queue = new ArrayDeque<>();

        public void offerNews() {
            queue.add(new Event("NEWS", ""));
        }
    }

    /** Loaded with the rest, instrumented by nothing. */
    public static final class Unrelated {
        public int answer() {
            return 42;
        }
    }

    public static void main(String[] args) {
        Bus bus = new Bus();
        bus.subscribe(new Strategy(bus, new ThreadPerTask()));
        bus.publish(new Event("BAR", ""));
        new Inbox().offerNews();
        System.out.println("answer: " + new Unrelated().answer());
    }
}
