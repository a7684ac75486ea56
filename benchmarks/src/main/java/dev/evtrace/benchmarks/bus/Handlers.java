package dev.evtrace.benchmarks.bus;

/**
 * Three handler classes that do almost nothing, so a delivery costs little more than the call: what the
 * advice adds stands out. Three classes, not one, make the bus's call site megamorphic as in the sample,
 * whose BAR event goes to four different handler classes.
 */
public final class Handlers {
    private Handlers() {}

    /** The handler classes, in subscription order. */
    public static final Class<?>[] TYPES = {First.class, Second.class, Third.class};

    public static class First implements Handler {
        private long handled;

        @Override
        public void handle(Object event) {
            handled++;
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    public static class Second implements Handler {
        private long handled;

        @Override
        public void handle(Object event) {
            handled++;
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    public static class Third implements Handler {
        private long handled;

        @Override
        public void handle(Object event) {
            handled++;
        }

        @Override
        public long handled() {
            return handled;
        }
    }
}
